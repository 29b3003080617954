// Each resident's support system (issue 7): the people and organisations in
// their circle and who they were in touch with at each check-in, peer mentoring
// with the mentor's notes, volunteer hours, the community resource directory,
// and summaries shared with consent behind an unguessable link, with every view
// kept. Nothing here is deleted: members are removed, shares revoked.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './auth';
import { checkIns } from './check-ins';
import { houses } from './houses';
import { organisations } from './organisations';
import { residents } from './residents';

const now = () =>
  integer({ mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const SUPPORT_MEMBER_STATUSES = ['active', 'suggested', 'removed'] as const;

export const supportMembers = sqliteTable(
  'support_members',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    name: text().notNull(),
    // the domain's SUPPORT_KINDS and PILLARS
    kind: text().notNull(),
    pillar: text().notNull(),
    organisation: text(),
    phone: text(),
    email: text(),
    notes: text(),
    // a manager suggests; the resident accepts (the circle is theirs)
    status: text({ enum: SUPPORT_MEMBER_STATUSES }).notNull().default('active'),
    suggestedBy: text().references(() => users.id),
    createdAt: now(),
    createdBy: text().references(() => users.id),
    updatedAt: now(),
    removedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('support_members_resident_idx').on(t.residentId, t.status)],
);

/** Who a resident was in touch with, as logged with a daily check-in. */
export const checkInContacts = sqliteTable(
  'check_in_contacts',
  {
    id: text().primaryKey(),
    checkInId: text()
      .notNull()
      .references(() => checkIns.id),
    memberId: text()
      .notNull()
      .references(() => supportMembers.id),
  },
  (t) => [
    index('check_in_contacts_member_idx').on(t.memberId),
    index('check_in_contacts_check_in_idx').on(t.checkInId),
  ],
);

export const mentorships = sqliteTable(
  'mentorships',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    houseId: text()
      .notNull()
      .references(() => houses.id),
    mentorId: text()
      .notNull()
      .references(() => residents.id),
    menteeId: text()
      .notNull()
      .references(() => residents.id),
    startDate: text().notNull(),
    // the planned last day; an earlier end is recorded with its reason
    endDate: text().notNull(),
    endedEarly: integer({ mode: 'boolean' }).notNull().default(false),
    endReason: text(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [
    index('mentorships_house_idx').on(t.houseId, t.startDate),
    index('mentorships_mentor_idx').on(t.mentorId),
    index('mentorships_mentee_idx').on(t.menteeId),
  ],
);

export const mentorNotes = sqliteTable(
  'mentor_notes',
  {
    id: text().primaryKey(),
    mentorshipId: text()
      .notNull()
      .references(() => mentorships.id),
    date: text().notNull(),
    note: text().notNull(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
  },
  (t) => [index('mentor_notes_mentorship_idx').on(t.mentorshipId, t.date)],
);

export const volunteering = sqliteTable(
  'volunteering',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    date: text().notNull(),
    hours: real().notNull(),
    what: text().notNull(),
    where: text(),
    createdAt: now(),
    removedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('volunteering_resident_idx').on(t.residentId, t.date)],
);

export const resources = sqliteTable(
  'resources',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    // null: the whole organisation's
    houseId: text().references(() => houses.id),
    kind: text().notNull(),
    name: text().notNull(),
    fellowship: text(),
    weekdays: text({ mode: 'json' }).$type<number[]>().notNull(),
    time: text(),
    place: text(),
    onlineLink: text(),
    phone: text(),
    notes: text(),
    createdAt: now(),
    createdBy: text().references(() => users.id),
    updatedAt: now(),
    archivedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('resources_org_idx').on(t.organisationId, t.houseId)],
);

export const shares = sqliteTable(
  'shares',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    residentId: text()
      .notNull()
      .references(() => residents.id),
    tokenHash: text().notNull(),
    recipientName: text().notNull(),
    recipientRelationship: text().notNull(),
    memberId: text().references(() => supportMembers.id),
    purpose: text().notNull(),
    // the domain's SHARE_FIELDS the resident chose
    fields: text({ mode: 'json' }).$type<string[]>().notNull(),
    until: text().notNull(),
    note: text(),
    // the consent as the resident read and agreed to it
    consentText: text().notNull(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    createdBy: text().references(() => users.id),
    revokedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('shares_token_uq').on(t.tokenHash),
    index('shares_resident_idx').on(t.residentId, t.createdAt),
  ],
);

export const shareViews = sqliteTable(
  'share_views',
  {
    id: text().primaryKey(),
    shareId: text()
      .notNull()
      .references(() => shares.id),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('share_views_share_idx').on(t.shareId, t.at)],
);
