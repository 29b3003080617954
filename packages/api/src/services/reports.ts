// The monthly house report: one page per house and month, for the operator's
// own records and for funders or certifiers. Nights, check-ins, chores and
// violations come from the same day figures as the overview, so the report
// agrees with the house's screens; the rest is a handful of grouped reads. It
// holds counts only: no resident is named, whatever they agreed to share.
import { and, eq, gte, inArray, isNull, lte, or, schema, sql } from '@porchlight/db';
import {
  addCounts,
  addDays,
  countsAsPositive,
  DISCHARGE_REASONS,
  type DrugTestResult,
  effectiveResult,
  type LabResult,
  localDateAt,
  milestonesReached,
  monthOf,
  ratePerResidentMonth,
  ratio,
  reportSpan,
  ZERO_COUNTS,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { houseToday } from './houses';
import { dayFiguresFor } from './portfolio';
import { auditRead } from './write';

type House = typeof schema.houses.$inferSelect;
type Ctx = AuthedContext & { house: House };

/** Why residents left: the discharge reasons, and a transfer to another of the organisation's houses. */
export const MOVE_OUT_REASONS = [...DISCHARGE_REASONS, 'transferred'] as const;
export type MoveOutReason = (typeof MOVE_OUT_REASONS)[number];

/** The first day the house has records: when it was added, or its earliest stay if that was entered back-dated. */
async function firstDayOf(ctx: Ctx) {
  const first = await ctx.db
    .select({ startDate: sql<string | null>`min(${schema.stays.startDate})` })
    .from(schema.stays)
    .where(eq(schema.stays.houseId, ctx.house.id))
    .get();
  const added = localDateAt(ctx.house.createdAt, ctx.house.timezone);
  const earliest = first?.startDate ?? null;
  return earliest !== null && earliest < added ? earliest : added;
}

/** An instant a day either side of the span: rows are then kept by their house-local date. */
function around(from: string, to: string) {
  return {
    start: new Date(Date.parse(`${addDays(from, -1)}T00:00:00Z`)),
    end: new Date(Date.parse(`${addDays(to, 2)}T00:00:00Z`)),
  };
}

async function occupancyOf(ctx: Ctx, from: string, to: string) {
  const house = ctx.house;
  // every stay up to the month's end: a stay in the month may continue a run that began long before
  const stays = await ctx.db
    .select({
      id: schema.stays.id,
      residentId: schema.stays.residentId,
      startDate: schema.stays.startDate,
      endDate: schema.stays.endDate,
      endReason: schema.stays.endReason,
      previousStayId: schema.stays.previousStayId,
      sobrietyDate: schema.residents.sobrietyDate,
      shareMilestones: schema.residents.shareMilestones,
    })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(and(eq(schema.stays.houseId, house.id), lte(schema.stays.startDate, to)));
  const started = stays.filter((s) => s.startDate >= from);
  const ended = stays.filter((s) => s.endDate !== null && s.endDate >= from && s.endDate <= to);
  const previousIds = started.flatMap((s) => (s.previousStayId ? [s.previousStayId] : []));
  const transferredIds = ended.filter((s) => s.endReason === 'transferred').map((s) => s.id);
  // the other end of each transfer: a move to another bed of this house is neither a move-in nor a move-out
  const linked =
    previousIds.length + transferredIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: schema.stays.id,
            houseId: schema.stays.houseId,
            previousStayId: schema.stays.previousStayId,
          })
          .from(schema.stays)
          .where(
            or(
              previousIds.length > 0 ? inArray(schema.stays.id, previousIds) : undefined,
              transferredIds.length > 0
                ? inArray(schema.stays.previousStayId, transferredIds)
                : undefined,
            ),
          );
  const moveIns = started.filter(
    (s) =>
      s.previousStayId === null ||
      linked.find((l) => l.id === s.previousStayId)?.houseId !== house.id,
  ).length;
  const byReason = Object.fromEntries(MOVE_OUT_REASONS.map((r) => [r, 0])) as Record<
    MoveOutReason,
    number
  >;
  for (const s of ended) {
    if (s.endReason === 'transferred') {
      const next = linked.find((l) => l.previousStayId === s.id);
      if (next?.houseId !== house.id) byReason.transferred += 1;
    } else {
      const reason = (MOVE_OUT_REASONS as readonly string[]).includes(s.endReason ?? '')
        ? (s.endReason as MoveOutReason)
        : 'other';
      byReason[reason] += 1;
    }
  }
  // who lived here: a night in the month
  const lived = new Set(
    stays.filter((s) => s.endDate === null || s.endDate > from).map((s) => s.residentId),
  );
  const sharing = [...lived].filter(
    (id) => stays.find((s) => s.residentId === id)?.shareMilestones,
  );
  const milestones = milestonesReached(
    sharing.map((id) => {
      const theirs = stays.filter((s) => s.residentId === id);
      return { sobrietyDate: theirs[0]?.sobrietyDate ?? null, stays: theirs };
    }),
    from,
    to,
  );
  return {
    moveIns,
    moveOuts: { total: Object.values(byReason).reduce((a, b) => a + b, 0), byReason },
    residents: lived.size,
    milestones: { ...milestones, sharingResidents: sharing.length },
  };
}

async function meetingsOf(ctx: Ctx, from: string, to: string) {
  const rows = await ctx.db
    .select({
      id: schema.meetings.id,
      status: schema.meetings.status,
      startsAt: schema.meetings.startsAt,
      cancelledAt: schema.meetings.cancelledAt,
      scheduleEndedAt: schema.meetingSchedules.endedAt,
    })
    .from(schema.meetings)
    .leftJoin(schema.meetingSchedules, eq(schema.meetingSchedules.id, schema.meetings.scheduleId))
    .where(
      and(
        eq(schema.meetings.houseId, ctx.house.id),
        gte(schema.meetings.date, from),
        lte(schema.meetings.date, to),
      ),
    );
  const held = rows.filter((m) => m.status === 'closed').map((m) => m.id);
  // meetings a new schedule replaced were cancelled in the same write that ended the old one: not called off
  const cancelled = rows.filter(
    (m) =>
      m.status === 'cancelled' &&
      !(
        m.scheduleEndedAt !== null &&
        m.cancelledAt !== null &&
        m.cancelledAt.getTime() === m.scheduleEndedAt.getTime()
      ),
  ).length;
  // a meeting whose time went by twelve hours ago without anyone opening it, as the meetings list says
  const stale = ctx.clock.now().getTime() - 12 * 3_600_000;
  const notOpened = rows.filter(
    (m) => m.status === 'scheduled' && m.startsAt.getTime() < stale,
  ).length;
  const [attendance, motions] =
    held.length === 0
      ? [undefined, undefined]
      : await Promise.all([
          ctx.db
            .select({
              present: sql<number>`coalesce(sum(case when ${schema.meetingAttendance.status} in ('present', 'late') then 1 else 0 end), 0)`,
              recorded: sql<number>`count(*)`,
            })
            .from(schema.meetingAttendance)
            .where(inArray(schema.meetingAttendance.meetingId, held))
            .get(),
          ctx.db
            .select({
              put: sql<number>`count(*)`,
              passed: sql<number>`coalesce(sum(case when ${schema.motions.result} = 'passed' then 1 else 0 end), 0)`,
            })
            .from(schema.motions)
            .where(inArray(schema.motions.meetingId, held))
            .get(),
        ]);
  const present = Number(attendance?.present ?? 0);
  const recorded = Number(attendance?.recorded ?? 0);
  return {
    held: held.length,
    cancelled,
    notOpened,
    attendance: { present, recorded, rate: ratio(present, recorded) },
    motions: { put: Number(motions?.put ?? 0), passed: Number(motions?.passed ?? 0) },
  };
}

async function incidentsOf(ctx: Ctx, from: string, to: string) {
  const house = ctx.house;
  const { start, end } = around(from, to);
  const inSpan = (at: Date) => {
    const date = localDateAt(at, house.timezone);
    return date >= from && date <= to;
  };
  const [violations, tests, grievances, steps, passes] = await Promise.all([
    ctx.db
      .select({ category: schema.violations.category, occurredAt: schema.violations.occurredAt })
      .from(schema.violations)
      .where(
        and(
          eq(schema.violations.houseId, house.id),
          isNull(schema.violations.voidedAt),
          gte(schema.violations.occurredAt, start),
          lte(schema.violations.occurredAt, end),
        ),
      ),
    // samples and their lab confirmations, which carry the sample's collection time
    ctx.db
      .select({
        id: schema.drugTests.id,
        confirmsId: schema.drugTests.confirmsId,
        result: schema.drugTests.result,
        collectedAt: schema.drugTests.collectedAt,
        recordedAt: schema.drugTests.recordedAt,
      })
      .from(schema.drugTests)
      .where(
        and(
          eq(schema.drugTests.houseId, house.id),
          gte(schema.drugTests.collectedAt, start),
          lte(schema.drugTests.collectedAt, end),
        ),
      ),
    ctx.db
      .select({ createdAt: schema.grievances.createdAt })
      .from(schema.grievances)
      .where(
        and(
          eq(schema.grievances.houseId, house.id),
          gte(schema.grievances.createdAt, start),
          lte(schema.grievances.createdAt, end),
        ),
      ),
    ctx.db
      .select({
        grievanceId: schema.grievanceSteps.grievanceId,
        action: schema.grievanceSteps.action,
        at: schema.grievanceSteps.at,
      })
      .from(schema.grievanceSteps)
      .innerJoin(schema.grievances, eq(schema.grievances.id, schema.grievanceSteps.grievanceId))
      .where(
        and(
          eq(schema.grievances.houseId, house.id),
          inArray(schema.grievanceSteps.action, ['decide', 'accept', 'withdraw']),
          gte(schema.grievanceSteps.at, start),
          lte(schema.grievanceSteps.at, end),
        ),
      ),
    ctx.db
      .select({
        expectedReturnAt: schema.passes.expectedReturnAt,
        returnedAt: schema.passes.returnedAt,
      })
      .from(schema.passes)
      .where(
        and(
          eq(schema.passes.houseId, house.id),
          eq(schema.passes.status, 'approved'),
          gte(schema.passes.expectedReturnAt, start),
          lte(schema.passes.expectedReturnAt, end),
        ),
      ),
  ]);
  const byCategory = new Map<string, number>();
  for (const v of violations)
    if (inSpan(v.occurredAt)) byCategory.set(v.category, (byCategory.get(v.category) ?? 0) + 1);
  const samples = tests.filter((t) => t.confirmsId === null && inSpan(t.collectedAt));
  // the result that stands after any lab confirmation, as on the house's tests page
  const results = samples.map((t) =>
    effectiveResult(
      { result: t.result as DrugTestResult },
      tests
        .filter((c) => c.confirmsId === t.id)
        .map((c) => ({ result: c.result as LabResult, recordedAt: c.recordedAt })),
    ),
  );
  const now = ctx.clock.now().getTime();
  const grievanceSteps = steps.filter((s) => inSpan(s.at));
  const grievancesWith = (actions: readonly string[]) =>
    new Set(grievanceSteps.filter((s) => actions.includes(s.action)).map((s) => s.grievanceId))
      .size;
  return {
    violations: [...byCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    tests: {
      taken: samples.length,
      positiveOrRefused: results.filter(countsAsPositive).length,
      refused: results.filter((r) => r === 'refused').length,
    },
    grievances: {
      filed: grievances.filter((g) => inSpan(g.createdAt)).length,
      decided: grievancesWith(['decide']),
      resolved: grievancesWith(['accept', 'withdraw']),
    },
    // due back in the month: came back after the time agreed, or not back yet
    lateReturns: passes.filter(
      (p) =>
        inSpan(p.expectedReturnAt) &&
        (p.returnedAt
          ? p.returnedAt.getTime() > p.expectedReturnAt.getTime()
          : p.expectedReturnAt.getTime() < now),
    ).length,
  };
}

/** The house's report for one month of its own calendar; the current month counts so far. */
export async function monthlyHouseReport(ctx: Ctx, input: { month: string }) {
  const house = ctx.house;
  const today = houseToday(ctx, house);
  const firstDay = await firstDayOf(ctx);
  const span = reportSpan(input.month, today, firstDay);
  const { from, to } = span;
  const [days, beds, occupancy, meetings, incidents, managers, author] = await Promise.all([
    dayFiguresFor(ctx, house, from, to),
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(schema.beds)
      .where(eq(schema.beds.houseId, house.id))
      .get(),
    occupancyOf(ctx, from, to),
    meetingsOf(ctx, from, to),
    incidentsOf(ctx, from, to),
    ctx.db
      .select({ name: schema.users.name })
      .from(schema.membershipHouses)
      .innerJoin(
        schema.memberships,
        eq(schema.memberships.id, schema.membershipHouses.membershipId),
      )
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(
        and(
          eq(schema.membershipHouses.houseId, house.id),
          eq(schema.memberships.role, 'manager'),
          isNull(schema.memberships.deactivatedAt),
        ),
      )
      .orderBy(schema.users.name),
    ctx.db
      .select({ name: schema.users.name })
      .from(schema.users)
      .where(eq(schema.users.id, ctx.actor.userId))
      .get(),
  ]);
  const counts = days.reduce((sum, d) => addCounts(sum, d), ZERO_COUNTS);
  const bedCount = Number(beds?.n ?? 0);
  const violationCount = incidents.violations.reduce((n, v) => n + v.count, 0);
  await auditRead(ctx, {
    action: 'reports.monthlyHouse',
    recordType: 'house',
    recordId: house.id,
    organisationId: house.organisationId,
    details: { houseId: house.id, month: span.month },
  });
  return {
    house: {
      id: house.id,
      name: house.name,
      address: house.address,
      narrLevel: house.narrLevel,
      timezone: house.timezone,
      managers: managers.map((m) => m.name),
    },
    ...span,
    today,
    /** the month before and after, when there is a report for them */
    previousMonth: monthOf(firstDay) < span.month ? monthOf(addDays(from, -1)) : null,
    nextMonth: span.partial ? null : monthOf(addDays(to, 1)),
    occupancy: {
      beds: bedCount,
      residentNights: counts.nights,
      bedNights: bedCount * span.days,
      average: ratio(counts.nights, bedCount * span.days),
      residents: occupancy.residents,
      moveIns: occupancy.moveIns,
      moveOuts: occupancy.moveOuts,
    },
    checkIns: {
      required: counts.checkInsRequired,
      made: counts.checkInsMade,
      onTime: counts.checkInsOnTime,
      rate: ratio(counts.checkInsMade, counts.checkInsRequired),
      onTimeRate: ratio(counts.checkInsOnTime, counts.checkInsRequired),
    },
    chores: {
      assigned: counts.choresAssigned,
      done: counts.choresDone,
      verified: counts.choresVerified,
      missed: counts.choresMissed,
      rate: ratio(counts.choresDone, counts.choresAssigned),
    },
    meetings,
    incidents: {
      violations: {
        count: violationCount,
        perResidentMonth: ratePerResidentMonth(violationCount, counts.nights),
        byCategory: incidents.violations,
      },
      tests: incidents.tests,
      grievances: incidents.grievances,
      lateReturns: incidents.lateReturns,
    },
    milestones: occupancy.milestones,
    generatedAt: ctx.clock.now().toISOString(),
    generatedBy: author?.name ?? null,
  };
}
