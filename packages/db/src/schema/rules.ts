// House rules (issue 3): rule books with immutable published versions, residents'
// signed acknowledgements, phases with their history, passes, violations and
// grievances. Nothing here is deleted: violations are voided, grievances move
// along a ladder whose every step is kept.
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

/** A rule as stored in a version snapshot; `key` is stable from version to version. */
export interface StoredRule {
  key: string;
  category: string;
  text: string;
  consequences: Array<{ kind: string; amountCents?: number }>;
}

export const PASS_STATUSES = ['requested', 'approved', 'declined', 'cancelled'] as const;
export const GRIEVANCE_LEVELS = ['house_manager', 'operator'] as const;
export const GRIEVANCE_STATUSES = ['open', 'decided', 'escalated', 'closed', 'withdrawn'] as const;

/** A house's rule book, or an organisation template when `houseId` is null. */
export const ruleBooks = sqliteTable(
  'rule_books',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text().references(() => houses.id),
    name: text().notNull(),
    // the next version being written; published versions never change
    draft: text({ mode: 'json' }).$type<StoredRule[]>(),
    draftUpdatedAt: integer({ mode: 'timestamp_ms' }),
    createdAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('rule_books_house_uq')
      .on(t.houseId)
      .where(sql`house_id is not null`),
    index('rule_books_org_idx').on(t.organisationId),
  ],
);

export const ruleBookVersions = sqliteTable(
  'rule_book_versions',
  {
    id: text().primaryKey(),
    ruleBookId: text()
      .notNull()
      .references(() => ruleBooks.id),
    version: integer().notNull(),
    rules: text({ mode: 'json' }).$type<StoredRule[]>().notNull(),
    changeNote: text(),
    // in a peer-run house, the house-meeting motion that adopted this version
    adoptedByMotionId: text(),
    publishedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    publishedBy: text().references(() => users.id),
  },
  (t) => [uniqueIndex('rule_book_versions_book_version_uq').on(t.ruleBookId, t.version)],
);

export const ruleAcknowledgements = sqliteTable(
  'rule_acknowledgements',
  {
    id: text().primaryKey(),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    ruleBookVersionId: text()
      .notNull()
      .references(() => ruleBookVersions.id),
    typedName: text().notNull(),
    // server time, never the phone's
    acknowledgedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    userId: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('rule_acknowledgements_resident_version_uq').on(t.residentId, t.ruleBookVersionId),
    index('rule_acknowledgements_version_idx').on(t.ruleBookVersionId),
  ],
);

export const phases = sqliteTable(
  'phases',
  {
    id: text().primaryKey(),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    name: text().notNull(),
    position: integer().notNull(),
    // house-local HH:MM; a time before noon means after midnight
    curfewWeeknights: text().notNull(),
    curfewWeekends: text().notNull(),
    overnightPassesAllowed: integer({ mode: 'boolean' }).notNull(),
    passTypesAllowed: text({ mode: 'json' }).$type<string[]>().notNull(),
    minDaysBeforePasses: integer().notNull().default(0),
    dailyCheckIn: integer({ mode: 'boolean' }).notNull().default(true),
    curfewCheckIn: integer({ mode: 'boolean' }).notNull().default(true),
    meetingsPerWeek: integer().notNull().default(0),
    createdAt: now(),
    updatedAt: now(),
    archivedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('phases_house_idx').on(t.houseId, t.position)],
);

/** Which phase a resident is in, from which date; the latest row is the current phase. */
export const residentPhases = sqliteTable(
  'resident_phases',
  {
    id: text().primaryKey(),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    phaseId: text()
      .notNull()
      .references(() => phases.id),
    startDate: text().notNull(),
    reason: text(),
    decidedBy: text().references(() => users.id),
    createdAt: now(),
  },
  (t) => [index('resident_phases_resident_idx').on(t.residentId, t.startDate)],
);

export const passes = sqliteTable(
  'passes',
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
    type: text().notNull(),
    destination: text().notNull(),
    departAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expectedReturnAt: integer({ mode: 'timestamp_ms' }).notNull(),
    contact: text(),
    note: text(),
    status: text({ enum: PASS_STATUSES }).notNull(),
    // what the phase check said when it was requested, shown to whoever decides
    eligibilityNotes: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    decidedBy: text().references(() => users.id),
    decidedAt: integer({ mode: 'timestamp_ms' }),
    decisionReason: text(),
    returnedAt: integer({ mode: 'timestamp_ms' }),
    // who recorded the return: the resident themself, or staff after the fact
    returnedRecordedBy: text().references(() => users.id),
    // a late return the manager looked at and chose not to make a violation
    lateExcusedAt: integer({ mode: 'timestamp_ms' }),
    lateExcusedBy: text().references(() => users.id),
    lateExcuseReason: text(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [
    index('passes_house_status_idx').on(t.houseId, t.status, t.departAt),
    index('passes_resident_idx').on(t.residentId, t.departAt),
  ],
);

export const violations = sqliteTable(
  'violations',
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
    // the rule as the resident acknowledged it: the version and the rule's key in it
    ruleBookVersionId: text()
      .notNull()
      .references(() => ruleBookVersions.id),
    ruleKey: text().notNull(),
    category: text().notNull(),
    // the late return from a pass this violation was made from, if any
    passId: text().references(() => passes.id),
    occurredAt: integer({ mode: 'timestamp_ms' }).notNull(),
    description: text().notNull(),
    consequence: text({ mode: 'json' }).$type<{ kind: string; amountCents?: number }>().notNull(),
    reportedBy: text().references(() => users.id),
    residentResponse: text(),
    respondedAt: integer({ mode: 'timestamp_ms' }),
    voidedAt: integer({ mode: 'timestamp_ms' }),
    voidedBy: text().references(() => users.id),
    voidReason: text(),
    createdAt: now(),
  },
  (t) => [
    index('violations_house_idx').on(t.houseId, t.occurredAt),
    index('violations_resident_idx').on(t.residentId, t.occurredAt),
    index('violations_pass_idx')
      .on(t.passId)
      .where(sql`pass_id is not null`),
  ],
);

export const grievances = sqliteTable(
  'grievances',
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
    violationId: text().references(() => violations.id),
    subject: text().notNull(),
    body: text().notNull(),
    level: text({ enum: GRIEVANCE_LEVELS }).notNull(),
    status: text({ enum: GRIEVANCE_STATUSES }).notNull(),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [
    index('grievances_house_idx').on(t.houseId, t.status),
    index('grievances_resident_idx').on(t.residentId, t.createdAt),
  ],
);

/** Every step of a grievance: decisions with reasons, escalations, acceptance, withdrawal. */
export const grievanceSteps = sqliteTable(
  'grievance_steps',
  {
    id: text().primaryKey(),
    grievanceId: text()
      .notNull()
      .references(() => grievances.id),
    level: text({ enum: GRIEVANCE_LEVELS }).notNull(),
    action: text({ enum: ['file', 'decide', 'escalate', 'accept', 'withdraw'] }).notNull(),
    decision: text(),
    reason: text(),
    actorUserId: text().references(() => users.id),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('grievance_steps_grievance_idx').on(t.grievanceId, t.at)],
);
