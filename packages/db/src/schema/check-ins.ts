// Accountability (issue 4): residents' check-ins with the recovery meetings they
// attended, the sign-out / sign-in log, drug and alcohol tests with the random
// draws that chose who was tested, and BARC-10 recovery-capital surveys. Times
// are the server's. Entries are never changed or removed: a correction is a new
// check-in pointing to the one it corrects, a lab result a new test entry
// pointing to the sample it confirms.
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { houses } from './houses';
import { organisations } from './organisations';
import { residents } from './residents';

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const CHECK_IN_KINDS = ['daily', 'curfew'] as const;

export const checkIns = sqliteTable(
  'check_ins',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    kind: text({ enum: CHECK_IN_KINDS }).notNull(),
    // the house-local day (daily) or night (curfew) the entry counts for
    forDate: text().notNull(),
    // server time; a correction keeps the original's timing and is read in its place
    recordedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    late: integer({ mode: 'boolean' }).notNull().default(false),
    correctsId: text().references((): AnySQLiteColumn => checkIns.id),
    correctionReason: text(),
    mood: integer(),
    craving: integer(),
    halt: text({ mode: 'json' }).$type<string[]>(),
    sleepHours: real(),
    sponsorContact: integer({ mode: 'boolean' }),
    workOrSchool: integer({ mode: 'boolean' }),
    note: text(),
    latitude: real(),
    longitude: real(),
    locationAccuracy: real(),
    recordedBy: text().references(() => users.id),
  },
  (t) => [
    index('check_ins_house_date_idx').on(t.houseId, t.forDate),
    // one daily check-in a day and one curfew check-in a night; a change is a correction
    uniqueIndex('check_ins_one_per_day_uq')
      .on(t.residentId, t.kind, t.forDate)
      .where(sql`corrects_id is null`),
    index('check_ins_resident_date_idx').on(t.residentId, t.forDate),
    index('check_ins_corrects_idx')
      .on(t.correctsId)
      .where(sql`corrects_id is not null`),
  ],
);

/** Recovery meetings a resident reports with a daily check-in. */
export const checkInMeetings = sqliteTable(
  'check_in_meetings',
  {
    id: text().primaryKey(),
    checkInId: text()
      .notNull()
      .references(() => checkIns.id),
    // one of the domain's MEETING_TYPES
    type: text().notNull(),
    name: text().notNull(),
    verification: text(),
    // picked from the house's resource directory, when it was
    resourceId: text(),
  },
  (t) => [index('check_in_meetings_check_in_idx').on(t.checkInId)],
);

/** Short outings logged by the resident: out to a destination, back by a time. */
export const signOuts = sqliteTable(
  'sign_outs',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    destination: text().notNull(),
    signedOutAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expectedReturnAt: integer({ mode: 'timestamp_ms' }).notNull(),
    signedInAt: integer({ mode: 'timestamp_ms' }),
    signedInRecordedBy: text().references(() => users.id),
    createdBy: text().references(() => users.id),
  },
  (t) => [
    index('sign_outs_house_open_idx')
      .on(t.houseId, t.expectedReturnAt)
      .where(sql`signed_in_at is null`),
    index('sign_outs_resident_idx').on(t.residentId, t.signedOutAt),
  ],
);

/** Who was eligible, who was drawn, and the seed, so anyone can re-run a draw. */
export const randomDraws = sqliteTable(
  'random_draws',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    requestedBy: text()
      .notNull()
      .references(() => users.id),
    requestedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    count: integer(),
    percent: integer(),
    reason: text(),
    eligible: text({ mode: 'json' }).$type<string[]>().notNull(),
    drawn: text({ mode: 'json' }).$type<string[]>().notNull(),
    seed: integer().notNull(),
  },
  (t) => [index('random_draws_house_idx').on(t.houseId, t.requestedAt)],
);

export const drugTests = sqliteTable(
  'drug_tests',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    // a lab confirmation points to the sample it confirms and carries the lab's result
    confirmsId: text().references((): AnySQLiteColumn => drugTests.id),
    drawId: text().references(() => randomDraws.id),
    type: text().notNull(),
    method: text().notNull(),
    panel: text({ mode: 'json' }).$type<string[]>().notNull(),
    result: text().notNull(),
    positiveFor: text({ mode: 'json' }).$type<string[]>().notNull(),
    lab: text(),
    witness: text(),
    notes: text(),
    collectedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    recordedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    recordedBy: text().references(() => users.id),
  },
  (t) => [
    index('drug_tests_resident_idx').on(t.residentId, t.collectedAt),
    index('drug_tests_house_idx').on(t.houseId, t.collectedAt),
    index('drug_tests_confirms_idx')
      .on(t.confirmsId)
      .where(sql`confirms_id is not null`),
    // the operator's overview: positive or refused tests, and tests a lab confirmed, per house
    index('drug_tests_house_result_idx')
      .on(t.houseId, t.result, t.collectedAt)
      .where(sql`confirms_id is null`),
    index('drug_tests_house_confirmations_idx')
      .on(t.houseId, t.collectedAt, t.confirmsId)
      .where(sql`confirms_id is not null`),
  ],
);

/** The BARC-10 survey of recovery capital: ten answers 1–6, total 10–60. */
export const recoveryCapitalSurveys = sqliteTable(
  'recovery_capital_surveys',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    answers: text({ mode: 'json' }).$type<number[]>().notNull(),
    total: integer().notNull(),
    forDate: text().notNull(),
    submittedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    createdAt: now(),
  },
  (t) => [index('recovery_capital_resident_idx').on(t.residentId, t.submittedAt)],
);
