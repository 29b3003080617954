// `pnpm test:soak`: the soak test (issue 10, docs/reliability.md). The built
// server runs on a copy of the benchmark's large operator (200 houses, 5,000
// residents, two years of history) while 200 signed-in sessions use it the way
// people do, each on its own loop with a pause between screens: residents open
// their home screen (a batch of queries, as the dashboard sends it), their
// history and the rules, record today's check-in once and now and then log
// volunteer hours; managers open their houses' boards, today's check-ins, the
// attention list and the chore rota; the operator the overview, staff and the
// audit log. Every answer must be a success, and the server's memory must stay
// flat once it has warmed up: its RSS is sampled every 5 s, and after the
// warm-up the fitted slope and the rise from the first minute to the last are
// reported against their limits. Not part of `pnpm test` (it takes 10 minutes).
//
//   pnpm test:soak                          200 sessions, 10 minutes, full scale
//   pnpm test:soak --minutes 2 --sessions 50 --scale tenth   a quick look
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchDatabase, ensureBenchDatabase } from '../bench/generate';
import { copyDatabase, rssMb, startProduct, stopAll, untilIdle } from '../bench/processes';
import { Random } from '../bench/generate/random';
import { choiceFlag, numberFlag } from '../support/flags';

const MINUTES = numberFlag('minutes', 10, { fractions: true });
const SESSIONS = numberFlag('sessions', 200);
const SCALE = choiceFlag('scale', ['full', 'tenth'] as const, 'full');
const WARMUP_MINUTES = numberFlag('warmup', Math.min(2, MINUTES / 5), { fractions: true });
/** A person's pause between two screens, in ms. */
const THINK_MS: [number, number] = [400, 1600];
const SAMPLE_MS = 5_000;
/** Memory counts as flat when, after the warm-up, it rises by less than this… */
const MAX_SLOPE_MB_PER_MIN = 1;
/** …and the last minute's average is within this of the first minute's. */
const MAX_RISE = 0.1;

const WORK = fileURLToPath(new URL('../.tmp/soak', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
const PORT = 3410;

const begun = performance.now();
const log = (message: string) =>
  process.stderr.write(`[soak +${((performance.now() - begun) / 1000).toFixed(0)}s] ${message}\n`);

// ---------- what each kind of person does ----------

type Role = 'resident' | 'manager' | 'operator';
interface Step {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}
interface Session {
  role: Role;
  cookie: string;
  /** the next screens, chosen each time from the person's own */
  next(random: Random, today: string): Step;
}

/** One GET of several queries, the way the dashboard's batch link sends them. */
function batch(label: string, calls: Array<[string, unknown?]>): Step {
  const input: Record<string, unknown> = {};
  calls.forEach(([, value], i) => {
    if (value !== undefined) input[i] = value;
  });
  return {
    label,
    method: 'GET',
    path: `/trpc/${calls.map(([p]) => p).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
  };
}
const query = (label: string, procedure: string, input?: unknown) =>
  batch(label, [[procedure, input]]);

function residentSession(r: BenchDatabase['residents'][number]): Session {
  let checkedIn = false;
  return {
    role: 'resident',
    cookie: r.cookie,
    next(random, today) {
      if (!checkedIn && random.chance(0.2)) {
        checkedIn = true;
        return {
          label: 'resident: record check-in',
          method: 'POST',
          path: '/trpc/checkIns.record',
          body: { mood: random.int(1, 5), craving: random.int(0, 10), halt: [], sleepHours: 7 },
        };
      }
      const pick = random.int(0, 9);
      if (pick < 5)
        return batch('resident: home', [['residents.me'], ['checkIns.mine'], ['chores.mine']]);
      if (pick < 7)
        return query('resident: history', 'checkIns.history', { residentId: r.residentId });
      if (pick < 9) return query('resident: rules', 'rules.current', { houseId: r.houseId });
      return {
        label: 'resident: log volunteering',
        method: 'POST',
        path: '/trpc/support.logVolunteering',
        body: { date: today, hours: random.int(1, 4), what: 'Food bank shift' },
      };
    },
  };
}

function managerSession(m: BenchDatabase['managers'][number]): Session {
  return {
    role: 'manager',
    cookie: m.cookie,
    next(random) {
      const houseId = m.houseIds[random.int(0, m.houseIds.length - 1)] ?? '';
      const pick = random.int(0, 4);
      if (pick === 0)
        return batch('manager: house page', [
          ['houses.get', { houseId }],
          ['houses.board', { houseId }],
          ['attention.list', { houseId }],
        ]);
      if (pick === 1) return query('manager: today’s check-ins', 'checkIns.board', { houseId });
      if (pick === 2) return query('manager: chore rota', 'chores.rota', { houseId });
      if (pick === 3) return query('manager: residents', 'residents.list', { houseId });
      return query('manager: attention', 'attention.list', { houseId });
    },
  };
}

function operatorSession(o: BenchDatabase['operator']): Session {
  return {
    role: 'operator',
    cookie: o.cookie,
    next(random) {
      const pick = random.int(0, 2);
      if (pick === 0) return query('operator: overview', 'portfolio.overview');
      if (pick === 1) return query('operator: staff', 'staff.list');
      return query('operator: audit log', 'audit.list', {});
    },
  };
}

function sessionsOf(db: BenchDatabase, count: number): Session[] {
  const managers = db.managers.slice(0, Math.max(1, Math.floor(count / 5)));
  const residents = db.residents.slice(0, Math.max(0, count - managers.length - 1));
  return [
    operatorSession(db.operator),
    ...managers.map(managerSession),
    ...residents.map(residentSession),
  ].slice(0, count);
}

// ---------- figures ----------

interface Tally {
  requests: number;
  errors: number;
  latencies: number[];
}
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
};
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Least-squares slope of (minute, MB) points. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

// ---------- the run ----------

async function main() {
  log(`the benchmark database (${SCALE}): made or reused`);
  const db = await ensureBenchDatabase({
    scale: SCALE,
    onProgress: (p) => {
      if (p.done === p.total || p.done % 20 === 0) log(`  ${p.step} ${p.done}/${p.total}`);
    },
  });
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const dbPath = join(WORK, 'soak.db');
  copyDatabase(db.path, dbPath);
  const server = await startProduct({ port: PORT, dbPath, secret: db.secret });
  // the start-up work (the houses' day figures, the attention counts) is not the soak's
  const idleAfter = await untilIdle(server.pid, 120_000, 4_000);
  log(
    `server up in ${server.startMs.toFixed(0)} ms, quiet after ${(idleAfter / 1000).toFixed(0)} s; ` +
      `${SESSIONS} sessions for ${MINUTES} min`,
  );

  const sessions = sessionsOf(db, SESSIONS);
  const tallies = new Map<string, Tally>();
  const failures: string[] = [];
  const samples: Array<{ minute: number; rssMb: number }> = [];
  const endAt = performance.now() + MINUTES * 60_000;
  const minute = () => (performance.now() - begun) / 60_000;
  const startedAt = minute();
  const today = new Date().toISOString().slice(0, 10);

  const sampler = setInterval(() => {
    const rss = rssMb(server.pid);
    samples.push({ minute: minute() - startedAt, rssMb: round1(rss) });
    const done = [...tallies.values()].reduce((s, t) => s + t.requests, 0);
    const errors = [...tallies.values()].reduce((s, t) => s + t.errors, 0);
    log(
      `${(minute() - startedAt).toFixed(1)} min · ${done} requests · ${errors} errors · RSS ${rss.toFixed(0)} MB`,
    );
  }, SAMPLE_MS);

  const person = async (session: Session, i: number) => {
    const random = new Random(`soak-${i}`);
    // people arrive over the first few seconds, not all at once
    await new Promise((r) => setTimeout(r, random.int(0, 5_000)));
    while (performance.now() < endAt) {
      const step = session.next(random, today);
      const tally = tallies.get(step.label) ?? { requests: 0, errors: 0, latencies: [] };
      tallies.set(step.label, tally);
      const sent = performance.now();
      try {
        const res = await fetch(server.url + step.path, {
          method: step.method,
          headers: {
            cookie: session.cookie,
            ...(step.method === 'POST'
              ? { 'content-type': 'application/json', origin: server.url }
              : {}),
          },
          ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
        });
        const text = await res.text();
        tally.latencies.push(performance.now() - sent);
        tally.requests++;
        if (!res.ok) {
          tally.errors++;
          if (failures.length < 10)
            failures.push(`${step.label}: ${res.status} ${text.slice(0, 300)}`);
        }
      } catch (error) {
        tally.requests++;
        tally.errors++;
        const cause = (error as { cause?: unknown }).cause;
        if (failures.length < 10)
          failures.push(
            `${step.label}: ${String(error)}${cause ? ` (${cause instanceof Error ? cause.message : JSON.stringify(cause)})` : ''}`,
          );
      }
      await new Promise((r) => setTimeout(r, random.int(...THINK_MS)));
    }
  };
  await Promise.all(sessions.map(person));
  clearInterval(sampler);
  await server.stop();

  // ---------- the report ----------
  const after = samples.filter((s) => s.minute >= WARMUP_MINUTES);
  const firstMinute = after.filter((s) => s.minute < WARMUP_MINUTES + 1).map((s) => s.rssMb);
  const lastMinute = after.filter((s) => s.minute >= MINUTES - 1).map((s) => s.rssMb);
  const memorySlope = slope(after.map((s) => [s.minute, s.rssMb]));
  const rise = mean(lastMinute) / Math.max(1, mean(firstMinute)) - 1;
  const all = [...tallies.values()];
  const requests = all.reduce((s, t) => s + t.requests, 0);
  const errors = all.reduce((s, t) => s + t.errors, 0);
  const latencies = all.flatMap((t) => t.latencies);
  const result = {
    scale: SCALE,
    sessions: sessions.length,
    roles: {
      resident: sessions.filter((s) => s.role === 'resident').length,
      manager: sessions.filter((s) => s.role === 'manager').length,
      operator: sessions.filter((s) => s.role === 'operator').length,
    },
    minutes: MINUTES,
    warmupMinutes: WARMUP_MINUTES,
    requests,
    errors,
    rps: round1(requests / (MINUTES * 60)),
    p50Ms: round1(percentile(latencies, 50)),
    p99Ms: round1(percentile(latencies, 99)),
    rssAfterWarmupMb: round1(mean(firstMinute)),
    rssLastMinuteMb: round1(mean(lastMinute)),
    rssMaxMb: round1(Math.max(0, ...samples.map((s) => s.rssMb))),
    rssSlopeMbPerMin: Math.round(memorySlope * 100) / 100,
    rssRise: Math.round(rise * 1000) / 1000,
    steps: Object.fromEntries(
      [...tallies.entries()].map(([label, t]) => [
        label,
        {
          requests: t.requests,
          errors: t.errors,
          p50Ms: round1(percentile(t.latencies, 50)),
          p99Ms: round1(percentile(t.latencies, 99)),
        },
      ]),
    ),
    samples,
    failures,
  };
  const flat = memorySlope <= MAX_SLOPE_MB_PER_MIN && rise <= MAX_RISE;
  const lines = [
    '',
    `soak: ${result.sessions} sessions (${result.roles.resident} residents, ${result.roles.manager} managers, ${result.roles.operator} operator), ${MINUTES} min on the ${SCALE} benchmark database`,
    `  ${requests} requests (${result.rps}/s), ${errors} errors, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
    `  RSS after warm-up ${result.rssAfterWarmupMb} MB, last minute ${result.rssLastMinuteMb} MB (${(rise * 100).toFixed(1)}%, limit ${MAX_RISE * 100}%), slope ${result.rssSlopeMbPerMin} MB/min (limit ${MAX_SLOPE_MB_PER_MIN}), max ${result.rssMaxMb} MB`,
    ...Object.entries(result.steps).map(
      ([label, s]) =>
        `    ${label.padEnd(28)} ${String(s.requests).padStart(6)} · ${s.errors} errors · p50 ${s.p50Ms} ms · p99 ${s.p99Ms} ms`,
    ),
    ...failures.map((f) => `  failed: ${f}`),
  ];
  console.error(lines.join('\n'));
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const { samples: _samples, ...summary } = result;
  console.log(JSON.stringify(summary));
  if (errors > 0 || !flat) {
    console.error(`soak: FAILED (${errors > 0 ? `${errors} errors` : 'memory kept rising'})`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
