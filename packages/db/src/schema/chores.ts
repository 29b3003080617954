// Chores (issue 5): each house's chore list, who is excused from or pinned to
// a chore, rotas for a period with their occurrences, what happened to each
// occurrence (done, checked, swapped, handed on), and swaps between residents.
// Chores are retired, never deleted; a published rota's occurrences are never
// deleted, and every change to one is an event beside it.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { houses } from './houses';
import { organisations } from './organisations';
import { residents } from './residents';

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const CHORE_FREQUENCIES = ['daily', 'weekdays', 'weekly'] as const;
export const ROTA_STATUSES = ['draft', 'published'] as const;
export const CHECK_RESULTS = ['verified', 'rejected'] as const;
export const CHORE_EVENT_KINDS = [
  'assigned',
  'done',
  'verified',
  'rejected',
  'swapped',
  'reassigned',
] as const;
export const SWAP_STATUSES = [
  'requested',
  'accepted',
  'approved',
  'declined',
  'rejected',
  'cancelled',
] as const;

export const chores = sqliteTable(
  'chores',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    name: text().notNull(),
    area: text(),
    instructions: text(),
    frequency: text({ enum: CHORE_FREQUENCIES }).notNull(),
    // ISO weekdays (1 = Monday) for "given days" and the one day of a weekly chore
    weekdays: text({ mode: 'json' }).$type<number[]>().notNull(),
    effort: integer().notNull(),
    needsVerification: integer({ mode: 'boolean' }).notNull().default(false),
    residentsNeeded: integer().notNull().default(1),
    retiredAt: integer({ mode: 'timestamp_ms' }),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [index('chores_house_idx').on(t.houseId, t.name)],
);

/** A resident excused from a chore (a bad back and the yard work): ended, never deleted. */
export const choreExclusions = sqliteTable(
  'chore_exclusions',
  {
    id: text().primaryKey(),
    choreId: text()
      .notNull()
      .references(() => chores.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    reason: text().notNull(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
    endedAt: integer({ mode: 'timestamp_ms' }),
    endedBy: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('chore_exclusions_open_uq')
      .on(t.choreId, t.residentId)
      .where(sql`ended_at is null`),
  ],
);

/** A chore a manager pins to a resident, in every rota while the pin stands. */
export const chorePins = sqliteTable(
  'chore_pins',
  {
    id: text().primaryKey(),
    choreId: text()
      .notNull()
      .references(() => chores.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    createdAt: now(),
    createdBy: text().references(() => users.id),
    endedAt: integer({ mode: 'timestamp_ms' }),
    endedBy: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('chore_pins_open_uq')
      .on(t.choreId, t.residentId)
      .where(sql`ended_at is null`),
  ],
);

export const choreRotas = sqliteTable(
  'chore_rotas',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    startDate: text().notNull(),
    days: integer().notNull(),
    status: text({ enum: ROTA_STATUSES }).notNull().default('draft'),
    // each resident's fair share of the period's effort, for the balance carried on
    shares: text({ mode: 'json' }).$type<Record<string, number>>().notNull(),
    generatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    generatedBy: text().references(() => users.id),
    publishedAt: integer({ mode: 'timestamp_ms' }),
    publishedBy: text().references(() => users.id),
  },
  (t) => [uniqueIndex('chore_rotas_house_start_uq').on(t.houseId, t.startDate)],
);

export const choreOccurrences = sqliteTable(
  'chore_occurrences',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    rotaId: text()
      .notNull()
      .references(() => choreRotas.id),
    choreId: text()
      .notNull()
      .references(() => chores.id),
    date: text().notNull(),
    slot: integer().notNull().default(0),
    // as the chore stood when the rota was made: a later edit does not rewrite history
    effort: integer().notNull(),
    needsVerification: integer({ mode: 'boolean' }).notNull(),
    residentId: text().references(() => residents.id),
    pinned: integer({ mode: 'boolean' }).notNull().default(false),
    // why this resident: the rotation's reasons, as codes
    reasons: text({ mode: 'json' }).$type<Array<Record<string, unknown>>>().notNull(),
    doneAt: integer({ mode: 'timestamp_ms' }),
    doneNote: text(),
    checkedAt: integer({ mode: 'timestamp_ms' }),
    checkedBy: text().references(() => users.id),
    checkResult: text({ enum: CHECK_RESULTS }),
    checkReason: text(),
  },
  (t) => [
    uniqueIndex('chore_occurrences_slot_uq').on(t.rotaId, t.choreId, t.date, t.slot),
    index('chore_occurrences_house_date_idx').on(t.houseId, t.date),
    index('chore_occurrences_resident_date_idx').on(t.residentId, t.date),
  ],
);

/** Everything that happened to a published occurrence, in order. */
export const choreEvents = sqliteTable(
  'chore_events',
  {
    id: text().primaryKey(),
    occurrenceId: text()
      .notNull()
      .references(() => choreOccurrences.id),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    actorUserId: text().references(() => users.id),
    kind: text({ enum: CHORE_EVENT_KINDS }).notNull(),
    fromResidentId: text().references(() => residents.id),
    toResidentId: text().references(() => residents.id),
    note: text(),
  },
  (t) => [index('chore_events_occurrence_idx').on(t.occurrenceId, t.at)],
);

export const choreSwaps = sqliteTable(
  'chore_swaps',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    occurrenceId: text()
      .notNull()
      .references(() => choreOccurrences.id),
    requesterId: text()
      .notNull()
      .references(() => residents.id),
    counterpartId: text()
      .notNull()
      .references(() => residents.id),
    // the counterpart's occurrence taken in exchange; null when they simply cover it
    theirOccurrenceId: text().references(() => choreOccurrences.id),
    note: text(),
    status: text({ enum: SWAP_STATUSES }).notNull().default('requested'),
    requestedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    answeredAt: integer({ mode: 'timestamp_ms' }),
    decidedAt: integer({ mode: 'timestamp_ms' }),
    decidedBy: text().references(() => users.id),
    decisionReason: text(),
  },
  (t) => [
    index('chore_swaps_house_status_idx').on(t.houseId, t.status),
    index('chore_swaps_counterpart_idx').on(t.counterpartId, t.status),
    index('chore_swaps_requester_idx').on(t.requesterId, t.status),
  ],
);
