// Residents and their stays. A stay places a resident in a bed from a start date
// until an end date (exclusive: the night of the end date is not part of it).
// Stays are never edited back in time: a transfer closes one stay and opens the
// next, so "who slept in bed 12B on March 12" always has an answer.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { beds, houses } from './houses';
import { organisations } from './organisations';

export const STAY_END_REASONS = [
  'transferred',
  'completed',
  'voluntary',
  'relapse',
  'rule_violation',
  'other',
] as const;

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const residents = sqliteTable(
  'residents',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    // the house the resident belongs to: of the open stay, else of the last
    // stay, else the house that took the intake. Kept in step with stays.
    houseId: text()
      .notNull()
      .references(() => houses.id),
    userId: text()
      .unique()
      .references(() => users.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    preferredName: text(),
    phone: text(),
    email: text(),
    dateOfBirth: text(),
    sobrietyDate: text(),
    // the resident's own setting: attach their location to check-ins (shown to
    // the house's staff only). Off unless they turn it on.
    shareLocation: integer({ mode: 'boolean' }).notNull().default(false),
    // the resident agreed their milestones are celebrated on the house board and at meetings
    shareMilestones: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: now(),
    updatedAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [index('residents_house_idx').on(t.houseId, t.lastName, t.firstName)],
);

export const emergencyContacts = sqliteTable(
  'emergency_contacts',
  {
    id: text().primaryKey(),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    name: text().notNull(),
    relationship: text().notNull(),
    phone: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [index('emergency_contacts_resident_idx').on(t.residentId, t.position)],
);

export const stays = sqliteTable(
  'stays',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    bedId: text()
      .notNull()
      .references(() => beds.id),
    // house-local calendar dates, YYYY-MM-DD
    startDate: text().notNull(),
    endDate: text(),
    // the planned move-out (end of program, lease or court order), for the expected move-outs
    expectedEndDate: text(),
    endReason: text({ enum: STAY_END_REASONS }),
    endNote: text(),
    // for a transfer, the stay it continues
    previousStayId: text(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
    endedAt: integer({ mode: 'timestamp_ms' }),
    endedBy: text().references(() => users.id),
  },
  (t) => [
    // the database itself refuses two open stays in one bed or for one resident
    uniqueIndex('stays_open_bed_uq')
      .on(t.bedId)
      .where(sql`end_date is null`),
    uniqueIndex('stays_open_resident_uq')
      .on(t.residentId)
      .where(sql`end_date is null`),
    index('stays_bed_start_idx').on(t.bedId, t.startDate),
    // covers the open stays of houses with their planned ends
    index('stays_house_end_idx').on(t.houseId, t.endDate, t.expectedEndDate),
    index('stays_resident_start_idx').on(t.residentId, t.startDate),
  ],
);
