// The benchmark's database: one organisation, "Bench Recovery Homes", with 200
// houses and 5,000 current residents, and two years of history (over three
// million check-ins) at full scale or the last 73 days of it at a tenth. Made
// once and reused while the generator, the migrations and each house's today
// stay the same; today's daily check-ins are left for the load test to make.
//
//   tsx tests/bench/generate.ts [--scale full|tenth] [--force]
//
// Speed (the full database is about ten million rows): a worker thread makes
// the rows house by house while this thread writes them, as multi-row INSERTs
// prepared once on libSQL's own driver, tens of thousands per transaction, into
// a freshly migrated file with no journal (a half-made file has no .json beside
// it and is made again), foreign keys checked once at the end, and the
// secondary indexes dropped and rebuilt from the migrated SQL once the rows are
// in. The day-figure triggers of migration 0008 cost about 40% more time on
// check_ins (measured: 69k rows/s with them, 96k without), so they are dropped
// too and re-created from the migration's own text (checked against what the
// migration made), and every house is marked out of date from the beginning
// (house_stats.dirty_from '0000-01-01'), which is what the triggers would have
// left. The product then works out the day figures itself (warmDayFigures)
// before any benchmark reads them. The file is only a benchmark fixture.
//
// The tenth has the same houses, beds, staff and current residents (the same
// ids), with the records of its last 73 days only; stays that ended earlier
// are left out. Its overview trend therefore shows check-ins missed before
// those 73 days (the first two of its twelve weeks); the overview's windows
// (7 and 30 days, 4 weeks of chores) are complete.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { hashPassword } from 'better-auth/crypto';
import { warmDayFigures } from '@porchlight/api';
import { createDb, defaultMigrationsFolder, type DbHandle } from '@porchlight/db';
import { systemClock } from '@porchlight/domain';
import { HISTORY_DAYS, type Scale } from './generate/history';
import { generateRows, type RowsSummary, todaysAt } from './generate/rows';
import {
  BENCH_SECRET,
  type BenchSession,
  newToken,
  sessionCookie,
  writeSessions,
} from './generate/sessions';
import { type InProcessTimings, verifyCookieWithServer, verifyInProcess } from './generate/verify';
import {
  type Chunk,
  FAILED,
  type FromWriter,
  ROWS,
  type ToWriter,
  type WriterWorkerData,
  WRITTEN,
} from './generate/writer';

export { BENCH_SECRET, sessionCookie } from './generate/sessions';
export type BenchScale = Scale;

/** The password of the operator and manager logins (residents sign in through their cookies only). */
export const BENCH_PASSWORD = 'porchlight-bench-password';
export const BENCH_DATA_DIR = fileURLToPath(new URL('./.data/', import.meta.url));

export interface BenchProgress {
  step: 'migrate' | 'houses' | 'finish' | 'warm' | 'verify';
  done: number;
  total: number;
  /** rows written so far */
  rows?: number;
}

interface Person {
  userId: string;
  /** the session token; the cookie carries it signed */
  token: string;
  cookie: string;
}

export interface BenchDatabase {
  scale: BenchScale;
  path: string;
  url: string;
  /** the server's secret (PORCHLIGHT_SECRET) that the cookies are signed with */
  secret: string;
  organisationId: string;
  operator: Person & { email: string };
  managers: Array<Person & { email: string; houseIds: string[] }>;
  /** every current resident: today's daily check-in is still theirs to make */
  residents: Array<Person & { residentId: string; houseId: string }>;
  houses: Array<{ id: string; name: string; timezone: string; narrLevel: number }>;
  /** rows written per table */
  counts: Record<string, number>;
  generatedInMs: number;
  timings: {
    planMs: number;
    /** making and writing the rows (written by a worker thread while this one makes them), indexes and keys included */
    insertMs: number;
    /** building the secondary indexes once the rows are in */
    indexMs: number;
    foreignKeyCheckMs: number;
    warmDayFiguresMs: number;
    verify: InProcessTimings;
    serverCheckMs: number | null;
  };
  generatedAt: string;
  /** each house timezone's today when it was made: reused only while they hold */
  todays: Record<string, string>;
  hash: string;
}

/** Houses the rows may be made ahead of the writing. */
const AHEAD = 3;

const GENERATOR_FILES = [
  fileURLToPath(import.meta.url),
  ...readdirSync(fileURLToPath(new URL('./generate/', import.meta.url)))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => fileURLToPath(new URL(`./generate/${f}`, import.meta.url))),
];

/** What the fixture depends on: the generator's source and the migrations there are. */
function sourceHash(scale: BenchScale): string {
  const hash = createHash('sha256').update(`scale:${scale}\n`);
  for (const file of GENERATOR_FILES) hash.update(readFileSync(file));
  const migrations = readdirSync(defaultMigrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  hash.update(migrations.join('\n'));
  return hash.digest('hex');
}

function paths(scale: BenchScale) {
  return {
    db: join(BENCH_DATA_DIR, `${scale}.db`),
    json: join(BENCH_DATA_DIR, `${scale}.json`),
  };
}

function removeDb(path: string) {
  for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(path + suffix, { force: true });
}

const sessionsOf = (bench: BenchDatabase): BenchSession[] =>
  [bench.operator, ...bench.managers, ...bench.residents].map((p) => ({
    id: `bench-session-${p.userId}`,
    token: p.token,
    userId: p.userId,
  }));

// ---------------------------------------------------------------------------

async function warm(handle: DbHandle, houses: number, onProgress?: (p: BenchProgress) => void) {
  const started = performance.now();
  const poll = setInterval(() => {
    void handle.client
      .execute('SELECT count(*) AS n FROM house_stats WHERE dirty_from IS NULL')
      .then((r) => onProgress?.({ step: 'warm', done: Number(r.rows[0]?.n ?? 0), total: houses }))
      .catch(() => undefined);
  }, 500);
  try {
    await warmDayFigures({ db: handle.db, clock: systemClock });
  } finally {
    clearInterval(poll);
  }
  onProgress?.({ step: 'warm', done: houses, total: houses });
  return Math.round(performance.now() - started);
}

/** Starts the thread that writes the file; it migrates it first and says when it is ready. */
function startWriter(path: string) {
  const shared = new SharedArrayBuffer(3 * 4);
  // tsx's loader does not carry over into worker threads: the worker registers it first
  const boot = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
    'register();',
    `await import(${JSON.stringify(new URL('./generate/writer-worker.ts', import.meta.url).href)});`,
  ].join('\n');
  const workerData: WriterWorkerData = { path, shared };
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData,
  });
  let failure: unknown = null;
  worker.on('error', (error) => (failure = error));
  const exited = new Promise<number>((resolveExit) => worker.once('exit', resolveExit));
  const stopped = (code: number) =>
    failure instanceof Error
      ? failure
      : new Error(
          `the writer thread stopped (exit code ${code})${failure === null ? '' : `: ${JSON.stringify(failure)}`}`,
        );
  const done = exited.then((code) => {
    if (code !== 0) throw stopped(code);
  });
  // awaited later; meanwhile a crash is reported through next() and failed()
  done.catch(() => undefined);
  return {
    counters: new Int32Array(shared),
    post: (message: ToWriter) => worker.postMessage(message),
    next: <T extends FromWriter['type']>(type: T) =>
      new Promise<Extract<FromWriter, { type: T }>>((resolveMessage, reject) => {
        worker.once('message', (m: FromWriter) =>
          m.type === type
            ? resolveMessage(m as Extract<FromWriter, { type: T }>)
            : reject(new Error(`the writer thread said ${m.type}, not ${type}`)),
        );
        void exited.then((code) => reject(stopped(code)));
      }),
    exited: done,
    failed: () => Atomics.load(new Int32Array(shared), FAILED) === 1,
  };
}

async function generate(
  scale: BenchScale,
  hash: string,
  onProgress?: (p: BenchProgress) => void,
): Promise<BenchDatabase> {
  const started = performance.now();
  const files = paths(scale);
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  rmSync(files.json, { force: true });
  removeDb(files.db);
  onProgress?.({ step: 'migrate', done: 0, total: 1 });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const writer = startWriter(files.db);
  await writer.next('ready');
  onProgress?.({ step: 'migrate', done: 1, total: 1 });

  // rows are made here, house by house, and written by the writer thread a few houses behind
  const now = new Date();
  const todays = todaysAt(now);
  const insertStarted = performance.now();
  let chunks: Chunk[] = [];
  let posted = 0;
  let made: RowsSummary;
  try {
    made = generateRows(
      { scale, nowMs: now.getTime(), passwordHash },
      { take: (chunk) => void chunks.push(chunk) },
      (done, total) => {
        writer.post({ type: 'rows', chunks });
        chunks = [];
        posted += 1;
        const { counters } = writer;
        for (let seen = Atomics.load(counters, WRITTEN); posted - seen >= AHEAD;) {
          if (writer.failed()) throw new Error('the writer thread failed');
          Atomics.wait(counters, WRITTEN, seen, 1_000);
          seen = Atomics.load(counters, WRITTEN);
        }
        onProgress?.({ step: 'houses', done, total, rows: Atomics.load(counters, ROWS) });
      },
    );
  } catch (error) {
    // the writer's own error says more
    await writer.exited;
    throw error;
  }
  onProgress?.({ step: 'finish', done: 0, total: 1 });
  const finishing = writer.next('finished');
  writer.post({ type: 'finish', houseIds: made.houses.map((h) => h.id) });
  const finished = await finishing;
  await writer.exited;
  const insertMs = Math.round(performance.now() - insertStarted);
  onProgress?.({ step: 'finish', done: 1, total: 1 });

  // the people the load test signs in as
  const person = async (userId: string): Promise<Person> => {
    const token = newToken();
    return { userId, token, cookie: await sessionCookie(token) };
  };
  const bench: BenchDatabase = {
    scale,
    path: files.db,
    url: `file:${files.db}`,
    secret: BENCH_SECRET,
    organisationId: made.organisationId,
    operator: { ...(await person(made.operator.userId)), email: made.operator.email },
    managers: await Promise.all(
      made.managers.map(async (m) => ({
        ...(await person(m.userId)),
        email: m.email,
        houseIds: m.houseIds,
      })),
    ),
    residents: await Promise.all(
      made.residents.map(async (r) => ({
        ...(await person(r.userId)),
        residentId: r.residentId,
        houseId: r.houseId,
      })),
    ),
    houses: made.houses,
    counts: made.counts,
    generatedInMs: 0,
    timings: {
      planMs: made.planMs,
      insertMs,
      indexMs: finished.indexMs,
      foreignKeyCheckMs: finished.foreignKeyCheckMs,
      warmDayFiguresMs: 0,
      verify: {
        overviewFirstMs: 0,
        overviewAgainMs: 0,
        managerOverviewMs: 0,
        houseBoardMs: 0,
        checkInBoardMs: 0,
        historyMs: 0,
      },
      serverCheckMs: null,
    },
    generatedAt: now.toISOString(),
    todays,
    hash,
  };

  const handle = await createDb(bench.url);
  try {
    await writeSessions(handle.client, sessionsOf(bench));
    bench.timings.warmDayFiguresMs = await warm(handle, made.houses.length, onProgress);
    onProgress?.({ step: 'verify', done: 0, total: 2 });
    const sessions = sessionsOf(bench);
    const [operator, manager] = sessions;
    const residentIndex = Math.floor(bench.residents.length / 2);
    const resident = bench.residents[residentIndex];
    const residentSession = sessions[1 + bench.managers.length + residentIndex];
    const managerHouses = bench.managers[0]?.houseIds;
    if (!operator || !manager || !resident || !residentSession || !managerHouses)
      throw new Error('the plan has no operator, manager or resident');
    bench.timings.verify = await verifyInProcess(handle.db, {
      operator,
      manager: { ...manager, houseIds: managerHouses },
      resident: { ...residentSession, residentId: resident.residentId, houseId: resident.houseId },
      houses: made.houses.length,
    });
    await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    onProgress?.({ step: 'verify', done: 1, total: 2 });
    if (scale === 'tenth') {
      const serverStarted = performance.now();
      const email = made.residents[residentIndex]?.email ?? '';
      await verifyCookieWithServer({
        databasePath: files.db,
        secret: BENCH_SECRET,
        session: residentSession,
        residentEmail: email,
      });
      bench.timings.serverCheckMs = Math.round(performance.now() - serverStarted);
    }
    onProgress?.({ step: 'verify', done: 2, total: 2 });
  } finally {
    handle.close();
  }
  bench.generatedInMs = Math.round(performance.now() - started);
  writeFileSync(files.json, JSON.stringify(bench));
  return bench;
}

/** Whether nobody has checked in yet today in any house (a load test fills today in). */
async function todayStillOpen(bench: BenchDatabase): Promise<boolean> {
  const handle = await createDb(bench.url);
  try {
    for (const [tz, today] of Object.entries(bench.todays)) {
      const houses = bench.houses.filter((h) => h.timezone === tz).map((h) => h.id);
      if (houses.length === 0) continue;
      const found = await handle.client.execute(
        `SELECT count(*) AS n FROM check_ins WHERE house_id IN (${houses.map(() => '?').join(',')}) AND for_date = ? AND kind = 'daily'`,
        [...houses, today],
      );
      if (Number(found.rows[0]?.n ?? 0) > 0) return false;
    }
    return true;
  } finally {
    handle.close();
  }
}

async function reusable(scale: BenchScale, hash: string): Promise<BenchDatabase | null> {
  const files = paths(scale);
  if (!existsSync(files.json) || !existsSync(files.db)) return null;
  let bench: BenchDatabase;
  try {
    bench = JSON.parse(readFileSync(files.json, 'utf8')) as BenchDatabase;
  } catch {
    return null;
  }
  if (bench.hash !== hash || bench.path !== files.db) return null;
  const now = todaysAt(new Date());
  if (Object.entries(bench.todays).some(([tz, day]) => now[tz] !== day)) return null;
  if (!(await todayStillOpen(bench))) return null;
  return bench;
}

/**
 * The benchmark database of `scale`: reused when it was made by this generator
 * for today and nobody has checked in today yet, otherwise made again. Either
 * way every session is signed in afresh (staff sessions expire when idle).
 */
export async function ensureBenchDatabase(options: {
  scale: BenchScale;
  force?: boolean;
  onProgress?: (progress: BenchProgress) => void;
}): Promise<BenchDatabase> {
  const hash = sourceHash(options.scale);
  const bench =
    (!options.force && (await reusable(options.scale, hash))) ||
    (await generate(options.scale, hash, options.onProgress));
  const handle = await createDb(bench.url);
  try {
    await writeSessions(handle.client, sessionsOf(bench));
    await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    handle.close();
  }
  return bench;
}

// ---------------------------------------------------------------------------
// the command line

const LABELS: Record<BenchProgress['step'], string> = {
  migrate: 'migrating',
  houses: 'houses',
  finish: 'indexes, keys',
  warm: 'day figures',
  verify: 'checking',
};

function progressPrinter() {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastStep = '';
  let lastTenth = -1;
  return (p: BenchProgress) => {
    const share = p.total === 0 ? 1 : p.done / p.total;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const rows = p.rows === undefined ? '' : ` · ${(p.rows / 1e6).toFixed(2)}M rows`;
    const line = `${LABELS[p.step].padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${p.done}/${p.total}${rows} · ${seconds}s`;
    if (tty) {
      if (p.step !== lastStep && lastStep !== '') process.stderr.write('\n');
      process.stderr.write(`\r${line}`);
    } else {
      const tenth = Math.floor(share * 10);
      if (p.step !== lastStep || tenth !== lastTenth) process.stderr.write(`${line}\n`);
      lastTenth = tenth;
    }
    lastStep = p.step;
  };
}

async function main(argv: string[]) {
  const scaleAt = argv.indexOf('--scale');
  const scale = scaleAt >= 0 ? argv[scaleAt + 1] : 'full';
  if (scale !== 'full' && scale !== 'tenth') {
    console.error('usage: tsx tests/bench/generate.ts [--scale full|tenth] [--force]');
    process.exit(2);
  }
  const bench = await ensureBenchDatabase({
    scale,
    force: argv.includes('--force'),
    onProgress: progressPrinter(),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const size = statSync(bench.path).size;
  console.log(
    JSON.stringify(
      {
        scale: bench.scale,
        path: bench.path,
        sizeMb: Math.round(size / 1e6),
        generatedAt: bench.generatedAt,
        generatedInMs: bench.generatedInMs,
        timings: bench.timings,
        counts: bench.counts,
        houses: bench.houses.length,
        managers: bench.managers.length,
        residents: bench.residents.length,
        history: `${HISTORY_DAYS[bench.scale]} days`,
      },
      null,
      2,
    ),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
