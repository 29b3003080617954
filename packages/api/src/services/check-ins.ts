// Check-ins: residents account for their days (the daily check-in, the curfew
// check-in, sign-outs and sign-ins), and staff see at once where each resident
// stands. Every entry carries the server's time; a late one is recorded as late;
// a correction is a new entry pointing to the original, which staff still see.
import { TRPCError } from '@trpc/server';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inJsonList,
  isNull,
  lte,
  newId,
  or,
  preparedQuery,
  schema,
  sql,
} from '@porchlight/db';
import {
  addDays,
  canManageResident,
  type CheckInCorrectInput,
  type CheckInPolicy,
  type CheckInRecordInput,
  compliance,
  conflict,
  curfewTiming,
  dailyDueAt,
  datesFrom,
  type DayStatus,
  dayStatus,
  invalid,
  localDateAt,
  MENTOR_KINDS,
  type PassSpan,
  type PhaseRequirements,
  type RequirementStatus,
  streak,
  weekStart,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { offsetOf, toPage } from './pages';
import { currentPhaseOf } from './phases';
import { ownMembers } from './support';
import { auditRead, commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;
type CheckIn = typeof schema.checkIns.$inferSelect;
type Meeting = typeof schema.checkInMeetings.$inferSelect;
type Phase = typeof schema.phases.$inferSelect;
type Db = Pick<AuthedContext, 'db'>;

export function policyOf(house: House): CheckInPolicy {
  return {
    dailyCheckInBy: house.dailyCheckInBy,
    curfewWindowBefore: house.curfewWindowBefore,
    curfewGrace: house.curfewGrace,
  };
}

function requirementsOf(phase: Phase | undefined): PhaseRequirements | null {
  return phase
    ? {
        name: phase.name,
        curfewWeeknights: phase.curfewWeeknights,
        curfewWeekends: phase.curfewWeekends,
        dailyCheckIn: phase.dailyCheckIn,
        curfewCheckIn: phase.curfewCheckIn,
        meetingsPerWeek: phase.meetingsPerWeek,
      }
    : null;
}

const openStayQuery = preparedQuery((db) =>
  db
    .select({ stay: schema.stays, house: schema.houses })
    .from(schema.stays)
    .innerJoin(schema.houses, eq(schema.houses.id, schema.stays.houseId))
    .where(
      and(eq(schema.stays.residentId, sql.placeholder('residentId')), isNull(schema.stays.endDate)),
    )
    .prepare(),
);

export async function openStayOf(ctx: Db, residentId: string) {
  return openStayQuery(ctx.db).get({ residentId });
}

async function livingIn(ctx: Db, residentId: string) {
  const open = await openStayOf(ctx, residentId);
  if (!open) throw conflict('Check-ins are for residents living in a house.');
  return open;
}

function locationFields(
  resident: Resident,
  location: CheckInRecordInput['location'],
): Partial<CheckIn> {
  if (!location) return {};
  if (!resident.shareLocation)
    throw invalid(
      'location',
      'is off in your settings: turn on location sharing first, or check in without it.',
    );
  return {
    latitude: location.latitude,
    longitude: location.longitude,
    locationAccuracy: location.accuracy ?? null,
  };
}

const existingOriginalQuery = preparedQuery((db) =>
  db
    .select({ id: schema.checkIns.id })
    .from(schema.checkIns)
    .where(
      and(
        eq(schema.checkIns.residentId, sql.placeholder('residentId')),
        eq(schema.checkIns.kind, sql.placeholder('kind')),
        eq(schema.checkIns.forDate, sql.placeholder('forDate')),
        isNull(schema.checkIns.correctsId),
      ),
    )
    .prepare(),
);

async function existingOriginal(
  ctx: Db,
  residentId: string,
  kind: 'daily' | 'curfew',
  forDate: string,
) {
  return existingOriginalQuery(ctx.db).get({ residentId, kind, forDate });
}

function meetingRows(checkInId: string, meetings: CheckInRecordInput['meetings']) {
  return meetings.map((m) => ({
    id: newId(),
    checkInId,
    type: m.type,
    name: m.name,
    verification: m.verification ?? null,
    resourceId: m.resourceId ?? null,
  }));
}

/**
 * Who from their circle the resident was in touch with, checked to be theirs,
 * and whether that includes a sponsor or mentor (which is sponsor contact).
 */
async function contactsOf(
  ctx: Db,
  resident: Resident,
  input: Pick<CheckInRecordInput, 'contacts' | 'meetings'>,
) {
  const members = await ownMembers(ctx, resident.id, input.contacts);
  if (members.length !== input.contacts.length)
    throw invalid('contacts', 'must be people in your support circle.');
  for (const [i, m] of input.meetings.entries()) {
    if (!m.resourceId) continue;
    const found = await ctx.db
      .select({ id: schema.resources.id })
      .from(schema.resources)
      .where(
        and(
          eq(schema.resources.id, m.resourceId),
          eq(schema.resources.organisationId, resident.organisationId),
          or(eq(schema.resources.houseId, resident.houseId), isNull(schema.resources.houseId)),
        ),
      )
      .get();
    if (!found) throw invalid(`meetings.${i}.resourceId`, 'is not in your house’s directory.');
  }
  return {
    memberIds: members.map((m) => m.id),
    mentor: members.some((m) => (MENTOR_KINDS as readonly string[]).includes(m.kind)),
  };
}

function contactInserts(ctx: Db, checkInId: string, memberIds: readonly string[]) {
  return memberIds.length === 0
    ? []
    : [
        ctx.db
          .insert(schema.checkInContacts)
          .values(memberIds.map((memberId) => ({ id: newId(), checkInId, memberId }))),
      ];
}

/** A resident's daily check-in: mood and craving, and whatever else they choose to add. */
export async function recordCheckIn(
  ctx: AuthedContext & { resident: Resident },
  input: CheckInRecordInput,
) {
  const { stay, house } = await livingIn(ctx, ctx.resident.id);
  const now = ctx.clock.now();
  const today = localDateAt(now, house.timezone);
  const forDate = input.forDate ?? today;
  if (forDate > today) throw invalid('forDate', 'cannot be in the future.');
  if (forDate < addDays(today, -2))
    throw invalid(
      'forDate',
      'can be at most two days ago: tell your house manager about older days.',
    );
  if (forDate < stay.startDate) throw invalid('forDate', 'is before you moved in.');
  const location = locationFields(ctx.resident, input.location);
  if (await existingOriginal(ctx, ctx.resident.id, 'daily', forDate))
    throw conflict(
      forDate === today
        ? 'You have already checked in today. To change it, correct that check-in.'
        : 'You have already checked in for that day. To change it, correct that check-in.',
      'forDate',
    );
  const late = now.getTime() > dailyDueAt(forDate, policyOf(house), house.timezone).getTime();
  const contacts = await contactsOf(ctx, ctx.resident, input);
  const id = newId();
  const meetings = meetingRows(id, input.meetings);
  await commit(
    ctx,
    [
      ctx.db.insert(schema.checkIns).values({
        id,
        organisationId: house.organisationId,
        houseId: house.id,
        residentId: ctx.resident.id,
        kind: 'daily',
        forDate,
        recordedAt: now,
        late,
        mood: input.mood,
        craving: input.craving,
        halt: input.halt,
        sleepHours: input.sleepHours ?? null,
        sponsorContact: contacts.mentor ? true : (input.sponsorContact ?? null),
        workOrSchool: input.workOrSchool ?? null,
        note: input.note ?? null,
        ...location,
        recordedBy: ctx.actor.userId,
      }),
      ...(meetings.length > 0 ? [ctx.db.insert(schema.checkInMeetings).values(meetings)] : []),
      ...contactInserts(ctx, id, contacts.memberIds),
    ],
    [
      {
        action: 'checkIns.record',
        recordType: 'check_in',
        recordId: id,
        organisationId: house.organisationId,
        details: {
          kind: 'daily',
          forDate,
          late,
          meetings: meetings.length,
          contacts: contacts.memberIds.length,
        },
      },
    ],
  );
  return { checkInId: id, forDate, late, recordedAt: now.toISOString() };
}

/** "I'm home": the curfew check-in, which also signs the resident back in from a sign-out. */
export async function recordCurfewCheckIn(
  ctx: AuthedContext & { resident: Resident },
  input: { location?: CheckInRecordInput['location'] },
) {
  const { house } = await livingIn(ctx, ctx.resident.id);
  const phase = requirementsOf(await currentPhaseOf(ctx, ctx.resident.id, house.id));
  if (!phase) throw conflict('Your house has not set a curfew for you yet.');
  const now = ctx.clock.now();
  const timing = curfewTiming(phase, now, policyOf(house), house.timezone);
  if (timing.timing === 'early') {
    const opens = new Intl.DateTimeFormat('en-US', {
      timeZone: house.timezone,
      hour: 'numeric',
      minute: '2-digit',
    }).format(timing.window.opensAt);
    throw conflict(
      `The curfew check-in opens at ${opens}, ${house.curfewWindowBefore} minutes before your curfew.`,
    );
  }
  const night = timing.window.night;
  if (await existingOriginal(ctx, ctx.resident.id, 'curfew', night))
    throw conflict('You have already checked in for tonight.');
  const location = locationFields(ctx.resident, input.location);
  const late = timing.timing === 'late';
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.checkIns).values({
        id,
        organisationId: house.organisationId,
        houseId: house.id,
        residentId: ctx.resident.id,
        kind: 'curfew',
        forDate: night,
        recordedAt: now,
        late,
        ...location,
        recordedBy: ctx.actor.userId,
      }),
      ctx.db
        .update(schema.signOuts)
        .set({ signedInAt: now, signedInRecordedBy: ctx.actor.userId })
        .where(
          and(eq(schema.signOuts.residentId, ctx.resident.id), isNull(schema.signOuts.signedInAt)),
        ),
    ],
    [
      {
        action: 'checkIns.curfew',
        recordType: 'check_in',
        recordId: id,
        organisationId: house.organisationId,
        details: {
          night,
          late,
          minutesLate: timing.timing === 'late' ? timing.minutesLate : 0,
        },
      },
    ],
  );
  return {
    checkInId: id,
    night,
    late,
    minutesLate: timing.timing === 'late' ? timing.minutesLate : 0,
    curfewAt: timing.window.curfewAt.toISOString(),
  };
}

/** A correction: a new entry pointing to the original, which stays on record. */
export async function correctCheckIn(
  ctx: AuthedContext & { resident: Resident },
  input: CheckInCorrectInput,
) {
  const target = await ctx.db
    .select()
    .from(schema.checkIns)
    .where(eq(schema.checkIns.id, input.checkInId))
    .get();
  // another resident's entry is "not found", as if it did not exist
  if (!target || target.residentId !== ctx.resident.id)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Check-in not found.' });
  if (target.kind !== 'daily')
    throw invalid(
      'checkInId',
      'is a curfew check-in: its time is the record, so it is not corrected.',
    );
  const original = target.correctsId
    ? await ctx.db
        .select()
        .from(schema.checkIns)
        .where(eq(schema.checkIns.id, target.correctsId))
        .get()
    : target;
  if (!original) throw invalid('checkInId', 'is not one of your check-ins.');
  const now = ctx.clock.now();
  if (now.getTime() - original.recordedAt.getTime() > 7 * 86_400_000)
    throw invalid(
      'checkInId',
      'is more than a week old: ask your house manager to add a note instead.',
    );
  const contacts = await contactsOf(ctx, ctx.resident, input);
  const id = newId();
  const meetings = meetingRows(id, input.meetings);
  await commit(
    ctx,
    [
      ctx.db.insert(schema.checkIns).values({
        id,
        organisationId: original.organisationId,
        houseId: original.houseId,
        residentId: original.residentId,
        kind: 'daily',
        forDate: original.forDate,
        recordedAt: now,
        late: original.late,
        correctsId: original.id,
        correctionReason: input.reason,
        mood: input.mood,
        craving: input.craving,
        halt: input.halt,
        sleepHours: input.sleepHours ?? null,
        sponsorContact: contacts.mentor ? true : (input.sponsorContact ?? null),
        workOrSchool: input.workOrSchool ?? null,
        note: input.note ?? null,
        // where the resident was is a fact of the original, not something to correct
        latitude: original.latitude,
        longitude: original.longitude,
        locationAccuracy: original.locationAccuracy,
        recordedBy: ctx.actor.userId,
      }),
      ...(meetings.length > 0 ? [ctx.db.insert(schema.checkInMeetings).values(meetings)] : []),
      ...contactInserts(ctx, id, contacts.memberIds),
    ],
    [
      {
        action: 'checkIns.correct',
        recordType: 'check_in',
        recordId: id,
        organisationId: original.organisationId,
        details: { corrects: original.id, forDate: original.forDate, reason: input.reason },
      },
    ],
  );
  return { checkInId: id, correctsId: original.id };
}

/** Out for a while (not a pass): where, and back by when. */
export async function signOut(
  ctx: AuthedContext & { resident: Resident },
  input: { destination: string; expectedReturnAt: Date },
) {
  const { house } = await livingIn(ctx, ctx.resident.id);
  const now = ctx.clock.now();
  if (input.expectedReturnAt.getTime() <= now.getTime())
    throw invalid('expectedReturnAt', 'must be later than now.');
  if (input.expectedReturnAt.getTime() > now.getTime() + 24 * 3_600_000)
    throw invalid('expectedReturnAt', 'must be within 24 hours: for longer, ask for a pass.');
  const open = await ctx.db
    .select({ id: schema.signOuts.id })
    .from(schema.signOuts)
    .where(and(eq(schema.signOuts.residentId, ctx.resident.id), isNull(schema.signOuts.signedInAt)))
    .get();
  if (open) throw conflict('You are signed out already: sign in first.');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.signOuts).values({
        id,
        organisationId: house.organisationId,
        houseId: house.id,
        residentId: ctx.resident.id,
        destination: input.destination,
        signedOutAt: now,
        expectedReturnAt: input.expectedReturnAt,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'checkIns.signOut',
        recordType: 'sign_out',
        recordId: id,
        organisationId: house.organisationId,
        details: { expectedReturnAt: input.expectedReturnAt.toISOString() },
      },
    ],
  );
  return { signOutId: id };
}

/** Back from a sign-out: the resident, or staff who saw them come in. */
export async function signIn(ctx: AuthedContext & { record: typeof schema.signOuts.$inferSelect }) {
  const record = ctx.record;
  if (record.signedInAt) throw conflict('This sign-out already has its return recorded.');
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.signOuts)
      .set({ signedInAt: now, signedInRecordedBy: ctx.actor.userId })
      .where(and(eq(schema.signOuts.id, record.id), isNull(schema.signOuts.signedInAt))),
    {
      action: 'checkIns.signIn',
      recordType: 'sign_out',
      recordId: record.id,
      organisationId: record.organisationId,
      details: { late: now.getTime() > record.expectedReturnAt.getTime() },
    },
  );
  return {
    signedInAt: now.toISOString(),
    minutesLate: Math.max(
      0,
      Math.floor((now.getTime() - record.expectedReturnAt.getTime()) / 60_000),
    ),
  };
}

export async function updatePolicy(ctx: AuthedContext & { house: House }, input: CheckInPolicy) {
  const before = policyOf(ctx.house);
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.houses)
        .set({ ...input, updatedAt: ctx.clock.now() })
        .where(eq(schema.houses.id, ctx.house.id)),
    ],
    [
      {
        action: 'checkIns.updatePolicy',
        recordType: 'house',
        recordId: ctx.house.id,
        organisationId: ctx.house.organisationId,
        details: { before, after: input },
      },
    ],
  );
  return input;
}

export async function setLocationSharing(
  ctx: AuthedContext & { resident: Resident },
  input: { shareLocation: boolean },
) {
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.residents)
        .set({ shareLocation: input.shareLocation, updatedAt: ctx.clock.now() })
        .where(eq(schema.residents.id, ctx.resident.id)),
    ],
    [
      {
        action: 'checkIns.setLocationSharing',
        recordType: 'resident',
        recordId: ctx.resident.id,
        organisationId: ctx.resident.organisationId,
        details: { shareLocation: input.shareLocation },
      },
    ],
  );
  return input;
}

// ---------------------------------------------------------------------------
// Reading: where residents stand, day by day

interface ResidentDays {
  residentId: string;
  days: DayStatus[];
  /** The effective daily entry of each day (a correction read in place of its original). */
  daily: Map<string, EffectiveEntry>;
  curfew: Map<string, EffectiveEntry>;
  phaseOn: (date: string) => Phase | undefined;
}

export interface EffectiveEntry {
  original: CheckIn;
  current: CheckIn;
  corrections: number;
}

function effectiveEntries(rows: readonly CheckIn[]) {
  const byOriginal = new Map<string, EffectiveEntry>();
  const sorted = [...rows].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  for (const row of sorted) {
    if (!row.correctsId) byOriginal.set(row.id, { original: row, current: row, corrections: 0 });
  }
  for (const row of sorted) {
    if (!row.correctsId) continue;
    const entry = byOriginal.get(row.correctsId);
    if (entry) {
      entry.current = row;
      entry.corrections += 1;
    }
  }
  return [...byOriginal.values()];
}

/**
 * Where each of `residentIds` stood on every day from `from` to `to` in `house`:
 * their stays, phases, passes, check-ins and first signature, in a fixed number
 * of queries whatever the number of residents or days.
 */
/**
 * What the day status of residents in a house rests on, read for the board, the
 * attention list and the overview's counts: built once, run with the list of
 * residents as one JSON parameter.
 */
const residentDaysQueries = {
  stays: preparedQuery((db) =>
    db
      .select()
      .from(schema.stays)
      .where(
        and(
          eq(schema.stays.houseId, sql.placeholder('houseId')),
          inJsonList(schema.stays.residentId, 'ids'),
          lte(schema.stays.startDate, sql.placeholder('to')),
          or(isNull(schema.stays.endDate), gte(schema.stays.endDate, sql.placeholder('from'))),
        ),
      )
      .prepare(),
  ),
  phases: preparedQuery((db) =>
    db
      .select({
        residentId: schema.residentPhases.residentId,
        startDate: schema.residentPhases.startDate,
        createdAt: schema.residentPhases.createdAt,
        phase: schema.phases,
      })
      .from(schema.residentPhases)
      .innerJoin(schema.phases, eq(schema.phases.id, schema.residentPhases.phaseId))
      .where(
        and(
          inJsonList(schema.residentPhases.residentId, 'ids'),
          eq(schema.phases.houseId, sql.placeholder('houseId')),
        ),
      )
      .orderBy(asc(schema.residentPhases.startDate), asc(schema.residentPhases.createdAt))
      .prepare(),
  ),
  passes: preparedQuery((db) =>
    db
      .select()
      .from(schema.passes)
      .where(
        and(
          inJsonList(schema.passes.residentId, 'ids'),
          eq(schema.passes.status, 'approved'),
          lte(schema.passes.departAt, sql.placeholder('rangeEnd')),
          gte(schema.passes.expectedReturnAt, sql.placeholder('rangeStart')),
        ),
      )
      .prepare(),
  ),
  entries: preparedQuery((db) =>
    db
      .select()
      .from(schema.checkIns)
      .where(
        and(
          eq(schema.checkIns.houseId, sql.placeholder('houseId')),
          inJsonList(schema.checkIns.residentId, 'ids'),
          gte(schema.checkIns.forDate, sql.placeholder('from')),
          lte(schema.checkIns.forDate, sql.placeholder('to')),
        ),
      )
      .prepare(),
  ),
  signatures: preparedQuery((db) =>
    db
      .select({
        residentId: schema.ruleAcknowledgements.residentId,
        first: sql<number>`min(${schema.ruleAcknowledgements.acknowledgedAt})`,
      })
      .from(schema.ruleAcknowledgements)
      .innerJoin(
        schema.ruleBookVersions,
        eq(schema.ruleBookVersions.id, schema.ruleAcknowledgements.ruleBookVersionId),
      )
      .innerJoin(schema.ruleBooks, eq(schema.ruleBooks.id, schema.ruleBookVersions.ruleBookId))
      .where(
        and(
          inJsonList(schema.ruleAcknowledgements.residentId, 'ids'),
          eq(schema.ruleBooks.houseId, sql.placeholder('houseId')),
        ),
      )
      .groupBy(schema.ruleAcknowledgements.residentId)
      .prepare(),
  ),
  published: preparedQuery((db) =>
    db
      .select({ id: schema.ruleBookVersions.id })
      .from(schema.ruleBookVersions)
      .innerJoin(schema.ruleBooks, eq(schema.ruleBooks.id, schema.ruleBookVersions.ruleBookId))
      .where(eq(schema.ruleBooks.houseId, sql.placeholder('houseId')))
      .limit(1)
      .prepare(),
  ),
};

export async function residentDays(
  ctx: Pick<AuthedContext, 'db' | 'clock'>,
  house: House,
  residentIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, ResidentDays>> {
  const result = new Map<string, ResidentDays>();
  if (residentIds.length === 0) return result;
  const ids = [...residentIds];
  const rangeStart = new Date(Date.parse(`${addDays(from, -1)}T00:00:00Z`));
  const rangeEnd = new Date(Date.parse(`${addDays(to, 2)}T00:00:00Z`));
  const q = residentDaysQueries;
  const list = JSON.stringify(ids);
  const [stays, phases, passes, entries, signatures, published] = await Promise.all([
    q.stays(ctx.db).all({ houseId: house.id, ids: list, from, to }),
    q.phases(ctx.db).all({ houseId: house.id, ids: list }),
    q.passes(ctx.db).all({
      ids: list,
      rangeStart: rangeStart.getTime(),
      rangeEnd: rangeEnd.getTime(),
    }),
    q.entries(ctx.db).all({ houseId: house.id, ids: list, from, to }),
    q.signatures(ctx.db).all({ houseId: house.id, ids: list }),
    q.published(ctx.db).all({ houseId: house.id }),
  ]);
  // a house without a published rule book has nothing to sign
  const nothingToSign = published.length === 0;
  const now = ctx.clock.now();
  const policy = policyOf(house);
  const dates = datesFrom(from, to);
  for (const residentId of ids) {
    const theirPhases = phases.filter((p) => p.residentId === residentId);
    const phaseOn = (date: string) => {
      let found: Phase | undefined;
      for (const p of theirPhases) if (p.startDate <= date) found = p.phase;
      return found;
    };
    const theirEntries = effectiveEntries(entries.filter((e) => e.residentId === residentId));
    const daily = new Map<string, EffectiveEntry>();
    const curfew = new Map<string, EffectiveEntry>();
    for (const e of theirEntries)
      (e.original.kind === 'daily' ? daily : curfew).set(e.original.forDate, e);
    const theirPasses: PassSpan[] = passes.filter((p) => p.residentId === residentId);
    const theirStays = stays.filter((s) => s.residentId === residentId);
    const signedAt = signatures.find((s) => s.residentId === residentId)?.first;
    const firstSignedAt = nothingToSign
      ? new Date(0)
      : signedAt === undefined || signedAt === null
        ? null
        : new Date(signedAt);
    const days: DayStatus[] = [];
    for (const date of dates) {
      const stay =
        theirStays.find((s) => s.startDate <= date && (s.endDate === null || date <= s.endDate)) ??
        null;
      const d = daily.get(date);
      const c = curfew.get(date);
      days.push(
        dayStatus({
          date,
          timeZone: house.timezone,
          policy,
          phase: requirementsOf(phaseOn(date)),
          stay: stay ?? { startDate: addDays(to, 1), endDate: null },
          passes: theirPasses,
          daily: d ? { recordedAt: d.original.recordedAt, late: d.original.late } : null,
          curfew: c ? { recordedAt: c.original.recordedAt, late: c.original.late } : null,
          firstSignedAt,
          now,
        }),
      );
    }
    result.set(residentId, { residentId, days, daily, curfew, phaseOn });
  }
  return result;
}

function entryOut(e: EffectiveEntry | undefined) {
  if (!e) return null;
  return {
    checkInId: e.current.id,
    originalId: e.original.id,
    recordedAt: e.original.recordedAt.toISOString(),
    late: e.original.late,
    corrected: e.corrections > 0,
    mood: e.current.mood,
    craving: e.current.craving,
    halt: e.current.halt ?? [],
  };
}

const BOARD_ORDER: Record<RequirementStatus, number> = {
  missed: 0,
  late: 1,
  unsigned: 2,
  due: 3,
  done: 4,
  away: 5,
  not_required: 6,
};

function minutesBetween(later: Date, earlier: Date) {
  return Math.floor((later.getTime() - earlier.getTime()) / 60_000);
}

/** Who is out right now, from sign-outs and passes, overdue first. */
/** Who is out of a house now: signed out and not back, or on an approved pass. */
const outNowQueries = {
  signOuts: preparedQuery((db) =>
    db
      .select({ s: schema.signOuts, r: schema.residents })
      .from(schema.signOuts)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.signOuts.residentId))
      .where(
        and(
          eq(schema.signOuts.houseId, sql.placeholder('houseId')),
          isNull(schema.signOuts.signedInAt),
        ),
      )
      .prepare(),
  ),
  passes: preparedQuery((db) =>
    db
      .select({ p: schema.passes, r: schema.residents })
      .from(schema.passes)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.passes.residentId))
      .where(
        and(
          eq(schema.passes.houseId, sql.placeholder('houseId')),
          eq(schema.passes.status, 'approved'),
          isNull(schema.passes.returnedAt),
          lte(schema.passes.departAt, sql.placeholder('now')),
        ),
      )
      .prepare(),
  ),
};

export async function outNow(ctx: Pick<AuthedContext, 'db' | 'clock'>, house: House) {
  const now = ctx.clock.now();
  const [signOuts, passes] = await Promise.all([
    outNowQueries.signOuts(ctx.db).all({ houseId: house.id }),
    outNowQueries.passes(ctx.db).all({ houseId: house.id, now: now.getTime() }),
  ]);
  const out = [
    ...signOuts.map(({ s, r }) => ({
      kind: 'sign_out' as const,
      id: s.id,
      residentId: r.id,
      residentName: displayName(r),
      destination: s.destination,
      since: s.signedOutAt.toISOString(),
      expectedReturnAt: s.expectedReturnAt.toISOString(),
      overdueMinutes: Math.max(0, minutesBetween(now, s.expectedReturnAt)),
    })),
    ...passes.map(({ p, r }) => ({
      kind: 'pass' as const,
      id: p.id,
      residentId: r.id,
      residentName: displayName(r),
      destination: p.destination,
      since: p.departAt.toISOString(),
      expectedReturnAt: p.expectedReturnAt.toISOString(),
      overdueMinutes: Math.max(0, minutesBetween(now, p.expectedReturnAt)),
    })),
  ];
  return out.sort(
    (a, b) =>
      b.overdueMinutes - a.overdueMinutes || a.expectedReturnAt.localeCompare(b.expectedReturnAt),
  );
}

/** The house's board for a day: who is due, done, late, missed or away; who is out now. */
/** Who lived in a house on a day, by name. */
const boardResidentsQuery = preparedQuery((db) =>
  db
    .select({ r: schema.residents, startDate: schema.stays.startDate })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(
      and(
        eq(schema.stays.houseId, sql.placeholder('houseId')),
        lte(schema.stays.startDate, sql.placeholder('date')),
        or(isNull(schema.stays.endDate), gte(schema.stays.endDate, sql.placeholder('date'))),
      ),
    )
    .orderBy(asc(schema.residents.lastName), asc(schema.residents.firstName))
    .prepare(),
);

export async function board(
  ctx: AuthedContext & { house: House },
  input: { date?: string | undefined },
) {
  const house = ctx.house;
  const today = houseToday(ctx, house);
  const date = input.date ?? today;
  if (date > today) throw invalid('date', 'cannot be in the future.');
  const residents = await boardResidentsQuery(ctx.db).all({ houseId: house.id, date });
  const unique = [...new Map(residents.map((row) => [row.r.id, row])).values()];
  const days = await residentDays(
    ctx,
    house,
    unique.map((row) => row.r.id),
    date,
    date,
  );
  const out = date === today ? await outNow(ctx, house) : [];
  const rows = unique.map(({ r }) => {
    const d = days.get(r.id);
    const day = d?.days[0];
    const window = day?.curfew.window ?? null;
    return {
      residentId: r.id,
      name: displayName(r),
      phaseName: d?.phaseOn(date)?.name ?? null,
      daily: {
        status: day?.daily.status ?? 'not_required',
        dueAt: day?.daily.dueAt.toISOString() ?? null,
        entry: entryOut(d?.daily.get(date)),
      },
      curfew: {
        status: day?.curfew.status ?? 'not_required',
        opensAt: window?.opensAt.toISOString() ?? null,
        curfewAt: window?.curfewAt.toISOString() ?? null,
        closesAt: window?.closesAt.toISOString() ?? null,
        entry: entryOut(d?.curfew.get(date)),
      },
      out: out.find((o) => o.residentId === r.id) ?? null,
    };
  });
  const urgency = (row: (typeof rows)[number]) =>
    (row.out && row.out.overdueMinutes > 0 ? -1 : 0) * 100 +
    Math.min(BOARD_ORDER[row.daily.status], BOARD_ORDER[row.curfew.status]);
  rows.sort((a, b) => urgency(a) - urgency(b));
  const counts: Record<RequirementStatus, number> = {
    missed: 0,
    late: 0,
    unsigned: 0,
    due: 0,
    done: 0,
    away: 0,
    not_required: 0,
  };
  for (const row of rows) counts[row.daily.status] += 1;
  const curfewCounts = { ...counts };
  for (const key of Object.keys(curfewCounts) as RequirementStatus[]) curfewCounts[key] = 0;
  for (const row of rows) curfewCounts[row.curfew.status] += 1;
  return {
    house: { id: house.id, name: house.name, timezone: house.timezone },
    date,
    today,
    policy: policyOf(house),
    dailyDueAt: dailyDueAt(date, policyOf(house), house.timezone).toISOString(),
    counts: { daily: counts, curfew: curfewCounts },
    overdue: out.filter((o) => o.overdueMinutes > 0),
    out,
    residents: rows,
  };
}

function meetingsByCheckIn(meetings: readonly Meeting[]) {
  const map = new Map<string, Meeting[]>();
  for (const m of meetings) map.set(m.checkInId, [...(map.get(m.checkInId) ?? []), m]);
  return map;
}

/** A resident's check-ins, newest first, each with its corrections. */
/** A resident's history, page by page: the hottest read of a resident's phone. */
const historyQueries = {
  originals: preparedQuery((db) =>
    db
      .select({
        c: schema.checkIns,
        timezone: schema.houses.timezone,
        houseName: schema.houses.name,
      })
      .from(schema.checkIns)
      .innerJoin(schema.houses, eq(schema.houses.id, schema.checkIns.houseId))
      .where(
        and(
          eq(schema.checkIns.residentId, sql.placeholder('residentId')),
          isNull(schema.checkIns.correctsId),
        ),
      )
      .orderBy(desc(schema.checkIns.forDate), desc(schema.checkIns.recordedAt))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  ),
  corrections: preparedQuery((db) =>
    db
      .select()
      .from(schema.checkIns)
      .where(inJsonList(schema.checkIns.correctsId, 'ids'))
      .orderBy(asc(schema.checkIns.recordedAt))
      .prepare(),
  ),
  meetings: preparedQuery((db) =>
    db
      .select()
      .from(schema.checkInMeetings)
      .where(inJsonList(schema.checkInMeetings.checkInId, 'ids'))
      .prepare(),
  ),
};

export async function history(
  ctx: AuthedContext & { resident: Resident },
  input: { cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const isStaff = canManageResident(ctx.actor, ctx.resident);
  const originals = await historyQueries.originals(ctx.db).all({
    residentId: ctx.resident.id,
    limit: input.limit + 1,
    offset,
  });
  const page = toPage(originals, offset, input.limit);
  const ids = page.items.map((row) => row.c.id);
  const corrections =
    ids.length === 0
      ? []
      : await historyQueries.corrections(ctx.db).all({ ids: JSON.stringify(ids) });
  const allIds = [...ids, ...corrections.map((c) => c.id)];
  // notes are sensitive: staff reading a resident's check-ins is written to the audit log
  if (isStaff && ids.length > 0)
    await auditRead(ctx, {
      action: 'checkIns.read',
      recordType: 'resident',
      recordId: ctx.resident.id,
      organisationId: ctx.resident.organisationId,
      details: {
        checkIns: ids.length,
        from: page.items.at(-1)?.c.forDate,
        to: page.items[0]?.c.forDate,
      },
    });
  const meetings = meetingsByCheckIn(
    allIds.length === 0
      ? []
      : await historyQueries.meetings(ctx.db).all({ ids: JSON.stringify(allIds) }),
  );
  const view = (c: CheckIn) => ({
    id: c.id,
    recordedAt: c.recordedAt.toISOString(),
    mood: c.mood,
    craving: c.craving,
    halt: c.halt ?? [],
    sleepHours: c.sleepHours,
    sponsorContact: c.sponsorContact,
    workOrSchool: c.workOrSchool,
    note: c.note,
    correctionReason: c.correctionReason,
    meetings: (meetings.get(c.id) ?? []).map((m) => ({
      type: m.type,
      name: m.name,
      verification: m.verification,
    })),
    // where a resident was is for the house's staff only
    location:
      isStaff && c.latitude !== null && c.longitude !== null
        ? { latitude: c.latitude, longitude: c.longitude, accuracy: c.locationAccuracy }
        : null,
  });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ c, timezone, houseName }) => {
      const theirs = corrections.filter((x) => x.correctsId === c.id);
      const current = theirs.at(-1) ?? c;
      return {
        id: c.id,
        kind: c.kind,
        forDate: c.forDate,
        houseName,
        timezone,
        recordedAt: c.recordedAt.toISOString(),
        late: c.late,
        current: view(current),
        // the entry as first made, and each correction, in order
        versions: theirs.length > 0 ? [view(c), ...theirs.map(view)] : [],
      };
    }),
  };
}

/** Streak, compliance, trends and meetings against the phase's requirement. */
export async function summary(
  ctx: Pick<AuthedContext, 'db' | 'clock'>,
  resident: Resident,
  input: { weeks: number },
) {
  const house = await ctx.db
    .select()
    .from(schema.houses)
    .where(eq(schema.houses.id, resident.houseId))
    .get();
  if (!house) throw conflict('This resident has no house.');
  const today = houseToday(ctx, house);
  const from = addDays(weekStart(today), -7 * (input.weeks - 1));
  const days = (await residentDays(ctx, house, [resident.id], from, today)).get(resident.id);
  if (!days) throw conflict('This resident has no house.');
  const newestFirst = [...days.days].reverse();
  const last = (n: number) => days.days.filter((d) => d.date > addDays(today, -n));
  const meetingRowsFor = await ctx.db
    .select({ forDate: schema.checkIns.forDate, checkInId: schema.checkInMeetings.checkInId })
    .from(schema.checkInMeetings)
    .innerJoin(schema.checkIns, eq(schema.checkIns.id, schema.checkInMeetings.checkInId))
    .where(
      and(
        eq(schema.checkIns.residentId, resident.id),
        eq(schema.checkIns.houseId, house.id),
        gte(schema.checkIns.forDate, from),
      ),
    );
  // only the meetings of the version of each check-in that is read now
  const current = new Set([...days.daily.values()].map((e) => e.current.id));
  const weeks = datesFrom(from, today)
    .filter((d) => d === weekStart(d))
    .map((start) => {
      const end = addDays(start, 6);
      const phase = days.phaseOn(end < today ? end : today);
      return {
        weekStart: start,
        meetings: meetingRowsFor.filter(
          (m) => current.has(m.checkInId) && m.forDate >= start && m.forDate <= end,
        ).length,
        required: phase?.meetingsPerWeek ?? 0,
      };
    });
  const trend = days.days.map((d) => {
    const e = days.daily.get(d.date);
    return {
      date: d.date,
      mood: e?.current.mood ?? null,
      craving: e?.current.craving ?? null,
      daily: d.daily.status,
      curfew: d.curfew.status,
    };
  });
  const todayStatus = days.days.at(-1);
  return {
    today,
    timezone: house.timezone,
    houseName: house.name,
    phase: days.phaseOn(today)
      ? {
          name: days.phaseOn(today)?.name ?? '',
          meetingsPerWeek: days.phaseOn(today)?.meetingsPerWeek ?? 0,
        }
      : null,
    streak: streak(newestFirst),
    compliance7: compliance(last(7)),
    compliance30: compliance(last(30)),
    weeks,
    days: trend,
    todayStatus: todayStatus
      ? {
          daily: todayStatus.daily.status,
          dailyDueAt: todayStatus.daily.dueAt.toISOString(),
          curfew: todayStatus.curfew.status,
          curfewOpensAt: todayStatus.curfew.window?.opensAt.toISOString() ?? null,
          curfewAt: todayStatus.curfew.window?.curfewAt.toISOString() ?? null,
          dailyEntry: entryOut(days.daily.get(today)),
          curfewEntry: entryOut(days.curfew.get(today)),
        }
      : null,
  };
}

/** The resident's own view: today, the open sign-out, and their record in numbers. */
export async function mine(ctx: AuthedContext & { resident: Resident }) {
  const open = await openStayOf(ctx, ctx.resident.id);
  const signOut = await ctx.db
    .select()
    .from(schema.signOuts)
    .where(and(eq(schema.signOuts.residentId, ctx.resident.id), isNull(schema.signOuts.signedInAt)))
    .get();
  // in the small hours the curfew check-in open is still last night's
  const phase = requirementsOf(
    open ? await currentPhaseOf(ctx, ctx.resident.id, open.house.id) : undefined,
  );
  const timing =
    open && phase
      ? curfewTiming(phase, ctx.clock.now(), policyOf(open.house), open.house.timezone)
      : null;
  const curfewDone =
    timing !== null &&
    (await existingOriginal(ctx, ctx.resident.id, 'curfew', timing.window.night)) !== undefined;
  return {
    livingIn: open ? { houseId: open.house.id, houseName: open.house.name } : null,
    shareLocation: ctx.resident.shareLocation,
    policy: open ? policyOf(open.house) : null,
    signOut: signOut
      ? {
          id: signOut.id,
          destination: signOut.destination,
          signedOutAt: signOut.signedOutAt.toISOString(),
          expectedReturnAt: signOut.expectedReturnAt.toISOString(),
        }
      : null,
    curfewNow: timing
      ? {
          night: timing.window.night,
          opensAt: timing.window.opensAt.toISOString(),
          curfewAt: timing.window.curfewAt.toISOString(),
          open: timing.timing !== 'early',
          done: curfewDone,
        }
      : null,
    summary: open
      ? await summary(ctx, { ...ctx.resident, houseId: open.house.id }, { weeks: 2 })
      : null,
  };
}
