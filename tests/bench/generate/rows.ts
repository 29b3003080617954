// Makes every row of the benchmark database, in order, and hands them to a sink
// in chunks (generate.ts posts them, house by house, to the writer thread).
import { localDateAt } from '@porchlight/domain';
import { Calendar } from './calendar';
import { CITIES } from './content';
import { type HistoryContext, type Scale, writeHouse, writePlan } from './history';
import { buildPlan, FULL_HISTORY_DAYS } from './plan';
import { Ids, Random } from './random';
import { benchTables } from './tables';
import { type Sink, Tables } from './writer';

export const TIMEZONES = [...new Set(CITIES.map((c) => c[3]))];

/** Each house timezone's today at `now`. */
export const todaysAt = (now: Date) =>
  Object.fromEntries(TIMEZONES.map((tz) => [tz, localDateAt(now, tz)]));

export interface RowsOptions {
  scale: Scale;
  nowMs: number;
  passwordHash: string;
}

/** What the writing side needs to know about what was made. */
export interface RowsSummary {
  organisationId: string;
  operator: { userId: string; email: string };
  managers: Array<{ userId: string; email: string; houseIds: string[] }>;
  residents: Array<{ userId: string; residentId: string; houseId: string; email: string }>;
  houses: Array<{ id: string; name: string; timezone: string; narrLevel: number }>;
  counts: Record<string, number>;
  planMs: number;
}

export function generateRows(
  options: RowsOptions,
  sink: Sink,
  onHouse?: (done: number, total: number) => void,
): RowsSummary {
  const planStarted = performance.now();
  const now = new Date(options.nowMs);
  const dates = Object.values(todaysAt(now)).sort();
  const day = 86_400_000;
  const from = new Date(
    Date.parse(`${dates[0] ?? ''}T00:00:00Z`) - (FULL_HISTORY_DAYS + 120) * day,
  );
  const to = new Date(Date.parse(`${dates.at(-1) ?? ''}T00:00:00Z`) + 120 * day);
  const calendar = new Calendar(
    now,
    from.toISOString().slice(0, 10),
    to.toISOString().slice(0, 10),
  );
  calendar.selfCheck(TIMEZONES, new Random('calendar-check'));
  const ids = new Ids('bench');
  const plan = buildPlan(calendar, ids);
  const tables = new Tables(sink);
  const ctx: HistoryContext = {
    plan,
    calendar,
    ids,
    scale: options.scale,
    t: benchTables(tables),
    passwordHash: options.passwordHash,
    profiles: new Map(),
    officeIds: new Map(),
  };
  const planMs = Math.round(performance.now() - planStarted);
  writePlan(ctx);
  for (const [i, house] of plan.houses.entries()) {
    writeHouse(ctx, house);
    if (i === plan.houses.length - 1) tables.seal();
    onHouse?.(i + 1, plan.houses.length);
  }
  return {
    organisationId: plan.organisationId,
    operator: { userId: plan.operator.userId, email: plan.operator.email },
    managers: plan.managers.map((m) => ({
      userId: m.userId,
      email: m.email,
      houseIds: m.houses.map((h) => h.id),
    })),
    residents: plan.residents.flatMap((r) =>
      r.current && r.userId && r.email
        ? [{ userId: r.userId, residentId: r.id, houseId: r.current.house.id, email: r.email }]
        : [],
    ),
    houses: plan.houses.map((h) => ({
      id: h.id,
      name: h.name,
      timezone: h.timezone,
      narrLevel: h.narrLevel,
    })),
    counts: tables.counts(),
    planMs,
  };
}
