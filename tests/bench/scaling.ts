// `pnpm bench:scaling` (issue 11): check-in writes and history reads through the built server
// on the embedded file, through one server on a libSQL server (sqld) over ws: and over http:,
// through two servers on that one sqld, and through two servers each on an embedded replica of
// it (DATABASE_SYNC_URL), in one run, as ratios against the embedded single server. All on the tenth-scale benchmark database (the same 5,000 residents and their
// sessions; each setup's writes come from residents of its own, once each).
// Prints a table, then one JSON line, also written to tests/bench/results/scaling.json.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSqld, type RunningSqld } from '@porchlight/db/sqld';
import { type BenchDatabase, ensureBenchDatabase } from './generate';
import type { LoadRequest, LoadResult } from './load';
import {
  copyDatabase,
  loadFromWorker,
  REPO_ROOT,
  run,
  startProduct,
  stopAll,
  untilIdle,
  type Server,
} from './processes';
import { checkInBody, get, keptWrites, query } from './requests';

const WORK = fileURLToPath(new URL('../.tmp/bench-scaling', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const READ_S = Number(process.env.BENCH_DURATION ?? 10);
/** Check-ins each setup records (each from a resident who has not checked in today). */
const WRITES = Number(process.env.BENCH_SCALING_WRITES ?? 600);
const PORTS = [3410, 3411] as const;

const SETUPS = [
  'embedded',
  'sqldWs',
  'sqldHttp',
  'sqldWsTwoServers',
  'embeddedReplicaTwoServers',
] as const;
type Setup = (typeof SETUPS)[number];
const LABELS: Record<Setup, string> = {
  embedded: 'one server, embedded file',
  sqldWs: 'one server on sqld, ws:',
  sqldHttp: 'one server on sqld, http:',
  sqldWsTwoServers: 'two servers on one sqld, ws:',
  embeddedReplicaTwoServers: 'two servers, each on an embedded replica of one sqld',
};

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}
interface SetupFigures {
  checkInWrite: Figures & { ratio: number; kept: number; acknowledged: number };
  ownHistoryRead: Figures & { ratio: number };
}

const begun = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[${((performance.now() - begun) / 1000).toFixed(0)}s] ${message}\n`);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** One load split evenly over the servers (a load generator each), added up. */
async function loadAcross(
  servers: Server[],
  requests: (server: Server, part: number) => LoadRequest[],
  options: { amount?: number; collectIds?: boolean },
): Promise<{ result: Figures; ids: string[] }> {
  const results: LoadResult[] = await Promise.all(
    servers.map((server, part) => {
      const amount = options.amount ? Math.floor(options.amount / servers.length) : undefined;
      return loadFromWorker({
        url: server.url,
        connections: Math.floor(CONNECTIONS / servers.length),
        duration: amount ? 0 : READ_S,
        ...(amount ? { amount } : {}),
        requests: requests(server, part),
        ...(options.collectIds ? { collectIds: true } : {}),
      });
    }),
  );
  for (const server of servers) await untilIdle(server.pid);
  return {
    result: {
      rps: round1(results.reduce((n, r) => n + r.rps, 0)),
      // the slower side's percentiles: what a person sent to that server waits
      p50Ms: Math.max(...results.map((r) => r.p50Ms)),
      p99Ms: Math.max(...results.map((r) => r.p99Ms)),
      errors: results.reduce((n, r) => n + r.errors, 0),
    },
    ids: results.flatMap((r) => r.ids),
  };
}

async function measure(
  db: BenchDatabase,
  servers: Server[],
  writers: BenchDatabase['residents'],
  kept: (ids: string[]) => Promise<number>,
) {
  const write = (r: BenchDatabase['residents'][number], i: number, origin: string) => ({
    method: 'POST' as const,
    path: '/trpc/checkIns.record',
    headers: { cookie: r.cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify(checkInBody(i)),
  });
  const per = Math.floor(writers.length / servers.length);
  const writes = await loadAcross(
    servers,
    (server, part) =>
      writers.slice(part * per, (part + 1) * per).map((r, i) => write(r, i, server.url)),
    { amount: per * servers.length, collectIds: true },
  );
  const readers = db.residents.slice(0, 2000);
  const reads = await loadAcross(
    servers,
    () =>
      readers.map((r) => get(query('checkIns.history', { residentId: r.residentId }), r.cookie)),
    {},
  );
  return {
    writes: { ...writes.result, acknowledged: writes.ids.length, kept: await kept(writes.ids) },
    reads: reads.result,
  };
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    progress('building the server (turbo)');
    await run(join(REPO_ROOT, 'node_modules/.bin/turbo'), [
      'run',
      'build',
      '--filter=@porchlight/server',
      '--output-logs=errors-only',
    ]);
  }
  progress('the tenth benchmark database (made once, then reused while it holds)');
  const db = await ensureBenchDatabase({ scale: 'tenth' });
  // one resident's writes per setup, from people who have not checked in today
  const writers = [...db.residents].reverse().slice(1);
  if (writers.length < WRITES * SETUPS.length)
    throw new Error(`the bench database has too few residents for ${WRITES} writes per setup`);
  const writersOf = (setup: Setup) => {
    const i = SETUPS.indexOf(setup);
    return writers.slice(i * WRITES, (i + 1) * WRITES);
  };

  const measured = {} as Record<Setup, Awaited<ReturnType<typeof measure>>>;

  progress('embedded file: copying the database, one server');
  const filePath = join(WORK, 'embedded.db');
  copyDatabase(db.path, filePath);
  {
    const server = await startProduct({ port: PORTS[0], dbPath: filePath, secret: db.secret });
    await untilIdle(server.pid, 60_000, 2_000);
    measured.embedded = await measure(db, [server], writersOf('embedded'), async (ids) => {
      await server.stop();
      return keptWrites(`file:${filePath}`, ids);
    });
    await server.stop();
  }

  progress('sqld: the same database as its default namespace');
  const sqldPath = join(WORK, 'sqld');
  mkdirSync(join(sqldPath, 'dbs/default'), { recursive: true });
  copyFileSync(db.path, join(sqldPath, 'dbs/default/data'));
  let sqld: RunningSqld | undefined = await startSqld({ dbPath: sqldPath });
  const sqldUrl = sqld.url;
  const keptOnSqld = (ids: string[]) => keptWrites(sqldUrl, ids);
  try {
    for (const setup of [
      'sqldWs',
      'sqldHttp',
      'sqldWsTwoServers',
      'embeddedReplicaTwoServers',
    ] as const) {
      const url = setup === 'sqldHttp' ? sqldUrl : sqldUrl.replace(/^http:/, 'ws:');
      const count = setup === 'sqldWsTwoServers' || setup === 'embeddedReplicaTwoServers' ? 2 : 1;
      progress(`${LABELS[setup]}: starting`);
      const servers = await Promise.all(
        PORTS.slice(0, count).map((port) =>
          startProduct({
            port,
            dbPath: '',
            secret: db.secret,
            env:
              setup === 'embeddedReplicaTwoServers'
                ? // each replica first copies the whole database from sqld
                  {
                    DATABASE_URL: `file:${join(WORK, `replica-${port}`, 'porchlight.db')}`,
                    DATABASE_SYNC_URL: sqldUrl,
                  }
                : { DATABASE_URL: url },
          }),
        ),
      );
      for (const server of servers) await untilIdle(server.pid, 60_000, 2_000);
      measured[setup] = await measure(db, servers, writersOf(setup), keptOnSqld);
      for (const server of servers) await server.stop();
    }
  } finally {
    await sqld.stop();
    sqld = undefined;
  }

  const base = measured.embedded;
  const results = Object.fromEntries(
    SETUPS.map((setup) => {
      const m = measured[setup];
      const figures: SetupFigures = {
        checkInWrite: {
          ...m.writes,
          errors: m.writes.errors + (m.writes.acknowledged - m.writes.kept),
          ratio: Math.round((m.writes.rps / base.writes.rps) * 100) / 100,
        },
        ownHistoryRead: {
          ...m.reads,
          ratio: Math.round((m.reads.rps / base.reads.rps) * 100) / 100,
        },
      };
      return [setup, figures];
    }),
  ) as Record<Setup, SetupFigures>;

  const lines = [
    `| setup | check-in rps | ratio | p50 / p99 ms | errors | kept | history rps | ratio | p50 / p99 ms | errors |`,
    `|---|---|---|---|---|---|---|---|---|---|`,
    ...SETUPS.map((setup) => {
      const { checkInWrite: w, ownHistoryRead: r } = results[setup];
      return `| ${LABELS[setup]} | ${w.rps} | ${w.ratio} | ${w.p50Ms} / ${w.p99Ms} | ${w.errors} | ${w.kept} of ${w.acknowledged} | ${r.rps} | ${r.ratio} | ${r.p50Ms} / ${r.p99Ms} | ${r.errors} |`;
    }),
  ];
  writeFileSync(join(RESULTS, 'scaling.json'), `${JSON.stringify(results, null, 2)}\n`);
  progress(`done in ${((performance.now() - begun) / 1000).toFixed(0)}s`);
  process.stdout.write(`${lines.join('\n')}\n\n${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await stopAll();
    process.exit(1);
  },
);
