// Checks that the product reads the generated database: its own procedures as
// the operator, a manager and a resident (in process, through createCaller),
// and that a cookie signed here is accepted by the real server.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createCaller, createContext } from '@porchlight/api';
import type { Db } from '@porchlight/db';
import { sessionCookie, type BenchSession } from './sessions';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`bench database check failed: ${message}`);
}

async function callerFor(db: Db, session: BenchSession) {
  const now = new Date();
  return createCaller(
    await createContext({
      db,
      session: { sessionId: session.id, userId: session.userId, createdAt: now, lastActiveAt: now },
    }),
  );
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, Math.round(performance.now() - started)];
}

export interface InProcessTimings {
  /** the operator's overview: first call (attention lists counted) and a second one */
  overviewFirstMs: number;
  overviewAgainMs: number;
  managerOverviewMs: number;
  houseBoardMs: number;
  checkInBoardMs: number;
  historyMs: number;
}

export async function verifyInProcess(
  db: Db,
  who: {
    operator: BenchSession;
    manager: BenchSession & { houseIds: string[] };
    resident: BenchSession & { residentId: string; houseId: string };
    houses: number;
  },
): Promise<InProcessTimings> {
  const operator = await callerFor(db, who.operator);
  const [overview, overviewFirstMs] = await timed(() => operator.portfolio.overview());
  check(
    overview.houses.length === who.houses,
    `the overview lists ${overview.houses.length} houses`,
  );
  check(overview.totals !== null, 'the overview has totals');
  const [, overviewAgainMs] = await timed(() => operator.portfolio.overview());
  const houseId = who.resident.houseId;
  const [board, houseBoardMs] = await timed(() => operator.houses.board({ houseId }));
  check(board !== null, 'the operator reads a house board');

  const manager = await callerFor(db, who.manager);
  const [mine, managerOverviewMs] = await timed(() => manager.portfolio.overview());
  check(
    mine.houses.length === who.manager.houseIds.length,
    `the manager's overview lists ${mine.houses.length} houses`,
  );
  const managed = who.manager.houseIds[0];
  check(managed, 'the manager runs a house');
  const [today, checkInBoardMs] = await timed(() => manager.checkIns.board({ houseId: managed }));
  check(today.residents.length > 0, 'the check-in board lists residents');
  check(
    today.residents.every((r) => r.daily.entry === null),
    "today's daily check-ins are still open on the board",
  );
  await manager.houses.board({ houseId: managed });

  const resident = await callerFor(db, who.resident);
  const [history, historyMs] = await timed(() =>
    resident.checkIns.history({ residentId: who.resident.residentId }),
  );
  check(history.items.length > 0, 'the resident has a check-in history');
  const own = await resident.checkIns.mine();
  check(own.livingIn?.houseId === houseId, 'the resident lives in their house');
  check(
    own.summary?.todayStatus?.dailyEntry === null,
    "the resident's daily check-in of today is still to make",
  );
  return {
    overviewFirstMs,
    overviewAgainMs,
    managerOverviewMs,
    houseBoardMs,
    checkInBoardMs,
    historyMs,
  };
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const SERVER_MAIN = join(REPO, 'apps/server/dist/main.js');

/**
 * Starts the built server on a copy of the database and asks who is signed in
 * with a resident's cookie: it must be that resident.
 */
export async function verifyCookieWithServer(options: {
  databasePath: string;
  secret: string;
  session: BenchSession;
  residentEmail: string;
  port?: number;
}) {
  check(existsSync(SERVER_MAIN), `${SERVER_MAIN} is missing: run pnpm build first`);
  const port = options.port ?? 3381;
  const copy = `${options.databasePath}.server-check.db`;
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(copy + suffix, { force: true });
  };
  remove();
  copyFileSync(options.databasePath, copy);
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${copy}`,
      PORCHLIGHT_SECRET: options.secret,
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const base = `http://127.0.0.1:${port}`;
    let up = false;
    for (let i = 0; i < 150 && !up && child.exitCode === null; i++) {
      up = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await sleep(100);
    }
    check(up, `the server did not start:\n${output}`);
    const response = await fetch(`${base}/trpc/account.whoami`, {
      headers: { cookie: await sessionCookie(options.session.token, options.secret) },
    });
    const body = (await response.json()) as {
      result?: { data?: { user?: { id?: string; email?: string } } | null };
    };
    const user = body.result?.data?.user;
    check(
      response.ok && user?.id === options.session.userId && user.email === options.residentEmail,
      `the server did not accept the signed cookie: ${response.status} ${JSON.stringify(body)}`,
    );
    return { userId: user.id };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    remove();
  }
}
