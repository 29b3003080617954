// Houses, their rooms and beds.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const houses = sqliteTable(
  'houses',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    address: text().notNull(),
    // IANA timezone name; local dates of the house are read in it
    timezone: text().notNull(),
    // NARR level of support, 1 (peer-run) to 4 (service provider)
    narrLevel: integer().notNull(),
    capacity: integer().notNull(),
    // check-in policy: the daily check-in is due by this house-local HH:MM; the
    // curfew check-in ("I'm home") opens this many minutes before curfew and is
    // on time until this many minutes after it
    dailyCheckInBy: text().notNull().default('21:00'),
    curfewWindowBefore: integer().notNull().default(60),
    curfewGrace: integer().notNull().default(15),
    // chores: a rota covers 7 or 14 days; a swap between residents may need a manager's approval
    choreRotaDays: integer().notNull().default(7),
    choreSwapsNeedApproval: integer({ mode: 'boolean' }).notNull().default(true),
    // officers: the longest term in months, and whether one may serve twice in a row
    officerTermMonths: integer().notNull().default(6),
    officerConsecutiveAllowed: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [index('houses_org_idx').on(t.organisationId, t.name)],
);

export const rooms = sqliteTable(
  'rooms',
  {
    id: text().primaryKey(),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    name: text().notNull(),
    createdAt: now(),
  },
  (t) => [uniqueIndex('rooms_house_name_uq').on(t.houseId, t.name)],
);

export const beds = sqliteTable(
  'beds',
  {
    id: text().primaryKey(),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    roomId: text()
      .notNull()
      .references(() => rooms.id),
    label: text().notNull(),
    createdAt: now(),
  },
  (t) => [
    uniqueIndex('beds_house_label_uq').on(t.houseId, t.label),
    index('beds_room_idx').on(t.roomId),
  ],
);
