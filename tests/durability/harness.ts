// The durability harness (issue 10, docs/reliability.md). Each round starts the
// built server on one database file, has many signed-in residents record their
// check-ins at once, and kills the server with SIGKILL at a random moment:
// while it starts, or while the writes are in flight. With the server dead, the
// file itself is checked: `PRAGMA integrity_check` says ok, every check-in a
// client was told was saved (in this round and every round before) is there
// with its audit entry, no check-in is there without one, and the audit log's
// hash chain verifies (what a killed server left unsealed, the next one seals).
//
//   pnpm test:durability                   20 rounds
//   pnpm test:durability --rounds 1000     the long run (docs/reliability.md)
//   pnpm test:durability --seed 7          the same kill moments again
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, localDateAt } from '@porchlight/domain';
import { Random } from '../bench/generate/random';
import { TSX_IMPORT } from '../bench/processes';
import { SERVER_MAIN, TMP_DIR } from '../support/paths';
import { freePort } from '../support/server';
import { SECRET, type Resident, type RoundFile, type State } from './file-work';

const FILE_WORK = fileURLToPath(new URL('./file-work.ts', import.meta.url));

/** Checks the file and signs in the next residents, in a process of its own (file-work.ts). */
function fileWork(dir: string, state: State): Promise<RoundFile> {
  writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', TSX_IMPORT, FILE_WORK, dir],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME } },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`the file work failed:\n${stderr}`));
        else resolve(JSON.parse(readFileSync(join(dir, 'round.json'), 'utf8')) as RoundFile);
      },
    );
  });
}

const DAYS_BACK = [0, 1, 2] as const;

export interface DurabilityOptions {
  rounds: number;
  seed?: number;
  /** Where the database file lives; a fresh folder under tests/.tmp by default. */
  dir?: string;
  /** The server to run: the built apps/server/dist/main.js by default. */
  serverMain?: string;
  onRound?: (round: RoundReport, total: DurabilityReport) => void;
}

export interface RoundReport {
  round: number;
  /** When the kill came: during start-up (before /healthz answered) or during the writes. */
  killed: 'starting' | 'writing';
  /** Milliseconds after the spawn (starting) or after the chosen acknowledgement (writing). */
  killAfterMs: number;
  /** Writing rounds: how many acknowledgements the kill waited for. */
  killAfterAcks: number;
  acknowledged: number;
  /** Requests the kill cut off: the client never heard, so either outcome is right. */
  cutOff: number;
  /** Answers other than success (expected: none). */
  refused: string[];
  lost: number;
  integrity: string;
  chainProblems: string[];
}

export interface DurabilityReport {
  seed: number;
  rounds: number;
  killedStarting: number;
  killedWriting: number;
  acknowledged: number;
  cutOff: number;
  refused: number;
  /** Acknowledged check-ins missing afterwards, or without their audit entry. */
  lost: number;
  /** Check-ins in the file without an audit entry (half a write). */
  halfWritten: number;
  integrityFailures: number;
  /** Rounds after which the audit log's hash chain did not verify. */
  chainFailures: number;
  /** Median time from spawning the server to its first answer. */
  startMedianMs: number;
  elapsedMs: number;
}

interface Acknowledged {
  checkInId: string;
}

function spawnServer(serverMain: string, port: number, dbPath: string) {
  const child = spawn(process.execPath, [serverMain], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbPath}`,
      PORCHLIGHT_SECRET: SECRET,
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  return { child, errors: () => errors };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves when /healthz answers; false when the process is gone first. */
async function untilHealthy(url: string, child: ChildProcess, deadline: number) {
  while (child.exitCode === null && child.signalCode === null) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return true;
    } catch {
      // not listening yet, or killed
    }
    if (Date.now() > deadline) throw new Error('the server did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** A resident's check-ins, one after another, until they are done or the server dies. */
async function writeCheckIns(
  url: string,
  resident: Resident,
  random: Random,
  acknowledged: Acknowledged[],
  refused: string[],
  counts: { cutOff: number },
  onAcknowledged: () => void,
) {
  const today = localDateAt(new Date(), resident.timezone);
  for (const back of DAYS_BACK) {
    const input = {
      mood: random.int(1, 5),
      craving: random.int(0, 10),
      halt: random.chance(0.3) ? ['tired'] : [],
      forDate: addDays(today, -back),
      note: `durability ${random.int(0, 1e9)}`,
    };
    let res: Response;
    try {
      res = await fetch(`${url}/trpc/checkIns.record`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, cookie: resident.cookie },
        body: JSON.stringify(input),
      });
    } catch {
      counts.cutOff++;
      return;
    }
    let body: { result?: { data?: { checkInId?: string } } };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // the answer was cut off part way: the client cannot know it was saved
      counts.cutOff++;
      return;
    }
    const id = body.result?.data?.checkInId;
    if (res.ok && id) {
      acknowledged.push({ checkInId: id });
      onAcknowledged();
    } else refused.push(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

export async function runDurability(options: DurabilityOptions): Promise<DurabilityReport> {
  const begin = performance.now();
  const seed = options.seed ?? Date.now() % 1_000_000;
  const random = new Random(`durability-${seed}`);
  const dir = options.dir ?? join(TMP_DIR, `durability-${process.pid}-${seed}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'porchlight.db');

  let prepared = await fileWork(dir, { house: null, acknowledged: [] });
  const house = prepared.house;

  const total: DurabilityReport = {
    seed,
    rounds: 0,
    killedStarting: 0,
    killedWriting: 0,
    acknowledged: 0,
    cutOff: 0,
    refused: 0,
    lost: 0,
    halfWritten: 0,
    integrityFailures: 0,
    chainFailures: 0,
    startMedianMs: 0,
    elapsedMs: 0,
  };
  const acknowledged: Acknowledged[] = [];
  const starts: number[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const residents = prepared.residents;
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      // most kills land among the writes; some while the server starts (migrations, start-up
      // work). A kill among the writes comes a few milliseconds after a random number of them
      // were acknowledged, so that it lands among them however fast or loaded the machine is.
      const killWhileStarting = random.chance(0.2);
      const writes = residents.length * DAYS_BACK.length;
      const killAfterAcks = random.int(0, Math.floor(writes * 0.9));
      const killAfterMs = killWhileStarting ? random.int(0, 400) : random.int(0, 30);
      const spawnedAt = performance.now();
      const server = spawnServer(options.serverMain ?? SERVER_MAIN, port, dbPath);
      let killNow!: () => void;
      const killDone = new Promise<void>((resolve) => {
        killNow = () => {
          server.child.kill('SIGKILL');
          resolve();
        };
      });
      if (killWhileStarting) setTimeout(killNow, killAfterMs);
      const ackedBefore = acknowledged.length;
      const refused: string[] = [];
      const counts = { cutOff: 0 };
      let killed: RoundReport['killed'] = 'starting';
      const healthy = await untilHealthy(url, server.child, Date.now() + 30_000);
      if (!healthy && !killWhileStarting)
        throw new Error(`round ${round}: the server stopped on its own:\n${server.errors()}`);
      if (healthy) {
        killed = 'writing';
        starts.push(performance.now() - spawnedAt);
        let acks = 0;
        let armed = false;
        const arm = () => {
          if (armed || killWhileStarting) return;
          armed = true;
          setTimeout(killNow, killAfterMs);
        };
        const onAcknowledged = () => {
          if (++acks >= killAfterAcks) arm();
        };
        if (killAfterAcks === 0) arm();
        const writers = residents.map((resident) =>
          writeCheckIns(url, resident, random, acknowledged, refused, counts, onAcknowledged),
        );
        await Promise.all(writers);
        // every write went through before the kill: it comes now
        arm();
      }
      await killDone;
      await exited(server.child);
      if (server.child.signalCode !== 'SIGKILL')
        throw new Error(
          `round ${round}: the server ended by itself (${server.child.exitCode}):\n${server.errors()}`,
        );
      // the file is checked, and the next round's residents signed in, by another process
      prepared = await fileWork(dir, {
        house,
        acknowledged: acknowledged.map((a) => a.checkInId),
      });
      const file = prepared;
      const report: RoundReport = {
        round,
        killed,
        killAfterMs,
        killAfterAcks,
        acknowledged: acknowledged.length - ackedBefore,
        cutOff: counts.cutOff,
        refused,
        lost: file.lost,
        integrity: file.integrity,
        chainProblems: file.chainProblems,
      };
      total.rounds = round;
      if (killed === 'starting') total.killedStarting++;
      else total.killedWriting++;
      total.acknowledged = acknowledged.length;
      total.cutOff += counts.cutOff;
      total.refused += refused.length;
      total.lost = file.lost;
      total.halfWritten = file.halfWritten;
      if (file.integrity !== 'ok') total.integrityFailures++;
      if (file.chainProblems.length > 0) total.chainFailures++;
      options.onRound?.(report, total);
    }
  } finally {
    const sorted = [...starts].sort((a, b) => a - b);
    total.startMedianMs = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
    total.elapsedMs = Math.round(performance.now() - begin);
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
  return total;
}
