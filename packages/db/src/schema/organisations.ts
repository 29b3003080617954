// Organisations (the operator's account) and the memberships that give a person
// a role in one. A manager membership lists the houses it covers.
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { houses } from './houses';

export const ROLES = ['operator', 'manager', 'resident'] as const;

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable('organisations', {
  id: text().primaryKey(),
  name: text().notNull(),
  createdAt: now(),
});

export const memberships = sqliteTable(
  'memberships',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    role: text({ enum: ROLES }).notNull(),
    createdAt: now(),
    deactivatedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('memberships_org_user_uq').on(t.organisationId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const membershipHouses = sqliteTable(
  'membership_houses',
  {
    membershipId: text()
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    houseId: text()
      .notNull()
      .references(() => houses.id),
  },
  (t) => [
    primaryKey({ columns: [t.membershipId, t.houseId] }),
    index('membership_houses_house_idx').on(t.houseId),
  ],
);

export const invites = sqliteTable(
  'invites',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    role: text({ enum: ROLES }).notNull(),
    email: text().notNull(),
    name: text().notNull(),
    // JSON array of house ids, for manager invites
    houseIds: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    // for resident invites: the resident record the new account is linked to
    residentId: text(),
    // only a SHA-256 of the token is stored; the link carries the token itself
    tokenHash: text().notNull().unique(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer({ mode: 'timestamp_ms' }),
    acceptedUserId: text().references(() => users.id),
    revokedAt: integer({ mode: 'timestamp_ms' }),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    createdAt: now(),
  },
  (t) => [index('invites_org_idx').on(t.organisationId, t.createdAt)],
);
