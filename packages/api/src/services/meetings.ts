// House meetings: the weekly schedule (meetings are planned eight weeks ahead),
// one-off meetings, the agenda with reports from the house's own records, the
// roll, minutes (locked once approved, amended after), motions counted against
// those present, and action items that carry over until done. Every change is
// one batch with its audit entry.
import {
  and,
  asc,
  type BatchItem,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  gt,
  ne,
  newId,
  or,
  schema,
  sql,
} from '@porchlight/db';
import {
  addDays,
  type AgendaItem,
  agendaKey,
  checkVotes,
  compliance,
  conflict,
  DEFAULT_AGENDA,
  inTheRoom,
  invalid,
  meetingStart,
  type MotionRecordInput,
  motionOutcome,
  scheduledMeetings,
  termEnd,
  termProblem,
  type AttendanceStatus,
  canActInHouse,
  type ReportSource,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { residentDays } from './check-ins';
import { displayName, houseToday } from './houses';
import { statusOf } from './chore-rotas';
import { offsetOf, toPage } from './pages';
import { commit, commitGuarded } from './write';
import { houseCelebrations } from './support';

type House = typeof schema.houses.$inferSelect;
type Meeting = typeof schema.meetings.$inferSelect;
type Ctx = Pick<AuthedContext, 'db' | 'clock' | 'actor' | 'requestId' | 'ip'>;

const SCHEDULE_CHANGED = 'The meeting schedule changed.';

/** How far ahead a weekly schedule's meetings are planned. */
const WEEKS_AHEAD = 8;

// ---------- who is in the house ----------

/** Residents living in the house on `date`, by name. */
export async function residentsOn(ctx: Pick<AuthedContext, 'db'>, houseId: string, date: string) {
  const rows = await ctx.db
    .select({ r: schema.residents })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(
      and(
        eq(schema.stays.houseId, houseId),
        lte(schema.stays.startDate, date),
        or(isNull(schema.stays.endDate), sql`${schema.stays.endDate} > ${date}`),
      ),
    )
    .orderBy(asc(schema.residents.lastName), asc(schema.residents.firstName));
  return [
    ...new Map(rows.map(({ r }) => [r.id, { residentId: r.id, name: displayName(r) }])).values(),
  ];
}

// ---------- schedule ----------

async function openSchedule(ctx: Pick<AuthedContext, 'db'>, houseId: string) {
  return ctx.db
    .select()
    .from(schema.meetingSchedules)
    .where(
      and(eq(schema.meetingSchedules.houseId, houseId), isNull(schema.meetingSchedules.endedAt)),
    )
    .get();
}

/** The inserts that plan a schedule's meetings up to eight weeks ahead (existing ones are left). */
function planWrites(
  ctx: Pick<AuthedContext, 'db' | 'clock' | 'actor'>,
  house: House,
  schedule: typeof schema.meetingSchedules.$inferSelect,
) {
  const today = houseToday(ctx, house);
  const now = ctx.clock.now();
  // a meeting whose time has already passed today is not planned after the fact
  const upcoming = scheduledMeetings(
    schedule,
    today,
    addDays(today, WEEKS_AHEAD * 7),
    house.timezone,
  ).filter((m) => m.startsAt.getTime() >= now.getTime());
  if (upcoming.length === 0) return [];
  return [
    ctx.db
      .insert(schema.meetings)
      .values(
        upcoming.map((m) => ({
          id: newId(),
          organisationId: house.organisationId,
          houseId: house.id,
          scheduleId: schedule.id,
          kind: 'house' as const,
          title: schedule.title,
          date: m.date,
          time: schedule.time,
          startsAt: m.startsAt,
          createdBy: ctx.actor?.userId ?? null,
        })),
      )
      .onConflictDoNothing(),
  ];
}

/** Plans the weeks ahead when the plan has run short (the meetings a schedule implies). */
async function topUp(ctx: Ctx, house: House) {
  const schedule = await openSchedule(ctx, house.id);
  if (!schedule) return;
  const today = houseToday(ctx, house);
  const last = await ctx.db
    .select({ date: schema.meetings.date })
    .from(schema.meetings)
    .where(eq(schema.meetings.scheduleId, schedule.id))
    .orderBy(desc(schema.meetings.date))
    .limit(1)
    .get();
  if (last && last.date >= addDays(today, (WEEKS_AHEAD - 1) * 7)) return;
  const writes = planWrites(ctx, house, schedule);
  if (writes.length === 0) return;
  await commit(ctx, writes, [
    {
      action: 'meetings.plan',
      recordType: 'meeting_schedule',
      recordId: schedule.id,
      organisationId: house.organisationId,
      details: { houseId: house.id, through: addDays(today, WEEKS_AHEAD * 7) },
    },
  ]);
}

export async function setSchedule(
  ctx: AuthedContext & { house: House },
  input: { weekday: number; time: string; title: string },
) {
  const house = ctx.house;
  const now = ctx.clock.now();
  const old = await openSchedule(ctx, house.id);
  const today = houseToday(ctx, house);
  if (old && old.weekday === input.weekday && old.time === input.time) {
    // only the name changes: the meetings planned stay, with their agendas
    await commit(
      ctx,
      [
        ctx.db
          .update(schema.meetingSchedules)
          .set({ title: input.title })
          .where(eq(schema.meetingSchedules.id, old.id)),
        ctx.db
          .update(schema.meetings)
          .set({ title: input.title })
          .where(
            and(eq(schema.meetings.scheduleId, old.id), eq(schema.meetings.status, 'scheduled')),
          ),
      ],
      [
        {
          action: 'meetings.setSchedule',
          recordType: 'meeting_schedule',
          recordId: old.id,
          organisationId: house.organisationId,
          details: { houseId: house.id, ...input, renamed: true },
        },
      ],
    );
    return { scheduleId: old.id };
  }
  const schedule = {
    id: newId(),
    organisationId: house.organisationId,
    houseId: house.id,
    weekday: input.weekday,
    time: input.time,
    title: input.title,
    createdAt: now,
    createdBy: ctx.actor.userId,
    endedAt: null,
    endedBy: null,
  };
  const writes: BatchItem<'sqlite'>[] = [];
  if (old)
    writes.push(
      ctx.db
        .update(schema.meetingSchedules)
        .set({ endedAt: now, endedBy: ctx.actor.userId })
        .where(eq(schema.meetingSchedules.id, old.id)),
      // the old schedule's meetings still to come give way to the new ones
      ctx.db
        .update(schema.meetings)
        .set({
          status: 'cancelled',
          cancelledAt: now,
          cancelledBy: ctx.actor.userId,
          cancelReason: SCHEDULE_CHANGED,
        })
        .where(
          and(
            eq(schema.meetings.scheduleId, old.id),
            eq(schema.meetings.status, 'scheduled'),
            // today's meeting stands: people may be on their way
            gt(schema.meetings.date, today),
          ),
        ),
    );
  writes.push(
    ctx.db.insert(schema.meetingSchedules).values(schedule),
    ...planWrites(ctx, house, schedule),
  );
  await commit(ctx, writes, [
    {
      action: 'meetings.setSchedule',
      recordType: 'meeting_schedule',
      recordId: schedule.id,
      organisationId: house.organisationId,
      details: { houseId: house.id, ...input, replaces: old?.id ?? null },
    },
  ]);
  return { scheduleId: schedule.id };
}

export async function createMeeting(
  ctx: AuthedContext & { house: House },
  input: { kind: 'house' | 'emergency' | 'officer'; title: string; date: string; time: string },
) {
  const house = ctx.house;
  const today = houseToday(ctx, house);
  if (input.date < today) throw invalid('date', 'cannot be in the past.');
  if (input.date > addDays(today, 366)) throw invalid('date', 'can be at most a year ahead.');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.meetings).values({
        id,
        organisationId: house.organisationId,
        houseId: house.id,
        kind: input.kind,
        title: input.title,
        date: input.date,
        time: input.time,
        startsAt: meetingStart(input.date, input.time, house.timezone),
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'meetings.create',
        recordType: 'meeting',
        recordId: id,
        organisationId: house.organisationId,
        details: { houseId: house.id, ...input },
      },
    ],
  );
  return { meetingId: id };
}

type MeetingCtx = AuthedContext & { meeting: Meeting; house: House };

export async function cancelMeeting(ctx: MeetingCtx, input: { reason: string }) {
  if (ctx.meeting.status !== 'scheduled')
    throw conflict('Only a meeting that has not started can be cancelled.', 'meetingId');
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.meetings)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: ctx.actor.userId,
        cancelReason: input.reason,
      })
      .where(and(eq(schema.meetings.id, ctx.meeting.id), eq(schema.meetings.status, 'scheduled'))),
    {
      action: 'meetings.cancel',
      recordType: 'meeting',
      recordId: ctx.meeting.id,
      organisationId: ctx.house.organisationId,
      details: { reason: input.reason },
    },
  );
  return { meetingId: ctx.meeting.id, status: 'cancelled' as const };
}

// ---------- agenda ----------

export async function agendaTemplateOf(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
): Promise<AgendaItem[]> {
  const row = await ctx.db
    .select()
    .from(schema.agendaTemplates)
    .where(eq(schema.agendaTemplates.houseId, houseId))
    .get();
  return (
    (row?.items as AgendaItem[] | undefined) ??
    DEFAULT_AGENDA.map((i) => ({ ...i, reports: [...i.reports] }))
  );
}

function withKeys(
  items: ReadonlyArray<{ key?: string | undefined; title: string; reports: ReportSource[] }>,
): AgendaItem[] {
  const taken = new Set<string>();
  return items.map((item) => {
    const key = item.key && !taken.has(item.key) ? item.key : agendaKey(item.title, taken);
    taken.add(key);
    return { key, title: item.title, reports: [...new Set(item.reports)] };
  });
}

export async function updateTemplate(
  ctx: AuthedContext & { house: House },
  input: { items: Array<{ key?: string | undefined; title: string; reports: ReportSource[] }> },
) {
  const items = withKeys(input.items);
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db
        .insert(schema.agendaTemplates)
        .values({ houseId: ctx.house.id, items, updatedAt: now, updatedBy: ctx.actor.userId })
        .onConflictDoUpdate({
          target: schema.agendaTemplates.houseId,
          set: { items, updatedAt: now, updatedBy: ctx.actor.userId },
        }),
    ],
    [
      {
        action: 'meetings.updateTemplate',
        recordType: 'agenda_template',
        recordId: ctx.house.id,
        organisationId: ctx.house.organisationId,
        details: { items: items.map((i) => i.title) },
      },
    ],
  );
  return { items };
}

export async function updateAgenda(
  ctx: MeetingCtx,
  input: { items: Array<{ key?: string | undefined; title: string; reports: ReportSource[] }> },
) {
  if (ctx.meeting.status === 'closed' || ctx.meeting.status === 'cancelled')
    throw conflict('The agenda of a held or cancelled meeting stays as it was.', 'meetingId');
  const items = withKeys(input.items);
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.meetings)
        .set({ agenda: items })
        .where(eq(schema.meetings.id, ctx.meeting.id)),
    ],
    [
      {
        action: 'meetings.updateAgenda',
        recordType: 'meeting',
        recordId: ctx.meeting.id,
        organisationId: ctx.house.organisationId,
        details: { items: items.map((i) => i.title) },
      },
    ],
  );
  return { items };
}

// ---------- reports from the house's own records ----------

async function previousMeeting(ctx: Pick<AuthedContext, 'db'>, meeting: Meeting) {
  return ctx.db
    .select()
    .from(schema.meetings)
    .where(
      and(
        eq(schema.meetings.houseId, meeting.houseId),
        eq(schema.meetings.status, 'closed'),
        lte(schema.meetings.startsAt, meeting.startsAt),
        ne(schema.meetings.id, meeting.id),
      ),
    )
    .orderBy(desc(schema.meetings.startsAt), desc(schema.meetings.closedAt))
    .limit(1)
    .get();
}

/** Action items still open when a meeting takes place (or now, for one to come). */
async function openActionItems(ctx: Pick<AuthedContext, 'db'>, houseId: string, before?: Date) {
  const rows = await ctx.db
    .select({ a: schema.actionItems, r: schema.residents, raisedOn: schema.meetings.date })
    .from(schema.actionItems)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.actionItems.meetingId))
    .leftJoin(schema.residents, eq(schema.residents.id, schema.actionItems.ownerResidentId))
    .where(
      and(
        eq(schema.actionItems.houseId, houseId),
        isNull(schema.actionItems.doneAt),
        before ? lt(schema.actionItems.createdAt, before) : undefined,
      ),
    )
    .orderBy(asc(schema.actionItems.createdAt));
  return rows.map(actionItemOut);
}

function actionItemOut(row: {
  a: typeof schema.actionItems.$inferSelect;
  r: typeof schema.residents.$inferSelect | null;
  raisedOn: string;
}) {
  return {
    id: row.a.id,
    meetingId: row.a.meetingId,
    raisedOn: row.raisedOn,
    text: row.a.text,
    ownerResidentId: row.a.ownerResidentId,
    ownerName: row.r ? displayName(row.r) : null,
    dueDate: row.a.dueDate,
    done: row.a.doneAt !== null,
    doneAt: row.a.doneAt?.toISOString() ?? null,
  };
}

/**
 * What the house's records say for a meeting on `date`: the last minutes, the
 * chores of the week before and the rota ahead, check-ins, open violations and
 * grievances (counted, never named), who moved in and out, open action items.
 */
export async function reportsFor(
  ctx: Pick<AuthedContext, 'db' | 'clock'>,
  house: House,
  meeting: Meeting,
) {
  const date = meeting.date;
  const weekAgo = addDays(date, -7);
  const [
    previous,
    occurrences,
    nextRota,
    moves,
    openViolations,
    openGrievances,
    actions,
    residents,
  ] = await Promise.all([
    previousMeeting(ctx, meeting),
    ctx.db
      .select({ o: schema.choreOccurrences })
      .from(schema.choreOccurrences)
      .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
      .where(
        and(
          eq(schema.choreOccurrences.houseId, house.id),
          eq(schema.choreRotas.status, 'published'),
          gte(schema.choreOccurrences.date, weekAgo),
          lt(schema.choreOccurrences.date, date),
        ),
      ),
    ctx.db
      .select({
        startDate: schema.choreRotas.startDate,
        status: schema.choreRotas.status,
        days: schema.choreRotas.days,
      })
      .from(schema.choreRotas)
      .where(
        and(
          eq(schema.choreRotas.houseId, house.id),
          gte(schema.choreRotas.startDate, addDays(date, -13)),
          lte(schema.choreRotas.startDate, addDays(date, 7)),
        ),
      )
      .orderBy(desc(schema.choreRotas.startDate)),
    ctx.db
      .select({ s: schema.stays, r: schema.residents })
      .from(schema.stays)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
      .where(
        and(
          eq(schema.stays.houseId, house.id),
          or(
            and(gte(schema.stays.startDate, weekAgo), lte(schema.stays.startDate, date)),
            and(gte(schema.stays.endDate, weekAgo), lte(schema.stays.endDate, date)),
          ),
        ),
      ),
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(schema.violations)
      .where(
        and(
          eq(schema.violations.houseId, house.id),
          isNull(schema.violations.voidedAt),
          gte(
            schema.violations.occurredAt,
            new Date(Date.parse(`${addDays(date, -30)}T00:00:00Z`)),
          ),
          lt(schema.violations.occurredAt, new Date(Date.parse(`${addDays(date, 1)}T00:00:00Z`))),
        ),
      )
      .get(),
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(schema.grievances)
      .where(
        and(
          eq(schema.grievances.houseId, house.id),
          inArray(schema.grievances.status, ['open', 'escalated']),
        ),
      )
      .get(),
    openActionItems(ctx, house.id, meeting.openedAt ?? undefined),
    residentsOn(ctx, house.id, date),
  ]);
  const celebrations = await houseCelebrations(ctx, house, date);
  const statuses = occurrences.map(({ o }) => statusOf(o, houseToday(ctx, house)));
  const days = await residentDays(
    ctx,
    house,
    residents.map((r) => r.residentId),
    weekAgo,
    addDays(date, -1),
  );
  const checkIns = compliance([...days.values()].flatMap((d) => d.days));
  const movedIn = moves.filter(
    ({ s }) => s.startDate >= weekAgo && s.startDate <= date && s.previousStayId === null,
  );
  const movedOut = moves.filter(
    ({ s }) =>
      s.endDate !== null &&
      s.endDate >= weekAgo &&
      s.endDate <= date &&
      s.endReason !== 'transferred',
  );
  // the rota that covers the days after the meeting (a two-week rota may have begun already)
  const dayAfter = addDays(date, 1);
  const next =
    nextRota.find((r) => r.startDate <= dayAfter && addDays(r.startDate, r.days) > dayAfter) ??
    nextRota.find((r) => r.startDate > date) ??
    null;
  return {
    minutes: previous
      ? {
          meetingId: previous.id,
          date: previous.date,
          approved: previous.minutesApprovedAt !== null,
          text: previous.minutes,
        }
      : null,
    chores: {
      from: weekAgo,
      to: addDays(date, -1),
      due: statuses.filter((s) => s !== 'unassigned' && s !== 'upcoming' && s !== 'due').length,
      done: statuses.filter((s) => s === 'done' || s === 'verified').length,
      missed: statuses.filter((s) => s === 'missed').length,
      nextRota: next ? { startDate: next.startDate, published: next.status === 'published' } : null,
    },
    checkIns: { required: checkIns.required, made: checkIns.made, onTime: checkIns.onTime },
    violations: {
      openViolations: Number(openViolations?.n ?? 0),
      openGrievances: Number(openGrievances?.n ?? 0),
    },
    residents: {
      movedIn: movedIn.map(({ r, s }) => ({ name: displayName(r), date: s.startDate })),
      movedOut: movedOut.map(({ r, s }) => ({ name: displayName(r), date: s.endDate ?? '' })),
      count: residents.length,
    },
    actionItems: actions,
    celebrations,
  };
}
export type MeetingReports = Awaited<ReturnType<typeof reportsFor>>;

// ---------- reading meetings ----------

export async function listMeetings(
  ctx: AuthedContext & { house: House },
  input: { cursor?: string | undefined; limit: number },
) {
  await topUp(ctx, ctx.house);
  const now = ctx.clock.now();
  const offset = offsetOf(input.cursor);
  const soon = new Date(now.getTime() - 12 * 3_600_000);
  const [upcoming, past, cancelledAhead, schedule] = await Promise.all([
    ctx.db
      .select()
      .from(schema.meetings)
      .where(
        and(
          eq(schema.meetings.houseId, ctx.house.id),
          or(
            eq(schema.meetings.status, 'open'),
            and(eq(schema.meetings.status, 'scheduled'), gte(schema.meetings.startsAt, soon)),
          ),
        ),
      )
      .orderBy(asc(schema.meetings.startsAt))
      .limit(10),
    // the record: held meetings, those called off once their time came, and those nobody opened
    ctx.db
      .select()
      .from(schema.meetings)
      .where(
        and(
          eq(schema.meetings.houseId, ctx.house.id),
          or(
            eq(schema.meetings.status, 'closed'),
            and(eq(schema.meetings.status, 'cancelled'), lt(schema.meetings.startsAt, now)),
            and(eq(schema.meetings.status, 'scheduled'), lt(schema.meetings.startsAt, soon)),
          ),
        ),
      )
      .orderBy(desc(schema.meetings.startsAt))
      .limit(input.limit + 1)
      .offset(offset),
    // called off ahead of time; a change of schedule plans new ones, so those are no news
    ctx.db
      .select()
      .from(schema.meetings)
      .where(
        and(
          eq(schema.meetings.houseId, ctx.house.id),
          eq(schema.meetings.status, 'cancelled'),
          gte(schema.meetings.startsAt, now),
          ne(schema.meetings.cancelReason, SCHEDULE_CHANGED),
        ),
      )
      .orderBy(asc(schema.meetings.startsAt))
      .limit(10),
    openSchedule(ctx, ctx.house.id),
  ]);
  const page = toPage(past, offset, input.limit);
  return {
    house: { id: ctx.house.id, name: ctx.house.name, timezone: ctx.house.timezone },
    schedule: schedule
      ? { weekday: schedule.weekday, time: schedule.time, title: schedule.title }
      : null,
    upcoming: upcoming.map(meetingSummary),
    cancelledAhead: cancelledAhead.map(meetingSummary),
    past: page.items.map(meetingSummary),
    nextCursor: page.nextCursor,
    can: powersOf(ctx, ctx.house),
  };
}

function meetingSummary(m: Meeting) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    date: m.date,
    time: m.time,
    startsAt: m.startsAt.toISOString(),
    status: m.status,
    cancelReason: m.cancelReason,
    minutesApproved: m.minutesApprovedAt !== null,
  };
}

function powersOf(ctx: Pick<AuthedContext, 'actor'>, house: House) {
  return {
    plan: canActInHouse(ctx.actor, house, 'agenda'),
    chair: canActInHouse(ctx.actor, house, 'chair'),
    roll: canActInHouse(ctx.actor, house, 'attendance'),
    minutes: canActInHouse(ctx.actor, house, 'minutes'),
  };
}

/** A meeting in full: agenda and reports, the roll, minutes, motions and action items. */
export async function getMeeting(ctx: MeetingCtx) {
  const m = ctx.meeting;
  const house = ctx.house;
  const [attendance, motionRows, raised, amendments, template, previous, members] =
    await Promise.all([
      ctx.db
        .select({ a: schema.meetingAttendance, r: schema.residents })
        .from(schema.meetingAttendance)
        .innerJoin(schema.residents, eq(schema.residents.id, schema.meetingAttendance.residentId))
        .where(eq(schema.meetingAttendance.meetingId, m.id)),
      ctx.db
        .select()
        .from(schema.motions)
        .where(eq(schema.motions.meetingId, m.id))
        .orderBy(asc(schema.motions.recordedAt)),
      ctx.db
        .select({ a: schema.actionItems, r: schema.residents, raisedOn: schema.meetings.date })
        .from(schema.actionItems)
        .innerJoin(schema.meetings, eq(schema.meetings.id, schema.actionItems.meetingId))
        .leftJoin(schema.residents, eq(schema.residents.id, schema.actionItems.ownerResidentId))
        .where(eq(schema.actionItems.meetingId, m.id))
        .orderBy(asc(schema.actionItems.createdAt)),
      ctx.db
        .select({ x: schema.minutesAmendments, by: schema.users.name })
        .from(schema.minutesAmendments)
        .leftJoin(schema.users, eq(schema.users.id, schema.minutesAmendments.createdBy))
        .where(eq(schema.minutesAmendments.meetingId, m.id))
        .orderBy(asc(schema.minutesAmendments.createdAt)),
      m.agenda ? Promise.resolve(null) : agendaTemplateOf(ctx, house.id),
      previousMeeting(ctx, m),
      residentsOn(ctx, house.id, m.date),
    ]);
  const names = new Map(members.map((r) => [r.residentId, r.name]));
  for (const { r } of attendance) names.set(r.id, displayName(r));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'a former resident') : null);
  // held meetings show what was reported then; others what the records say now
  const stored = m.reports as
    (Omit<MeetingReports, 'celebrations'> & Partial<MeetingReports>) | null;
  // meetings opened before celebrations were reported have none
  const reports = stored
    ? { ...stored, celebrations: stored.celebrations ?? [] }
    : m.status === 'cancelled'
      ? null
      : await reportsFor(ctx, house, m);
  const roll = (m.status === 'closed' ? [] : members).map((r) => r.residentId);
  for (const { a } of attendance) if (!roll.includes(a.residentId)) roll.push(a.residentId);
  roll.sort((a, b) => (nameOf(a) ?? '').localeCompare(nameOf(b) ?? ''));
  const status = new Map(attendance.map(({ a }) => [a.residentId, a]));
  const present = attendance.filter(({ a }) => inTheRoom(a.status)).length;
  return {
    meeting: {
      ...meetingSummary(m),
      openedAt: m.openedAt?.toISOString() ?? null,
      closedAt: m.closedAt?.toISOString() ?? null,
    },
    house: { id: house.id, name: house.name, timezone: house.timezone, narrLevel: house.narrLevel },
    agenda: (m.agenda as AgendaItem[] | null) ?? template ?? [],
    reports,
    attendance: roll.map((residentId) => {
      const a = status.get(residentId);
      return {
        residentId,
        name: nameOf(residentId) ?? '',
        status: a?.status ?? null,
        note: a?.note ?? null,
      };
    }),
    counts: { members: members.length, present },
    minutes: {
      text: m.minutes,
      updatedAt: m.minutesUpdatedAt?.toISOString() ?? null,
      approved: m.minutesApprovedAt !== null,
      approvedAt: m.minutesApprovedAt?.toISOString() ?? null,
      amendments: amendments.map(({ x, by }) => ({
        text: x.text,
        reason: x.reason,
        at: x.createdAt.toISOString(),
        by,
      })),
    },
    motions: motionRows.map((x) => ({
      id: x.id,
      kind: x.kind,
      text: x.text,
      movedBy: nameOf(x.movedBy),
      secondedBy: nameOf(x.secondedBy),
      threshold: x.threshold,
      votes: { for: x.votesFor, against: x.votesAgainst, abstain: x.votesAbstain },
      present: x.present,
      members: x.members,
      result: x.result,
      note: x.note,
      elected: x.electedResidentId ? nameOf(x.electedResidentId) : null,
    })),
    actionItems: raised.map(actionItemOut),
    previous: previous
      ? {
          id: previous.id,
          date: previous.date,
          minutesApproved: previous.minutesApprovedAt !== null,
        }
      : null,
    can: powersOf(ctx, house),
  };
}

// ---------- running a meeting ----------

function mustBeOpen(m: Meeting) {
  if (m.status !== 'open')
    throw conflict(
      m.status === 'scheduled'
        ? 'Open the meeting first.'
        : 'This meeting is over: its record stays as it was.',
      'meetingId',
    );
}

/** Opens a meeting on its day (or late): the agenda and reports are set down as they stand. */
export async function openMeeting(ctx: MeetingCtx) {
  const m = ctx.meeting;
  if (m.status !== 'scheduled')
    throw conflict('This meeting has already started or is over.', 'meetingId');
  const today = houseToday(ctx, ctx.house);
  if (m.date > today)
    throw conflict(`This meeting is on ${m.date}: it can be opened on the day.`, 'meetingId');
  const now = ctx.clock.now();
  const agenda = (m.agenda as AgendaItem[] | null) ?? (await agendaTemplateOf(ctx, ctx.house.id));
  const reports = await reportsFor(ctx, ctx.house, { ...m, openedAt: now });
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.meetings)
      .set({ status: 'open', openedAt: now, openedBy: ctx.actor.userId, agenda, reports })
      .where(and(eq(schema.meetings.id, m.id), eq(schema.meetings.status, 'scheduled'))),
    {
      action: 'meetings.open',
      recordType: 'meeting',
      recordId: m.id,
      organisationId: ctx.house.organisationId,
    },
  );
  return { meetingId: m.id, status: 'open' as const };
}

export async function recordAttendance(
  ctx: MeetingCtx,
  input: { residentId: string; status: AttendanceStatus; note?: string | undefined },
) {
  mustBeOpen(ctx.meeting);
  const members = await residentsOn(ctx, ctx.house.id, ctx.meeting.date);
  if (!members.some((r) => r.residentId === input.residentId))
    throw invalid('residentId', 'is not living in the house on the day of the meeting.');
  const now = ctx.clock.now();
  const values = {
    status: input.status,
    note: input.note ?? null,
    recordedAt: now,
    recordedBy: ctx.actor.userId,
  };
  await commit(
    ctx,
    [
      ctx.db
        .insert(schema.meetingAttendance)
        .values({ id: newId(), meetingId: ctx.meeting.id, residentId: input.residentId, ...values })
        .onConflictDoUpdate({
          target: [schema.meetingAttendance.meetingId, schema.meetingAttendance.residentId],
          set: values,
        }),
    ],
    [
      {
        action: 'meetings.recordAttendance',
        recordType: 'meeting',
        recordId: ctx.meeting.id,
        organisationId: ctx.house.organisationId,
        details: { residentId: input.residentId, status: input.status },
      },
    ],
  );
  return { residentId: input.residentId, status: input.status };
}

export async function saveMinutes(ctx: MeetingCtx, input: { text: string }) {
  const m = ctx.meeting;
  if (m.status === 'scheduled' || m.status === 'cancelled')
    throw conflict('Minutes are written once the meeting is open.', 'meetingId');
  if (m.minutesApprovedAt)
    throw conflict('These minutes are approved and locked: add an amendment.', 'meetingId');
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.meetings)
        .set({ minutes: input.text, minutesUpdatedAt: now, minutesUpdatedBy: ctx.actor.userId })
        .where(and(eq(schema.meetings.id, m.id), isNull(schema.meetings.minutesApprovedAt))),
    ],
    [
      {
        action: 'meetings.saveMinutes',
        recordType: 'meeting',
        recordId: m.id,
        organisationId: ctx.house.organisationId,
        details: { length: input.text.length },
      },
    ],
  );
  return { meetingId: m.id, savedAt: now.toISOString() };
}

function approveWrite(ctx: Ctx, meetingId: string, inMeetingId: string | null) {
  return ctx.db
    .update(schema.meetings)
    .set({
      minutesApprovedAt: ctx.clock.now(),
      minutesApprovedBy: ctx.actor?.userId ?? null,
      minutesApprovedInMeetingId: inMeetingId,
    })
    .where(
      and(
        eq(schema.meetings.id, meetingId),
        eq(schema.meetings.status, 'closed'),
        isNull(schema.meetings.minutesApprovedAt),
      ),
    );
}

/** Approves a held meeting's minutes (the house accepted them): from now on they are locked. */
export async function approveMinutes(ctx: MeetingCtx) {
  const m = ctx.meeting;
  if (m.status !== 'closed')
    throw conflict('Minutes are approved once the meeting is over.', 'meetingId');
  if (m.minutesApprovedAt) throw conflict('These minutes are already approved.', 'meetingId');
  const open = await ctx.db
    .select({ id: schema.meetings.id })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.houseId, ctx.house.id), eq(schema.meetings.status, 'open')))
    .get();
  await commitGuarded(ctx, approveWrite(ctx, m.id, open?.id ?? null), {
    action: 'meetings.approveMinutes',
    recordType: 'meeting',
    recordId: m.id,
    organisationId: ctx.house.organisationId,
    details: { inMeetingId: open?.id ?? null },
  });
  return { meetingId: m.id, approved: true };
}

export async function amendMinutes(ctx: MeetingCtx, input: { text: string; reason: string }) {
  if (!ctx.meeting.minutesApprovedAt)
    throw conflict('These minutes are not approved yet: change them directly.', 'meetingId');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.minutesAmendments).values({
        id,
        meetingId: ctx.meeting.id,
        text: input.text,
        reason: input.reason,
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'meetings.amendMinutes',
        recordType: 'meeting',
        recordId: ctx.meeting.id,
        organisationId: ctx.house.organisationId,
        details: { amendmentId: id, reason: input.reason },
      },
    ],
  );
  return { amendmentId: id };
}

/**
 * Records a motion as it was voted. The result is worked out here: votes for
 * against everyone in the room, and a quorum of the house's members. An election
 * that passes starts the term (within the house's term limits); accepting the
 * minutes approves the last meeting's.
 */
export async function recordMotion(ctx: MeetingCtx, input: Omit<MotionRecordInput, 'meetingId'>) {
  const m = ctx.meeting;
  mustBeOpen(m);
  const [members, attendance] = await Promise.all([
    residentsOn(ctx, ctx.house.id, m.date),
    ctx.db
      .select()
      .from(schema.meetingAttendance)
      .where(eq(schema.meetingAttendance.meetingId, m.id)),
  ]);
  const inRoom = new Set(attendance.filter((a) => inTheRoom(a.status)).map((a) => a.residentId));
  if (!inRoom.has(input.movedBy))
    throw invalid('movedBy', 'must be a resident present at the meeting.');
  if (input.secondedBy && !inRoom.has(input.secondedBy))
    throw invalid('secondedBy', 'must be a resident present at the meeting.');
  const votes = { for: input.votesFor, against: input.votesAgainst, abstain: input.votesAbstain };
  const tooMany = checkVotes(votes, inRoom.size);
  if (tooMany) throw invalid('votesFor', `and the votes against and abstaining ${tooMany}`);
  const outcome = motionOutcome(input.threshold, votes, inRoom.size, members.length);
  const id = newId();
  const now = ctx.clock.now();
  const writes: BatchItem<'sqlite'>[] = [
    ctx.db.insert(schema.motions).values({
      id,
      meetingId: m.id,
      kind: input.kind,
      text: input.text,
      movedBy: input.movedBy,
      secondedBy: input.secondedBy ?? null,
      threshold: input.threshold,
      votesFor: votes.for,
      votesAgainst: votes.against,
      votesAbstain: votes.abstain,
      present: inRoom.size,
      members: members.length,
      result: outcome.result,
      note: input.note ?? null,
      electionOfficeId: input.election?.officeId ?? null,
      electedResidentId: input.election?.residentId ?? null,
      recordedAt: now,
      recordedBy: ctx.actor.userId,
    }),
  ];
  let termId: string | null = null;
  if (input.kind === 'election' && input.election) {
    const e = input.election;
    const office = await ctx.db
      .select()
      .from(schema.offices)
      .where(eq(schema.offices.id, e.officeId))
      .get();
    if (!office || office.houseId !== ctx.house.id || office.retiredAt)
      throw invalid('election.officeId', 'is not an office of this house.');
    if (!members.some((r) => r.residentId === e.residentId))
      throw invalid('election.residentId', 'is not a resident of the house.');
    const startDate = e.startDate ?? m.date;
    const endDate = e.endDate ?? termEnd(startDate, ctx.house.officerTermMonths);
    const earlier = await ctx.db
      .select()
      .from(schema.officerTerms)
      .where(eq(schema.officerTerms.officeId, office.id));
    const problem = termProblem(
      { officeId: office.id, residentId: e.residentId, startDate, endDate },
      // the holder whose term the new one replaces steps down on the eve of it
      earlier
        .filter((t) => !(t.endDate >= startDate && t.startDate < startDate))
        .map((t) => ({
          officeId: t.officeId,
          residentId: t.residentId,
          startDate: t.startDate,
          endDate: t.endDate,
        })),
      {
        maxMonths: ctx.house.officerTermMonths,
        consecutiveAllowed: ctx.house.officerConsecutiveAllowed,
      },
    );
    if (problem) throw invalid(`election.${problem.field}`, problem.message);
    if (outcome.result === 'passed') {
      termId = newId();
      // a current holder's term ends the day before the new one starts
      const current = earlier.filter((t) => t.endDate >= startDate && t.startDate < startDate);
      for (const t of current)
        writes.push(
          ctx.db
            .update(schema.officerTerms)
            .set({
              endDate: addDays(startDate, -1),
              endedEarly: true,
              endReason: 'A successor was elected.',
            })
            .where(eq(schema.officerTerms.id, t.id)),
        );
      writes.push(
        ctx.db.insert(schema.officerTerms).values({
          id: termId,
          officeId: office.id,
          houseId: ctx.house.id,
          residentId: e.residentId,
          startDate,
          endDate,
          motionId: id,
          createdBy: ctx.actor.userId,
        }),
      );
    }
  }
  let approvedMinutesOf: string | null = null;
  if (input.kind === 'minutes' && outcome.result === 'passed') {
    const previous = await previousMeeting(ctx, m);
    if (previous && !previous.minutesApprovedAt) {
      approvedMinutesOf = previous.id;
      writes.push(approveWrite(ctx, previous.id, m.id));
    }
  }
  await commit(ctx, writes, [
    {
      action: 'meetings.recordMotion',
      recordType: 'motion',
      recordId: id,
      organisationId: ctx.house.organisationId,
      details: {
        meetingId: m.id,
        kind: input.kind,
        threshold: input.threshold,
        votes,
        present: inRoom.size,
        result: outcome.result,
        termId,
        approvedMinutesOf,
      },
    },
  ]);
  return { motionId: id, ...outcome, termId, approvedMinutesOf };
}

export async function addActionItem(
  ctx: MeetingCtx,
  input: { text: string; ownerResidentId?: string | undefined; dueDate?: string | undefined },
) {
  if (ctx.meeting.status !== 'open') mustBeOpen(ctx.meeting);
  if (input.ownerResidentId) {
    const members = await residentsOn(ctx, ctx.house.id, ctx.meeting.date);
    if (!members.some((r) => r.residentId === input.ownerResidentId))
      throw invalid('ownerResidentId', 'is not a resident of the house.');
  }
  if (input.dueDate && input.dueDate < ctx.meeting.date)
    throw invalid('dueDate', 'cannot be before the meeting.');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.actionItems).values({
        id,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        meetingId: ctx.meeting.id,
        text: input.text,
        ownerResidentId: input.ownerResidentId ?? null,
        dueDate: input.dueDate ?? null,
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'meetings.addActionItem',
        recordType: 'action_item',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: { meetingId: ctx.meeting.id, owner: input.ownerResidentId ?? null },
      },
    ],
  );
  return { actionItemId: id };
}

export async function completeActionItem(
  ctx: AuthedContext & { record: typeof schema.actionItems.$inferSelect; house: House },
) {
  if (ctx.record.doneAt) throw conflict('This action item is already done.', 'actionItemId');
  const open = await ctx.db
    .select({ id: schema.meetings.id })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.houseId, ctx.house.id), eq(schema.meetings.status, 'open')))
    .get();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.actionItems)
      .set({ doneAt: ctx.clock.now(), doneBy: ctx.actor.userId, doneInMeetingId: open?.id ?? null })
      .where(and(eq(schema.actionItems.id, ctx.record.id), isNull(schema.actionItems.doneAt))),
    {
      action: 'meetings.completeActionItem',
      recordType: 'action_item',
      recordId: ctx.record.id,
      organisationId: ctx.house.organisationId,
      details: { inMeetingId: open?.id ?? null },
    },
  );
  return { actionItemId: ctx.record.id, done: true };
}

/** Closes a meeting: its roll, motions and action items stand as recorded. */
export async function closeMeeting(ctx: MeetingCtx) {
  mustBeOpen(ctx.meeting);
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.meetings)
      .set({ status: 'closed', closedAt: now, closedBy: ctx.actor.userId })
      .where(and(eq(schema.meetings.id, ctx.meeting.id), eq(schema.meetings.status, 'open'))),
    {
      action: 'meetings.close',
      recordType: 'meeting',
      recordId: ctx.meeting.id,
      organisationId: ctx.house.organisationId,
    },
  );
  await topUp(ctx, ctx.house);
  return { meetingId: ctx.meeting.id, status: 'closed' as const };
}

/** Open action items of a house, with the meeting each was raised in. */
export async function houseActionItems(ctx: AuthedContext & { house: House }) {
  return openActionItems(ctx, ctx.house.id);
}
