// House meetings and self-governance (issue 6): the weekly schedule, the agenda
// template, each meeting with its attendance, minutes (locked once approved;
// amendments after that), motions with their votes, and action items; the
// house's offices and who held them when. Nothing here is deleted.
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

export const MEETING_KINDS = ['house', 'emergency', 'officer'] as const;
export const MEETING_STATUSES = ['scheduled', 'open', 'closed', 'cancelled'] as const;
export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'unexcused'] as const;
export const MOTION_THRESHOLDS = ['majority', 'two_thirds', 'eighty_percent'] as const;
export const MOTION_RESULTS = ['passed', 'failed', 'no_quorum'] as const;
export const MOTION_KINDS = ['general', 'election', 'admit_member', 'minutes'] as const;

export interface StoredAgendaItem {
  key: string;
  title: string;
  reports: string[];
}

export const meetingSchedules = sqliteTable(
  'meeting_schedules',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    weekday: integer().notNull(),
    // HH:MM on the house's clock
    time: text().notNull(),
    title: text().notNull(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
    endedAt: integer({ mode: 'timestamp_ms' }),
    endedBy: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('meeting_schedules_open_uq')
      .on(t.houseId)
      .where(sql`ended_at is null`),
  ],
);

/** A house's own order of business; without one, the Oxford House order is used. */
export const agendaTemplates = sqliteTable('agenda_templates', {
  houseId: text()
    .primaryKey()
    .references(() => houses.id),
  items: text({ mode: 'json' }).$type<StoredAgendaItem[]>().notNull(),
  updatedAt: now(),
  updatedBy: text().references(() => users.id),
});

export const meetings = sqliteTable(
  'meetings',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    scheduleId: text().references(() => meetingSchedules.id),
    kind: text({ enum: MEETING_KINDS }).notNull(),
    title: text().notNull(),
    // the house-local day and time it was called for, and that instant
    date: text().notNull(),
    time: text().notNull(),
    startsAt: integer({ mode: 'timestamp_ms' }).notNull(),
    status: text({ enum: MEETING_STATUSES }).notNull().default('scheduled'),
    // the agenda as it stood when the meeting opened (null until then: the template applies)
    agenda: text({ mode: 'json' }).$type<StoredAgendaItem[]>(),
    // what the house's records said when the meeting opened, so the record shows what was reported
    reports: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    openedAt: integer({ mode: 'timestamp_ms' }),
    openedBy: text().references(() => users.id),
    closedAt: integer({ mode: 'timestamp_ms' }),
    closedBy: text().references(() => users.id),
    cancelledAt: integer({ mode: 'timestamp_ms' }),
    cancelledBy: text().references(() => users.id),
    cancelReason: text(),
    minutes: text().notNull().default(''),
    minutesUpdatedAt: integer({ mode: 'timestamp_ms' }),
    minutesUpdatedBy: text().references(() => users.id),
    minutesApprovedAt: integer({ mode: 'timestamp_ms' }),
    minutesApprovedBy: text().references(() => users.id),
    minutesApprovedInMeetingId: text(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [
    index('meetings_house_starts_idx').on(t.houseId, t.startsAt),
    uniqueIndex('meetings_schedule_date_uq')
      .on(t.scheduleId, t.date)
      .where(sql`schedule_id is not null`),
  ],
);

export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    id: text().primaryKey(),
    meetingId: text()
      .notNull()
      .references(() => meetings.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    status: text({ enum: ATTENDANCE_STATUSES }).notNull(),
    note: text(),
    recordedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    recordedBy: text().references(() => users.id),
  },
  (t) => [
    uniqueIndex('meeting_attendance_uq').on(t.meetingId, t.residentId),
    // attendance counted by meeting without reading the rows
    index('meeting_attendance_status_idx').on(t.meetingId, t.status),
  ],
);

export const motions = sqliteTable(
  'motions',
  {
    id: text().primaryKey(),
    meetingId: text()
      .notNull()
      .references(() => meetings.id),
    kind: text({ enum: MOTION_KINDS }).notNull().default('general'),
    text: text().notNull(),
    movedBy: text()
      .notNull()
      .references(() => residents.id),
    secondedBy: text().references(() => residents.id),
    threshold: text({ enum: MOTION_THRESHOLDS }).notNull(),
    votesFor: integer().notNull(),
    votesAgainst: integer().notNull(),
    votesAbstain: integer().notNull(),
    // who could vote: in the room when it was put, and the house's members then
    present: integer().notNull(),
    members: integer().notNull(),
    result: text({ enum: MOTION_RESULTS }).notNull(),
    note: text(),
    electionOfficeId: text(),
    electedResidentId: text().references(() => residents.id),
    recordedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    recordedBy: text().references(() => users.id),
  },
  (t) => [index('motions_meeting_idx').on(t.meetingId, t.recordedAt)],
);

export const actionItems = sqliteTable(
  'action_items',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    meetingId: text()
      .notNull()
      .references(() => meetings.id),
    text: text().notNull(),
    ownerResidentId: text().references(() => residents.id),
    dueDate: text(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    createdBy: text().references(() => users.id),
    doneAt: integer({ mode: 'timestamp_ms' }),
    doneBy: text().references(() => users.id),
    doneInMeetingId: text(),
  },
  (t) => [
    index('action_items_open_idx')
      .on(t.houseId, t.createdAt)
      .where(sql`done_at is null`),
  ],
);

/** Changes to minutes after they were approved: the approved text stays as it was. */
export const minutesAmendments = sqliteTable(
  'minutes_amendments',
  {
    id: text().primaryKey(),
    meetingId: text()
      .notNull()
      .references(() => meetings.id),
    text: text().notNull(),
    reason: text().notNull(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    createdBy: text().references(() => users.id),
  },
  (t) => [index('minutes_amendments_meeting_idx').on(t.meetingId, t.createdAt)],
);

export const offices = sqliteTable(
  'offices',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    key: text().notNull(),
    name: text().notNull(),
    description: text(),
    // what the office may do in the house: the domain's OFFICE_POWERS
    powers: text({ mode: 'json' }).$type<string[]>().notNull(),
    position: integer().notNull().default(0),
    createdAt: now(),
    retiredAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('offices_house_key_uq').on(t.houseId, t.key)],
);

export const officerTerms = sqliteTable(
  'officer_terms',
  {
    id: text().primaryKey(),
    officeId: text()
      .notNull()
      .references(() => offices.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    startDate: text().notNull(),
    // the last day of the term: as elected, or earlier when it ended early
    endDate: text().notNull(),
    endedEarly: integer({ mode: 'boolean' }).notNull().default(false),
    endReason: text(),
    motionId: text().references(() => motions.id),
    createdAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [
    index('officer_terms_office_idx').on(t.officeId, t.startDate),
    index('officer_terms_resident_idx').on(t.residentId, t.endDate),
  ],
);
