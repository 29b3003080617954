// The operator's portfolio: every house at a glance and its last twelve weeks.
// Check-in compliance, chores, nights and violations come from day figures kept
// per house (house_day_stats): a day is worked out once, with the same rules
// the house's own screens use, and again only when a write marks it out of date
// (the triggers of migration 0008). Live figures (beds, today's chores, tests,
// grievances, meetings) are a handful of grouped queries over the whole
// organisation, so the overview's cost grows with houses, not with history.
import { and, eq, gte, inArray, isNull, lte, or, schema, sql } from '@porchlight/db';
import {
  type Actor,
  addCounts,
  addUpHouses,
  addDays,
  type Counts,
  dayFigures,
  type DayFigures,
  dayIsFinal,
  daysBetween,
  figuresHorizon,
  localDateAt,
  occurrenceStatus,
  overviewWindows,
  ratesOf,
  ratio,
  sumOver,
  weeklyTrend,
  ZERO_COUNTS,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { attentionFlagsOf } from './attention';
import { residentDays } from './check-ins';
import { statusOf } from './chore-rotas';
import { positiveTestCounts } from './drug-tests';
import { OPEN_GRIEVANCE_STATUSES } from './grievances';
import { houseToday } from './houses';
import { untilQuiet } from './quiet';

type House = typeof schema.houses.$inferSelect;
type Ctx = Pick<AuthedContext, 'db' | 'clock'>;
type State = typeof schema.houseStats.$inferSelect;

/** Days ahead that a planned move-out counts as expected (overdue plans count too). */
export const EXPECTED_MOVE_OUT_DAYS = 30;
/** Days back that a positive or refused test counts. */
export const OVERVIEW_TEST_DAYS = 30;
/** Days back, with today, that held house meetings count. */
export const OVERVIEW_MEETING_DAYS = 30;

// ---------- day figures ----------

/** Works out the figures of `house` for every day from `from` to `to`, and whether each is final. */
async function computeDays(ctx: Ctx, house: House, from: string, to: string, today: string) {
  const [stays, occurrences, violations, meetings] = await Promise.all([
    ctx.db
      .select({
        residentId: schema.stays.residentId,
        startDate: schema.stays.startDate,
        endDate: schema.stays.endDate,
      })
      .from(schema.stays)
      .where(
        and(
          eq(schema.stays.houseId, house.id),
          lte(schema.stays.startDate, to),
          or(isNull(schema.stays.endDate), gte(schema.stays.endDate, from)),
        ),
      ),
    ctx.db
      .select({ o: schema.choreOccurrences })
      .from(schema.choreOccurrences)
      .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
      .where(
        and(
          eq(schema.choreOccurrences.houseId, house.id),
          eq(schema.choreRotas.status, 'published'),
          gte(schema.choreOccurrences.date, from),
          lte(schema.choreOccurrences.date, to),
        ),
      ),
    ctx.db
      .select({ occurredAt: schema.violations.occurredAt })
      .from(schema.violations)
      .where(
        and(
          eq(schema.violations.houseId, house.id),
          isNull(schema.violations.voidedAt),
          gte(schema.violations.occurredAt, new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000)),
          lte(
            schema.violations.occurredAt,
            new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000),
          ),
        ),
      ),
    heldMeetings(ctx, [house.id], from, to),
  ]);
  const residentIds = [...new Set(stays.map((s) => s.residentId))];
  const days = await residentDays(ctx, house, residentIds, from, to);
  const violationDays = new Map<string, number>();
  for (const v of violations) {
    const date = localDateAt(v.occurredAt, house.timezone);
    violationDays.set(date, (violationDays.get(date) ?? 0) + 1);
  }
  const chores = occurrences.map(({ o }) => ({ date: o.date, status: statusOf(o, today) }));
  const out: Array<{ figures: DayFigures; final: boolean }> = [];
  const count = daysBetween(from, to) + 1;
  for (let i = 0; i < count; i++) {
    const date = addDays(from, i);
    const statuses = residentIds.flatMap((id) => {
      const status = days.get(id)?.days[i];
      return status ? [status] : [];
    });
    out.push({
      figures: dayFigures({
        date,
        statuses,
        chores: chores.filter((c) => c.date === date),
        stays,
        violations: violationDays.get(date) ?? 0,
        meetings: meetings.filter((m) => m.date === date),
      }),
      final: dayIsFinal(statuses),
    });
  }
  return out;
}

/** House meetings held (closed) in the houses from `from` to `to` (house-local dates), with their attendance. */
async function heldMeetings(
  ctx: Ctx,
  houseIds: readonly string[],
  from: string,
  to: string,
): Promise<Array<{ houseId: string; date: string; present: number; recorded: number }>> {
  if (houseIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      houseId: schema.meetings.houseId,
      date: schema.meetings.date,
      present: sql<number>`coalesce(sum(case when ${schema.meetingAttendance.status} in ('present', 'late') then 1 else 0 end), 0)`,
      recorded: sql<number>`count(${schema.meetingAttendance.meetingId})`,
    })
    .from(schema.meetings)
    .leftJoin(schema.meetingAttendance, eq(schema.meetingAttendance.meetingId, schema.meetings.id))
    .where(
      and(
        inArray(schema.meetings.houseId, [...houseIds]),
        eq(schema.meetings.status, 'closed'),
        // the instant bounds the index (house, starts_at), a day early for any timezone;
        // the house-local date is what counts
        gte(schema.meetings.startsAt, new Date(Date.parse(`${addDays(from, -1)}T00:00:00Z`))),
        gte(schema.meetings.date, from),
        lte(schema.meetings.date, to),
      ),
    )
    .groupBy(schema.meetings.id);
  return rows.map((r) => ({ ...r, present: Number(r.present), recorded: Number(r.recorded) }));
}

/**
 * A house's figures for any span of days, worked out now and not kept: for a
 * report on a month before the overview's twelve weeks.
 */
export async function dayFiguresFor(ctx: Ctx, house: House, from: string, to: string) {
  const days = await computeDays(ctx, house, from, to, houseToday(ctx, house));
  return days.map((d) => d.figures);
}

function needsRefresh(state: State | undefined, yesterday: string) {
  if (!state?.computedThrough || state.computedThrough < yesterday) return true;
  return state.dirtyFrom !== null && state.dirtyFrom <= yesterday;
}

// one refresh per house at a time in this process; another request waits for it
const refreshing = new Map<string, Promise<DayFigures[]>>();

/**
 * Brings a house's stored day figures up to yesterday and returns the days
 * after the last final one (a curfew window still open past midnight), which
 * are worked out but not kept.
 */
function refreshHouse(ctx: Ctx, house: House, state: State | undefined): Promise<DayFigures[]> {
  const running = refreshing.get(house.id);
  if (running) return running;
  const work = (async () => {
    const today = houseToday(ctx, house);
    const yesterday = addDays(today, -1);
    const horizon = figuresHorizon(today);
    const candidates = [
      state?.computedThrough ? addDays(state.computedThrough, 1) : horizon,
      ...(state?.dirtyFrom && state.dirtyFrom <= yesterday ? [state.dirtyFrom] : []),
    ];
    let from = candidates.reduce((a, b) => (a < b ? a : b));
    if (from < horizon) from = horizon;
    if (from > yesterday) return [];
    const days = await computeDays(ctx, house, from, yesterday, today);
    const firstOpen = days.findIndex((d) => !d.final);
    const kept = firstOpen === -1 ? days : days.slice(0, firstOpen);
    const through = firstOpen === -1 ? yesterday : addDays(from, firstOpen - 1);
    const version = state?.version ?? 0;
    await ctx.db.batch([
      ctx.db.insert(schema.houseStats).values({ houseId: house.id }).onConflictDoNothing(),
      ctx.db
        .delete(schema.houseDayStats)
        .where(
          and(
            eq(schema.houseDayStats.houseId, house.id),
            or(
              gte(schema.houseDayStats.date, from),
              sql`${schema.houseDayStats.date} < ${horizon}`,
            ),
          ),
        ),
      ...(kept.length > 0
        ? [
            ctx.db
              .insert(schema.houseDayStats)
              .values(kept.map((d) => ({ houseId: house.id, ...d.figures }))),
          ]
        : []),
      // a write that came in meanwhile keeps its mark, so its days are worked out again
      ctx.db
        .update(schema.houseStats)
        .set({
          computedThrough: through < from ? (state?.computedThrough ?? null) : through,
          dirtyFrom: sql`case when ${schema.houseStats.version} = ${version} then null else ${schema.houseStats.dirtyFrom} end`,
        })
        .where(eq(schema.houseStats.houseId, house.id)),
    ]);
    return firstOpen === -1 ? [] : days.slice(firstOpen).map((d) => d.figures);
  })();
  refreshing.set(house.id, work);
  return work.finally(() => refreshing.delete(house.id));
}

async function statesOf(ctx: Ctx, houseIds: readonly string[]) {
  if (houseIds.length === 0) return new Map<string, State>();
  const rows = await ctx.db
    .select()
    .from(schema.houseStats)
    .where(inArray(schema.houseStats.houseId, [...houseIds]));
  return new Map(rows.map((r) => [r.houseId, r]));
}

/** Refreshes every house that needs it (two at a time) and returns the open days of each. */
async function refreshAll(
  ctx: Ctx,
  houses: readonly House[],
  states: Map<string, State>,
  background = false,
) {
  const open = new Map<string, DayFigures[]>();
  const stale = houses.filter((h) =>
    needsRefresh(states.get(h.id), addDays(houseToday(ctx, h), -1)),
  );
  let next = 0;
  const worker = async () => {
    while (next < stale.length) {
      const house = stale[next++];
      if (background) await nextTurn();
      if (house) open.set(house.id, await refreshHouse(ctx, house, states.get(house.id)));
    }
  };
  await Promise.all([worker(), worker()]);
  return open;
}

/**
 * Works out the day figures of every house that needs it, then, a few seconds
 * later, counts every house's attention list once (one at a time, whenever the
 * server is quiet): the server runs this after start-up, so an operator's first
 * overview is not the one that waits for it.
 */
export async function warmDayFigures(ctx: Ctx) {
  const houses = await ctx.db.select().from(schema.houses);
  const states = await statesOf(
    ctx,
    houses.map((h) => h.id),
  );
  await refreshAll(ctx, houses, states, true);
  const versions = await statesOf(
    ctx,
    houses.map((h) => h.id),
  );
  // a few seconds on, so the first requests after a start are not kept waiting
  setTimeout(() => {
    for (const house of houses)
      if (!attentionCache.has(house.id))
        countBehind(ctx, house, versions.get(house.id)?.version ?? 0);
  }, ATTENTION_WARM_DELAY_MS).unref();
  return houses.length;
}

/** How long after start-up the attention lists are first counted. */
const ATTENTION_WARM_DELAY_MS = 3_000;

const countColumns = {
  nights: schema.houseDayStats.nights,
  checkInsRequired: schema.houseDayStats.checkInsRequired,
  checkInsMade: schema.houseDayStats.checkInsMade,
  checkInsOnTime: schema.houseDayStats.checkInsOnTime,
  choresAssigned: schema.houseDayStats.choresAssigned,
  choresDone: schema.houseDayStats.choresDone,
  choresVerified: schema.houseDayStats.choresVerified,
  choresMissed: schema.houseDayStats.choresMissed,
  violations: schema.houseDayStats.violations,
  meetingsHeld: schema.houseDayStats.meetingsHeld,
  meetingsPresent: schema.houseDayStats.meetingsPresent,
  meetingsRecorded: schema.houseDayStats.meetingsRecorded,
} as const;

type Window = { from: string; to: string; counts: ReadonlyArray<keyof Counts> };

const CHECK_INS = ['checkInsRequired', 'checkInsMade', 'checkInsOnTime'] as const;
const CHORES = ['choresAssigned', 'choresDone', 'choresVerified', 'choresMissed'] as const;
const VIOLATIONS = ['nights', 'violations'] as const;
const MEETINGS = ['meetingsHeld', 'meetingsPresent', 'meetingsRecorded'] as const;

/**
 * The stored counts of each house summed over each window, in one grouped
 * query; each window sums only the counts it is read for (the others stay 0).
 */
async function storedSums<K extends string>(
  ctx: Ctx,
  houseIds: readonly string[],
  windows: Record<K, Window>,
): Promise<Map<string, Record<K, Counts>>> {
  const keys = Object.keys(windows) as K[];
  const selection: Record<string, ReturnType<typeof sql<number>>> = {};
  for (const key of keys) {
    const w = windows[key];
    for (const name of w.counts) {
      const column = countColumns[name];
      selection[`${key}.${name}`] =
        sql<number>`coalesce(sum(case when ${schema.houseDayStats.date} between ${w.from} and ${w.to} then ${column} end), 0)`;
    }
  }
  const from = keys.map((k) => windows[k].from).reduce((a, b) => (a < b ? a : b));
  const to = keys.map((k) => windows[k].to).reduce((a, b) => (a > b ? a : b));
  const rows =
    houseIds.length === 0
      ? []
      : await ctx.db
          .select({ houseId: schema.houseDayStats.houseId, ...selection })
          .from(schema.houseDayStats)
          .where(
            and(
              inArray(schema.houseDayStats.houseId, [...houseIds]),
              gte(schema.houseDayStats.date, from),
              lte(schema.houseDayStats.date, to),
            ),
          )
          .groupBy(schema.houseDayStats.houseId);
  const out = new Map<string, Record<K, Counts>>();
  for (const row of rows) {
    const values = row as unknown as Record<string, number | string>;
    const sums = {} as Record<K, Counts>;
    for (const key of keys) {
      const counts = { ...ZERO_COUNTS };
      for (const name of windows[key].counts) counts[name] = Number(values[`${key}.${name}`] ?? 0);
      sums[key] = counts;
    }
    out.set(row.houseId, sums);
  }
  return out;
}

/**
 * The stored day figures of a house change only when its state does (a write
 * bumps its version and marks it out of date; working it out moves its marks),
 * and the states are read from the database on every call: sums worked out for
 * the same house, day and state are the same numbers, in any server process.
 * So each house's sums are kept until its state moves, and only the houses
 * that changed are summed again.
 */
const sumsMemo = new Map<string, { state: string; sums: unknown }>();
const SUMS_MEMO_SIZE = 20_000;
async function rememberedSums<T>(
  today: string,
  houseIds: readonly string[],
  states: Map<string, State>,
  work: (houseIds: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const stateOf = (id: string) => {
    const st = states.get(id);
    return st ? `${st.version}/${st.dirtyFrom ?? ''}/${st.computedThrough ?? ''}` : '-';
  };
  const out = new Map<string, T>();
  const missing: string[] = [];
  for (const id of houseIds) {
    const known = sumsMemo.get(`${today}|${id}`);
    if (known?.state === stateOf(id)) {
      if (known.sums !== null) out.set(id, known.sums as T);
    } else missing.push(id);
  }
  if (missing.length === 0) return out;
  const fresh = await work(missing);
  for (const id of missing) {
    const sums = fresh.get(id);
    if (sums !== undefined) out.set(id, sums);
    const key = `${today}|${id}`;
    sumsMemo.delete(key);
    sumsMemo.set(key, { state: stateOf(id), sums: sums ?? null });
  }
  while (sumsMemo.size > SUMS_MEMO_SIZE) sumsMemo.delete(sumsMemo.keys().next().value ?? '');
  return out;
}

// ---------- who sees which houses ----------

/** The houses of the organisation the caller may oversee: all for an operator, their own for a manager. */
export async function overseenHouses(ctx: Ctx & { actor: Actor }, organisationId: string) {
  const isOperator = ctx.actor.memberships.some(
    (m) => m.organisationId === organisationId && m.role === 'operator',
  );
  const managed =
    ctx.actor.memberships.find((m) => m.organisationId === organisationId && m.role === 'manager')
      ?.houseIds ?? [];
  if (!isOperator && managed.length === 0) return [];
  return ctx.db
    .select()
    .from(schema.houses)
    .where(
      and(
        eq(schema.houses.organisationId, organisationId),
        isOperator ? undefined : inArray(schema.houses.id, [...managed]),
      ),
    )
    .orderBy(schema.houses.name);
}

// ---------- the attention list, counted ----------

interface AttentionCount {
  version: number;
  at: number;
  flags: number;
  urgent: number;
  residents: number;
}
const attentionCache = new Map<string, AttentionCount>();
/**
 * Flags also change as time passes (a deadline goes by): a count older than
 * this is worked out again, and the overview says when a count was made. The
 * house's own attention list is always worked out when it is opened.
 */
const ATTENTION_FRESH_MS = 5 * 60_000;

async function countAttention(ctx: Ctx, house: House, version: number): Promise<AttentionCount> {
  const { flags } = await attentionFlagsOf(ctx, house);
  const count = {
    version,
    at: ctx.clock.now().getTime(),
    flags: flags.length,
    urgent: flags.filter((f) => f.kind === 'overdue_return' || f.kind === 'positive_test').length,
    residents: new Set(flags.map((f) => f.residentId)).size,
  };
  attentionCache.set(house.id, count);
  return count;
}

// counts being worked out behind the overview, one at a time, when the server is quiet
const behind = new Set<string>();
const queue: Array<{ queued: number; job: () => Promise<void> }> = [];
let working = false;
/**
 * The embedded database answers at once, so a chain of awaits never gives
 * the event loop a turn by itself: background work starts each job on a
 * later turn, so requests are answered between houses.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the queued counts one by one, each once nobody has been answered for a
 * moment (or it has waited a minute): a count takes tens of milliseconds on
 * the database thread, and a request arriving meanwhile would wait behind it.
 */
function pump() {
  if (working) return;
  const next = queue.shift();
  if (!next) return;
  working = true;
  void untilQuiet(next.queued)
    .then(nextTurn)
    .then(next.job)
    .finally(() => {
      working = false;
      pump();
    });
}
function countBehind(ctx: Ctx, house: House, version: number) {
  if (behind.has(house.id)) return;
  behind.add(house.id);
  queue.push({
    queued: performance.now(),
    job: async () => {
      try {
        await countAttention(ctx, house, version);
      } catch {
        // the next overview works it out again
        attentionCache.delete(house.id);
      } finally {
        behind.delete(house.id);
      }
    },
  });
  pump();
}

/** Old counts queued to be worked out again behind one answer (each takes tens of ms at full scale). */
const ATTENTION_BEHIND_PER_CALL = 2;

/**
 * How many flags each house's attention list has. A house never counted is
 * counted now (the server counts every house once after it starts). A count is
 * worked out again behind the answer when a write changes the house (its
 * version) or once it is a few minutes old (deadlines pass), two houses per
 * answer, changed houses first, then the oldest counts; until then the last
 * count is shown with when it was made.
 */
async function attentionCounts(ctx: Ctx, houses: readonly House[], states: Map<string, State>) {
  const now = ctx.clock.now().getTime();
  const result = new Map<string, AttentionCount>();
  const countNow: House[] = [];
  const stale: Array<{ house: House; version: number; at: number; changed: boolean }> = [];
  for (const house of houses) {
    const version = states.get(house.id)?.version ?? 0;
    const cached = attentionCache.get(house.id);
    if (!cached) countNow.push(house);
    else {
      result.set(house.id, cached);
      const changed = cached.version !== version;
      if (changed || now - cached.at > ATTENTION_FRESH_MS)
        stale.push({ house, version, at: cached.at, changed });
    }
  }
  // a few counts are worked out again behind each answer, so a busy hour or a
  // minute passing never sets every house of a large operator recounting at once
  stale.sort((a, b) => Number(b.changed) - Number(a.changed) || a.at - b.at);
  for (const s of stale.slice(0, ATTENTION_BEHIND_PER_CALL)) countBehind(ctx, s.house, s.version);
  let next = 0;
  const worker = async () => {
    while (next < countNow.length) {
      const house = countNow[next++];
      if (house)
        result.set(house.id, await countAttention(ctx, house, states.get(house.id)?.version ?? 0));
    }
  };
  await Promise.all([worker(), worker()]);
  return result;
}

// ---------- live figures ----------

async function liveFigures(ctx: Ctx, houses: readonly House[]) {
  const ids = houses.map((h) => h.id);
  const now = ctx.clock.now();
  const todayOf = new Map(houses.map((h) => [h.id, houseToday(ctx, h)]));
  const todays = [...new Set(todayOf.values())];
  const earliest = todays.reduce((a, b) => (a < b ? a : b));
  const latest = todays.reduce((a, b) => (a > b ? a : b));
  const planned = sql<
    string | null
  >`case when ${schema.stays.expectedEndDate} <= ${addDays(latest, EXPECTED_MOVE_OUT_DAYS)} then ${schema.stays.expectedEndDate} end`;
  const [beds, stays, choresToday, violationsRecent, meetings, tests, grievances, managers] =
    await Promise.all([
      ctx.db
        .select({ houseId: schema.beds.houseId, beds: sql<number>`count(*)` })
        .from(schema.beds)
        .where(inArray(schema.beds.houseId, ids))
        .groupBy(schema.beds.houseId),
      // open stays (a stay never starts after its house's today: admissions are not
      // dated ahead), with the planned move-outs by day up to the furthest horizon
      ctx.db
        .select({
          houseId: schema.stays.houseId,
          expectedEndDate: planned,
          stays: sql<number>`count(*)`,
        })
        .from(schema.stays)
        .where(and(inArray(schema.stays.houseId, ids), isNull(schema.stays.endDate)))
        .groupBy(schema.stays.houseId, planned),
      // the fields a status depends on, counted alike: a few rows per house, not one per chore
      ctx.db
        .select({
          houseId: schema.choreOccurrences.houseId,
          date: schema.choreOccurrences.date,
          assigned: sql<number>`${schema.choreOccurrences.residentId} is not null`,
          done: sql<number>`${schema.choreOccurrences.doneAt} is not null`,
          checkResult: schema.choreOccurrences.checkResult,
          needsVerification: schema.choreOccurrences.needsVerification,
          count: sql<number>`count(*)`,
        })
        .from(schema.choreOccurrences)
        .innerJoin(schema.choreRotas, eq(schema.choreRotas.id, schema.choreOccurrences.rotaId))
        .where(
          and(
            eq(schema.choreRotas.status, 'published'),
            // each house's own today: houses in one timezone share it
            or(
              ...todays.map((today) =>
                and(
                  inArray(
                    schema.choreOccurrences.houseId,
                    ids.filter((id) => todayOf.get(id) === today),
                  ),
                  eq(schema.choreOccurrences.date, today),
                ),
              ),
            ),
          ),
        )
        .groupBy(
          schema.choreOccurrences.houseId,
          schema.choreOccurrences.date,
          sql`${schema.choreOccurrences.residentId} is not null`,
          sql`${schema.choreOccurrences.doneAt} is not null`,
          schema.choreOccurrences.checkResult,
          schema.choreOccurrences.needsVerification,
        ),
      ctx.db
        .select({ houseId: schema.violations.houseId, occurredAt: schema.violations.occurredAt })
        .from(schema.violations)
        .where(
          and(
            inArray(schema.violations.houseId, ids),
            isNull(schema.violations.voidedAt),
            gte(schema.violations.occurredAt, new Date(now.getTime() - 2 * 86_400_000)),
          ),
        ),
      // today's meetings: earlier days are in the stored day figures
      heldMeetings(ctx, ids, earliest, latest),
      positiveTestCounts(ctx, ids, new Date(now.getTime() - OVERVIEW_TEST_DAYS * 86_400_000)),
      ctx.db
        .select({ houseId: schema.grievances.houseId, open: sql<number>`count(*)` })
        .from(schema.grievances)
        .where(
          and(
            inArray(schema.grievances.houseId, ids),
            inArray(schema.grievances.status, [...OPEN_GRIEVANCE_STATUSES]),
          ),
        )
        .groupBy(schema.grievances.houseId),
      ctx.db
        .select({
          houseId: schema.membershipHouses.houseId,
          userId: schema.users.id,
          name: schema.users.name,
        })
        .from(schema.membershipHouses)
        .innerJoin(
          schema.memberships,
          eq(schema.memberships.id, schema.membershipHouses.membershipId),
        )
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(
          and(
            inArray(schema.membershipHouses.houseId, ids),
            eq(schema.memberships.role, 'manager'),
            isNull(schema.memberships.deactivatedAt),
          ),
        ),
    ]);
  const bedsBy = byHouse(beds);
  const staysBy = byHouse(stays);
  const choresBy = byHouse(choresToday);
  const violationsBy = byHouse(violationsRecent);
  const meetingsBy = byHouse(meetings);
  const grievancesBy = byHouse(grievances);
  const managersBy = byHouse(managers);
  return houses.map((house) => {
    const today = todayOf.get(house.id) ?? '';
    const soon = addDays(today, EXPECTED_MOVE_OUT_DAYS);
    const open = staysBy.get(house.id) ?? [];
    const filled = open.reduce((n, s) => n + Number(s.stays), 0);
    const chores = (choresBy.get(house.id) ?? [])
      .filter((o) => o.date === today)
      .flatMap((o) => {
        const status = occurrenceStatus(
          {
            date: o.date,
            // the status reads only whether these are set
            residentId: Number(o.assigned) ? house.id : null,
            doneAt: Number(o.done) ? new Date(0) : null,
            checkResult: o.checkResult,
            needsVerification: o.needsVerification,
          },
          today,
        );
        return Array.from({ length: Number(o.count) }, () => ({ date: o.date, status }));
      });
    const todayCounts: Counts = {
      ...dayFigures({
        date: today,
        statuses: [],
        chores,
        stays: [],
        violations: (violationsBy.get(house.id) ?? []).filter(
          (v) => localDateAt(v.occurredAt, house.timezone) === today,
        ).length,
        meetings: (meetingsBy.get(house.id) ?? []).filter((m) => m.date === today),
      }),
    };
    return {
      house,
      today,
      beds: Number(bedsBy.get(house.id)?.[0]?.beds ?? 0),
      filled,
      expectedMoveOuts: open
        .filter((s) => s.expectedEndDate !== null && s.expectedEndDate <= soon)
        .reduce((n, s) => n + Number(s.stays), 0),
      // tonight counts as a night lived, as the violation rates count it
      todayCounts: { ...todayCounts, nights: filled },
      positiveTests: tests.get(house.id) ?? 0,
      openGrievances: Number(grievancesBy.get(house.id)?.[0]?.open ?? 0),
      managers: (managersBy.get(house.id) ?? []).map((m) => ({ userId: m.userId, name: m.name })),
    };
  });
}

type LiveFigures = Awaited<ReturnType<typeof liveFigures>>[number];

/**
 * Each house's live part as last worked out, kept while the house's version and
 * today hold: every write to what it shows bumps the version (migrations 0008,
 * 0011 and 0013), so another server process's writes count too. The windows that
 * move with the clock (violations of the last two days, tests of the last 30)
 * are worked out again after `LIVE_KEPT_MS` at the latest.
 */
const liveKept = new Map<
  string,
  { version: number; today: string; at: number; live: LiveFigures }
>();
const LIVE_KEPT_MS = 30_000;
const LIVE_KEPT_SIZE = 5_000;

async function keptLiveFigures(
  ctx: Ctx,
  houses: readonly House[],
  states: Map<string, State>,
): Promise<LiveFigures[]> {
  const at = ctx.clock.now().getTime();
  const out = new Map<string, LiveFigures>();
  const missing: House[] = [];
  for (const house of houses) {
    const kept = liveKept.get(house.id);
    const version = states.get(house.id)?.version ?? 0;
    if (
      kept &&
      kept.version === version &&
      kept.today === houseToday(ctx, house) &&
      at - kept.at >= 0 &&
      at - kept.at < LIVE_KEPT_MS
    )
      // the house's own fields as read just now (its version covers them too)
      out.set(house.id, { ...kept.live, house });
    else missing.push(house);
  }
  if (missing.length > 0) {
    // the versions were read before these rows: rows newer than their version only
    // mean one more working out, never a kept part older than its version
    for (const row of await liveFigures(ctx, missing)) {
      out.set(row.house.id, row);
      liveKept.delete(row.house.id);
      liveKept.set(row.house.id, {
        version: states.get(row.house.id)?.version ?? 0,
        today: row.today,
        at,
        live: row,
      });
    }
    while (liveKept.size > LIVE_KEPT_SIZE) liveKept.delete(liveKept.keys().next().value ?? '');
  }
  return houses.flatMap((h) => {
    const row = out.get(h.id);
    return row ? [row] : [];
  });
}

/** Rows of many houses, by house: each list is read once, not once per house. */
function byHouse<T extends { houseId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.houseId);
    if (list) list.push(row);
    else out.set(row.houseId, [row]);
  }
  return out;
}

// ---------- the overview ----------

function compliancePart(c: Counts) {
  return {
    required: c.checkInsRequired,
    made: c.checkInsMade,
    onTime: c.checkInsOnTime,
    rate: ratio(c.checkInsMade, c.checkInsRequired),
  };
}

function figuresOf(sums: {
  checkIns7: Counts;
  checkIns30: Counts;
  chores28: Counts;
  violations: Counts;
}) {
  return {
    checkIns7: compliancePart(sums.checkIns7),
    checkIns30: compliancePart(sums.checkIns30),
    chores: {
      assigned: sums.chores28.choresAssigned,
      done: sums.chores28.choresDone,
      verified: sums.chores28.choresVerified,
      missed: sums.chores28.choresMissed,
      rate: ratio(sums.chores28.choresDone, sums.chores28.choresAssigned),
    },
    violations: {
      count: sums.violations.violations,
      residentNights: sums.violations.nights,
      perResidentMonth: ratesOf(sums.violations).violationsPerResidentMonth,
    },
  };
}

/** Every house the caller oversees in the organisation, with the organisation's totals. */
export async function portfolioOverview(ctx: AuthedContext & { organisationId: string }) {
  const houses = await overseenHouses(ctx, ctx.organisationId);
  const now = ctx.clock.now();
  if (houses.length === 0)
    return { generatedAt: now.toISOString(), windows: null, totals: null, houses: [] };
  const ids = houses.map((h) => h.id);
  const states = await statesOf(ctx, ids);
  const openDays = await refreshAll(ctx, houses, states);
  // the versions after refreshing, for the attention counts and the live parts
  // (when no house needed working out, the versions read a moment ago still stand)
  const freshStates = openDays.size === 0 ? states : await statesOf(ctx, ids);
  const live = await keptLiveFigures(ctx, houses, freshStates);
  const attention = await attentionCounts(ctx, houses, freshStates);
  const liveBy = new Map(live.map((l) => [l.house.id, l]));

  // houses in one timezone share their windows: one grouped query per distinct today
  const byToday = new Map<string, string[]>();
  for (const row of live) byToday.set(row.today, [...(byToday.get(row.today) ?? []), row.house.id]);
  const sums = new Map<
    string,
    Record<'checkIns7' | 'checkIns30' | 'chores28' | 'violations' | 'meetings', Counts>
  >();
  for (const [today, houseIds] of byToday) {
    const w = overviewWindows(today);
    const meetings = { from: addDays(today, -(OVERVIEW_MEETING_DAYS - 1)), to: today };
    const stored = await rememberedSums(today, houseIds, freshStates, (changed) =>
      storedSums(ctx, changed, {
        checkIns7: { ...w.checkIns7, counts: CHECK_INS },
        checkIns30: { ...w.checkIns30, counts: CHECK_INS },
        chores28: { from: w.chores28.from, to: w.yesterday, counts: CHORES },
        violations: { from: w.violations.from, to: w.yesterday, counts: VIOLATIONS },
        meetings: { from: meetings.from, to: w.yesterday, counts: MEETINGS },
      }),
    );
    for (const id of houseIds) {
      const s = stored.get(id) ?? {
        checkIns7: ZERO_COUNTS,
        checkIns30: ZERO_COUNTS,
        chores28: ZERO_COUNTS,
        violations: ZERO_COUNTS,
        meetings: ZERO_COUNTS,
      };
      // days worked out but not final yet, and today's live part
      const open = openDays.get(id) ?? [];
      const todayCounts = liveBy.get(id)?.todayCounts ?? ZERO_COUNTS;
      sums.set(id, {
        checkIns7: addCounts(s.checkIns7, sumOver(open, w.checkIns7)),
        checkIns30: addCounts(s.checkIns30, sumOver(open, w.checkIns30)),
        chores28: addCounts(addCounts(s.chores28, sumOver(open, w.chores28)), todayCounts),
        violations: addCounts(addCounts(s.violations, sumOver(open, w.violations)), todayCounts),
        meetings: addCounts(addCounts(s.meetings, sumOver(open, meetings)), todayCounts),
      });
    }
  }

  const none = {
    checkIns7: ZERO_COUNTS,
    checkIns30: ZERO_COUNTS,
    chores28: ZERO_COUNTS,
    violations: ZERO_COUNTS,
    meetings: ZERO_COUNTS,
  };
  const rows = live.map((l) => {
    const s = sums.get(l.house.id) ?? none;
    const a = attention.get(l.house.id);
    return {
      houseId: l.house.id,
      name: l.house.name,
      narrLevel: l.house.narrLevel,
      timezone: l.house.timezone,
      today: l.today,
      managers: l.managers,
      occupancy: {
        beds: l.beds,
        filled: l.filled,
        open: Math.max(0, l.beds - l.filled),
        expectedMoveOuts: l.expectedMoveOuts,
        rate: ratio(l.filled, l.beds),
      },
      ...figuresOf(s),
      meetings: {
        held: s.meetings.meetingsHeld,
        present: s.meetings.meetingsPresent,
        recorded: s.meetings.meetingsRecorded,
        rate: ratio(s.meetings.meetingsPresent, s.meetings.meetingsRecorded),
      },
      positiveTests: l.positiveTests,
      openGrievances: l.openGrievances,
      attention: {
        flags: a?.flags ?? 0,
        urgent: a?.urgent ?? 0,
        residents: a?.residents ?? 0,
        countedAt: new Date(a?.at ?? now.getTime()).toISOString(),
      },
    };
  });
  const sample = live[0]?.today ?? localDateAt(now, 'UTC');
  const w = overviewWindows(sample);
  return {
    generatedAt: now.toISOString(),
    windows: {
      checkIns7: w.checkIns7,
      checkIns30: w.checkIns30,
      chores: w.chores28,
      violations: w.violations,
      testDays: OVERVIEW_TEST_DAYS,
      meetingDays: OVERVIEW_MEETING_DAYS,
      expectedMoveOutDays: EXPECTED_MOVE_OUT_DAYS,
    },
    totals: addUpHouses(rows),
    houses: rows,
  };
}

// ---------- trends ----------

/** Twelve weeks of occupancy, compliance, chores and violations, for the organisation and each house. */
export async function portfolioTrends(ctx: AuthedContext & { organisationId: string }) {
  const houses = await overseenHouses(ctx, ctx.organisationId);
  if (houses.length === 0) return { weeks: [], organisation: [], houses: [] };
  const ids = houses.map((h) => h.id);
  const openDays = await refreshAll(ctx, houses, await statesOf(ctx, ids));
  const todays = houses.map((h) => houseToday(ctx, h));
  const from = todays.map((t) => overviewWindows(t).trend.from).reduce((a, b) => (a < b ? a : b));
  const [rows, beds] = await Promise.all([
    ctx.db
      .select()
      .from(schema.houseDayStats)
      .where(and(inArray(schema.houseDayStats.houseId, ids), gte(schema.houseDayStats.date, from))),
    ctx.db
      .select({ houseId: schema.beds.houseId, beds: sql<number>`count(*)` })
      .from(schema.beds)
      .where(inArray(schema.beds.houseId, ids))
      .groupBy(schema.beds.houseId),
  ]);
  const perHouse = houses.map((house, i) => {
    const today = todays[i] ?? '';
    const days: DayFigures[] = [
      ...rows.filter((r) => r.houseId === house.id),
      ...(openDays.get(house.id) ?? []),
    ];
    const bedCount = Number(beds.find((b) => b.houseId === house.id)?.beds ?? 0);
    return {
      houseId: house.id,
      name: house.name,
      beds: bedCount,
      days,
      weeks: weeklyTrend(days, bedCount, today),
    };
  });
  // the organisation's weeks: the houses' counts added week by week (the same Mondays when they share a timezone)
  const first = perHouse[0]?.weeks ?? [];
  const organisation = first.map((week, index) => {
    let counts = ZERO_COUNTS;
    let bedNights = 0;
    for (const h of perHouse) {
      const theirs = h.weeks[index];
      if (!theirs) continue;
      counts = addCounts(counts, theirs.counts);
      bedNights += h.beds * theirs.days;
    }
    const rates = ratesOf(counts);
    return {
      weekStart: week.weekStart,
      days: week.days,
      occupancy: ratio(counts.nights, bedNights),
      checkIns: rates.checkIns,
      chores: rates.chores,
      violationsPerResidentMonth: rates.violationsPerResidentMonth,
      counts,
    };
  });
  return {
    weeks: first.map((w) => w.weekStart),
    organisation,
    houses: perHouse.map(({ days: _days, ...h }) => h),
  };
}
