// A resident's support circle: the people and organisations in it, who the
// resident was in touch with (from their check-ins), staff suggestions the
// resident accepts or not, milestones and contributions (offices held,
// mentoring, volunteer hours). The circle is the resident's: only they change it.
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  ne,
  newId,
  schema,
  sql,
} from '@porchlight/db';
import {
  conflict,
  daysBetween,
  invalid,
  KIND_PILLAR,
  localDateAt,
  MENTOR_KINDS,
  milestonesAround,
  type Pillar,
  pillarState,
  PILLARS,
  recencyOf,
  type SupportFacts,
  type SupportKind,
  type SupportMemberInput,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { commit, commitGuarded } from './write';

type Resident = typeof schema.residents.$inferSelect;
type Member = typeof schema.supportMembers.$inferSelect;
type House = typeof schema.houses.$inferSelect;
type Db = Pick<AuthedContext, 'db'>;

async function houseOf(ctx: Db, resident: Resident) {
  return ctx.db.select().from(schema.houses).where(eq(schema.houses.id, resident.houseId)).get();
}

/** The last day each member was in touch, from the resident's check-ins. */
export async function lastContacts(ctx: Db, memberIds: readonly string[]) {
  if (memberIds.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .select({
      memberId: schema.checkInContacts.memberId,
      last: sql<string>`max(${schema.checkIns.forDate})`,
    })
    .from(schema.checkInContacts)
    .innerJoin(schema.checkIns, eq(schema.checkIns.id, schema.checkInContacts.checkInId))
    .where(inArray(schema.checkInContacts.memberId, [...memberIds]))
    .groupBy(schema.checkInContacts.memberId);
  return new Map(rows.map((r) => [r.memberId, r.last]));
}

function memberOut(m: Member, lastContact: string | null, today: string) {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind as SupportKind,
    pillar: m.pillar as Pillar,
    organisation: m.organisation,
    phone: m.phone,
    email: m.email,
    notes: m.notes,
    status: m.status,
    suggested: m.status === 'suggested',
    lastContact,
    recency: recencyOf(lastContact, today),
  };
}

/** The circle, pillar by pillar, with how recently the resident was in touch with each person. */
export async function circleOf(ctx: AuthedContext & { resident: Resident }) {
  const house = await houseOf(ctx, ctx.resident);
  const timeZone = house?.timezone ?? 'UTC';
  const today = localDateAt(ctx.clock.now(), timeZone);
  const members = await ctx.db
    .select()
    .from(schema.supportMembers)
    .where(
      and(
        eq(schema.supportMembers.residentId, ctx.resident.id),
        ne(schema.supportMembers.status, 'removed'),
      ),
    )
    .orderBy(asc(schema.supportMembers.name));
  const last = await lastContacts(
    ctx,
    members.map((m) => m.id),
  );
  const out = members.map((m) => memberOut(m, last.get(m.id) ?? null, today));
  const active = out.filter((m) => !m.suggested);
  return {
    resident: {
      id: ctx.resident.id,
      name: displayName(ctx.resident),
      shareMilestones: ctx.resident.shareMilestones,
    },
    today,
    members: out,
    pillars: PILLARS.map((pillar) => ({
      pillar,
      state: pillarState(
        active.map((m) => ({
          id: m.id,
          pillar: m.pillar,
          kind: m.kind,
          lastContact: m.lastContact,
        })),
        pillar,
        today,
      ),
      count: active.filter((m) => m.pillar === pillar).length,
    })),
  };
}

function memberValues(input: Omit<SupportMemberInput, 'residentId'>) {
  return {
    name: input.name,
    kind: input.kind,
    pillar: input.pillar ?? KIND_PILLAR[input.kind],
    organisation: input.organisation ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    notes: input.notes ?? null,
  };
}

const MAX_MEMBERS = 60;

/** The resident adds to their circle; staff suggest, and the resident accepts or not. */
export async function addMember(
  ctx: AuthedContext & { resident: Resident },
  input: SupportMemberInput,
  byResident: boolean,
) {
  const count = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(schema.supportMembers)
    .where(
      and(
        eq(schema.supportMembers.residentId, ctx.resident.id),
        ne(schema.supportMembers.status, 'removed'),
      ),
    )
    .get();
  if (Number(count?.n ?? 0) >= MAX_MEMBERS)
    throw conflict(`A circle can hold ${MAX_MEMBERS} people: remove someone first.`, 'residentId');
  const id = newId();
  const values = memberValues(input);
  const status = byResident ? ('active' as const) : ('suggested' as const);
  await commit(
    ctx,
    [
      ctx.db.insert(schema.supportMembers).values({
        id,
        organisationId: ctx.resident.organisationId,
        residentId: ctx.resident.id,
        ...values,
        status,
        suggestedBy: byResident ? null : ctx.actor.userId,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: byResident ? 'support.addMember' : 'support.suggestMember',
        recordType: 'support_member',
        recordId: id,
        organisationId: ctx.resident.organisationId,
        details: { residentId: ctx.resident.id, kind: values.kind, pillar: values.pillar },
      },
    ],
  );
  return { memberId: id, status };
}

type MemberCtx = AuthedContext & { record: Member; resident: Resident };

export async function updateMember(ctx: MemberCtx, input: Omit<SupportMemberInput, 'residentId'>) {
  if (ctx.record.status === 'removed')
    throw conflict('This person was removed from the circle.', 'memberId');
  const values = memberValues(input);
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.supportMembers)
        .set({ ...values, updatedAt: ctx.clock.now() })
        .where(eq(schema.supportMembers.id, ctx.record.id)),
    ],
    [
      {
        action: 'support.updateMember',
        recordType: 'support_member',
        recordId: ctx.record.id,
        organisationId: ctx.resident.organisationId,
        details: { kind: values.kind, pillar: values.pillar },
      },
    ],
  );
  return { memberId: ctx.record.id };
}

/** Accepting a suggestion makes it part of the circle; declining or removing takes it out. */
export async function setMemberStatus(ctx: MemberCtx, to: 'active' | 'removed') {
  const from = ctx.record.status;
  if (from === 'removed') throw conflict('This person was already removed.', 'memberId');
  if (to === 'active' && from !== 'suggested')
    throw conflict('This person is already in the circle.', 'memberId');
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.supportMembers)
      .set({ status: to, updatedAt: now, ...(to === 'removed' ? { removedAt: now } : {}) })
      .where(
        and(eq(schema.supportMembers.id, ctx.record.id), eq(schema.supportMembers.status, from)),
      ),
    {
      action:
        to === 'active'
          ? 'support.acceptSuggestion'
          : from === 'suggested'
            ? 'support.declineSuggestion'
            : 'support.removeMember',
      recordType: 'support_member',
      recordId: ctx.record.id,
      organisationId: ctx.resident.organisationId,
    },
  );
  return { memberId: ctx.record.id, status: to };
}

/**
 * The support facts the attention list needs for residents of a house: empty
 * pillars, whether they have a sponsor or mentor, and days since contact with one.
 */
export async function supportFactsOf(
  ctx: Db,
  house: House,
  residents: ReadonlyArray<{ id: string; startDate: string }>,
  today: string,
) {
  const ids = residents.map((r) => r.id);
  const facts = new Map<string, SupportFacts>();
  if (ids.length === 0) return facts;
  const [members, sponsorDays, pairings] = await Promise.all([
    ctx.db
      .select()
      .from(schema.supportMembers)
      .where(
        and(
          inArray(schema.supportMembers.residentId, ids),
          eq(schema.supportMembers.status, 'active'),
        ),
      ),
    ctx.db
      .select({
        residentId: schema.checkIns.residentId,
        last: sql<string>`max(${schema.checkIns.forDate})`,
      })
      .from(schema.checkIns)
      .where(
        and(inArray(schema.checkIns.residentId, ids), eq(schema.checkIns.sponsorContact, true)),
      )
      .groupBy(schema.checkIns.residentId),
    // a peer mentor paired by the house counts too: their logged check-ins are
    // contact, and the week runs from the pairing's first day
    ctx.db
      .select({
        menteeId: schema.mentorships.menteeId,
        startDate: schema.mentorships.startDate,
        last: sql<string | null>`max(${schema.mentorNotes.date})`,
      })
      .from(schema.mentorships)
      .leftJoin(schema.mentorNotes, eq(schema.mentorNotes.mentorshipId, schema.mentorships.id))
      .where(
        and(
          inArray(schema.mentorships.menteeId, ids),
          lte(schema.mentorships.startDate, today),
          gte(schema.mentorships.endDate, today),
        ),
      )
      .groupBy(schema.mentorships.id),
  ]);
  const mentors = members.filter((m) => (MENTOR_KINDS as readonly string[]).includes(m.kind));
  const last = await lastContacts(
    ctx,
    mentors.map((m) => m.id),
  );
  for (const r of residents) {
    const theirs = members.filter((m) => m.residentId === r.id);
    const theirMentors = mentors.filter((m) => m.residentId === r.id);
    const theirPairings = pairings.filter((p) => p.menteeId === r.id);
    const dates = [
      ...theirMentors.map((m) => last.get(m.id)).filter((d): d is string => d !== undefined),
      ...sponsorDays.filter((s) => s.residentId === r.id).map((s) => s.last),
      ...theirPairings.map((p) => (p.last && p.last > p.startDate ? p.last : p.startDate)),
    ].sort();
    const latest = dates.at(-1) ?? null;
    facts.set(r.id, {
      daysInHouse: daysBetween(r.startDate, today),
      emptyPillars: PILLARS.filter((p) => !theirs.some((m) => m.pillar === p)),
      daysSinceMentorContact: latest ? daysBetween(latest, today) : null,
      hasMentor: theirMentors.length > 0 || theirPairings.length > 0,
    });
  }
  return facts;
}

// ---------- milestones and contributions ----------

async function moveInOf(ctx: Db, resident: Resident) {
  const stays = await ctx.db
    .select()
    .from(schema.stays)
    .where(
      and(eq(schema.stays.residentId, resident.id), eq(schema.stays.houseId, resident.houseId)),
    )
    .orderBy(desc(schema.stays.startDate));
  // the start of the run of stays that ends in the current one (moves within the house are not move-ins)
  let start: string | null = null;
  for (const [i, s] of stays.entries()) {
    if (i === 0 && s.endDate !== null) return null;
    if (i > 0 && stays[i - 1]?.startDate !== s.endDate) break;
    start = s.startDate;
  }
  return start;
}

export async function milestonesOf(
  ctx: Pick<AuthedContext, 'db' | 'clock'>,
  resident: Resident,
  on?: string,
) {
  const house = await houseOf(ctx, resident);
  const today = on ?? (house ? houseToday(ctx, house) : localDateAt(ctx.clock.now(), 'UTC'));
  const moveIn = await moveInOf(ctx, resident);
  const around = milestonesAround({ sobrietyDate: resident.sobrietyDate, moveIn }, today);
  return {
    today,
    sobrietyDate: resident.sobrietyDate,
    moveIn,
    daysSober: resident.sobrietyDate ? daysBetween(resident.sobrietyDate, today) : null,
    shareMilestones: resident.shareMilestones,
    ...around,
  };
}

/**
 * Residents of a house who agreed to it, with milestones reached in the week
 * before `on` (today unless given) or coming in the week after.
 */
export async function houseCelebrations(
  ctx: Pick<AuthedContext, 'db' | 'clock'>,
  house: House,
  on?: string,
) {
  const today = on ?? houseToday(ctx, house);
  const rows = await ctx.db
    .select({ r: schema.residents })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(
      and(
        eq(schema.stays.houseId, house.id),
        isNull(schema.stays.endDate),
        eq(schema.residents.shareMilestones, true),
      ),
    );
  const out: Array<{
    residentId: string;
    name: string;
    label: string;
    date: string;
    kind: string;
  }> = [];
  for (const { r } of rows) {
    const m = await milestonesOf(ctx, r, today);
    for (const x of [...m.recent, ...m.next.filter((n) => daysBetween(today, n.date) <= 7)])
      out.push({
        residentId: r.id,
        name: displayName(r),
        label: x.label,
        date: x.date,
        kind: x.kind,
      });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

export async function setMilestoneSharing(
  ctx: AuthedContext & { resident: Resident },
  share: boolean,
) {
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.residents)
        .set({ shareMilestones: share, updatedAt: ctx.clock.now() })
        .where(eq(schema.residents.id, ctx.resident.id)),
    ],
    [
      {
        action: 'support.setMilestoneSharing',
        recordType: 'resident',
        recordId: ctx.resident.id,
        organisationId: ctx.resident.organisationId,
        details: { share },
      },
    ],
  );
  return { shareMilestones: share };
}

/** What the resident gave: offices held, residents mentored, volunteer hours. Theirs to take with them. */
export async function contributionsOf(ctx: AuthedContext & { resident: Resident }) {
  const [terms, mentoring, hours] = await Promise.all([
    ctx.db
      .select({ t: schema.officerTerms, office: schema.offices.name, house: schema.houses.name })
      .from(schema.officerTerms)
      .innerJoin(schema.offices, eq(schema.offices.id, schema.officerTerms.officeId))
      .innerJoin(schema.houses, eq(schema.houses.id, schema.officerTerms.houseId))
      .where(eq(schema.officerTerms.residentId, ctx.resident.id))
      .orderBy(desc(schema.officerTerms.startDate)),
    ctx.db
      .select({ m: schema.mentorships, mentee: schema.residents })
      .from(schema.mentorships)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.mentorships.menteeId))
      .where(eq(schema.mentorships.mentorId, ctx.resident.id))
      .orderBy(desc(schema.mentorships.startDate)),
    ctx.db
      .select()
      .from(schema.volunteering)
      .where(
        and(
          eq(schema.volunteering.residentId, ctx.resident.id),
          isNull(schema.volunteering.removedAt),
        ),
      )
      .orderBy(desc(schema.volunteering.date)),
  ]);
  return {
    offices: terms
      .filter(({ t }) => t.endDate >= t.startDate)
      .map(({ t, office, house }) => ({
        office,
        house,
        startDate: t.startDate,
        endDate: t.endDate,
      })),
    mentoring: mentoring.map(({ m, mentee }) => ({
      id: m.id,
      mentee: displayName(mentee),
      startDate: m.startDate,
      endDate: m.endDate,
    })),
    volunteering: hours.map((v) => ({
      id: v.id,
      date: v.date,
      hours: v.hours,
      what: v.what,
      where: v.where,
    })),
    volunteerHours: hours.reduce((sum, v) => sum + v.hours, 0),
  };
}

export async function logVolunteering(
  ctx: AuthedContext & { resident: Resident },
  input: { date: string; hours: number; what: string; where?: string | undefined },
) {
  const house = await houseOf(ctx, ctx.resident);
  const today = house ? houseToday(ctx, house) : localDateAt(ctx.clock.now(), 'UTC');
  if (input.date > today) throw invalid('date', 'cannot be in the future.');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.volunteering).values({
        id,
        organisationId: ctx.resident.organisationId,
        residentId: ctx.resident.id,
        date: input.date,
        hours: input.hours,
        what: input.what,
        where: input.where ?? null,
      }),
    ],
    [
      {
        action: 'support.logVolunteering',
        recordType: 'volunteering',
        recordId: id,
        organisationId: ctx.resident.organisationId,
        details: { hours: input.hours },
      },
    ],
  );
  return { entryId: id };
}

export async function removeVolunteering(
  ctx: AuthedContext & { record: typeof schema.volunteering.$inferSelect; resident: Resident },
) {
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.volunteering)
      .set({ removedAt: ctx.clock.now() })
      .where(and(eq(schema.volunteering.id, ctx.record.id), isNull(schema.volunteering.removedAt))),
    {
      action: 'support.removeVolunteering',
      recordType: 'volunteering',
      recordId: ctx.record.id,
      organisationId: ctx.resident.organisationId,
    },
  );
  return { removed: true };
}

/** Circle members of a resident by id, for a check-in naming who they were in touch with. */
export async function ownMembers(ctx: Db, residentId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ctx.db
    .select()
    .from(schema.supportMembers)
    .where(
      and(
        eq(schema.supportMembers.residentId, residentId),
        eq(schema.supportMembers.status, 'active'),
        inArray(schema.supportMembers.id, [...ids]),
      ),
    );
}
