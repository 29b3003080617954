// The processes `pnpm bench` starts (the built product server, the baseline,
// load workers, the build), each tracked so that every one is ended when the
// run ends, fails or is interrupted, and only those, by their own pid.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { constants, copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoadJob, LoadResult } from './load';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_MAIN = fileURLToPath(
  new URL('../../apps/server/dist/main.js', import.meta.url),
);
const BASELINE = fileURLToPath(new URL('./baseline.ts', import.meta.url));
const LOAD = fileURLToPath(new URL('./load.ts', import.meta.url));
/** tsx's loader, for the TypeScript processes (the baseline and the load workers). */
export const TSX_IMPORT = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const started = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Ends a process: SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

/** Ends every process this run started that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((child) => stop(child, 3000)));
}

/** Runs a command to its end, its output on our stderr (stdout is kept for the results). */
export async function run(command: string, args: string[], cwd = REPO_ROOT): Promise<void> {
  const child = track(spawn(command, args, { cwd, stdio: ['ignore', 2, 2] }));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(code)}`);
}

/** A database file copied for one server: a server never runs on the generator's own file. */
export function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(to + suffix, { force: true });
  // a copy-on-write clone where the file system has them, a plain copy otherwise
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
  if (existsSync(`${from}-wal`))
    copyFileSync(`${from}-wal`, `${to}-wal`, constants.COPYFILE_FICLONE);
}

export interface Server {
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

async function untilHealthy(
  child: ChildProcess,
  url: string,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url} exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer /healthz:\n${output()}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function spawnServer(args: string[], env: NodeJS.ProcessEnv, url: string) {
  const child = track(
    spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => out;
  return { child, output, url };
}

export interface ProductOptions {
  port: number;
  dbPath: string;
  secret: string;
  /** node flags before main.js: the event-loop probe, --cpu-prof */
  nodeArgs?: string[];
  env?: Record<string, string>;
}

export function productEnv(options: ProductOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${options.dbPath}`,
    PORCHLIGHT_SECRET: options.secret,
    SEED_DEMO: 'false',
    AUTH_SIGN_IN_LIMIT: '1000000',
    ...options.env,
  };
}

/** Starts the built server and resolves once /healthz answers, with the time that took. */
export async function startProduct(options: ProductOptions): Promise<Server & { startMs: number }> {
  const url = `http://127.0.0.1:${options.port}`;
  const begin = performance.now();
  const { child, output } = spawnServer(
    [...(options.nodeArgs ?? []), SERVER_MAIN],
    productEnv(options),
    url,
  );
  await untilHealthy(child, url, output, 120_000);
  const startMs = performance.now() - begin;
  return { child, pid: child.pid ?? 0, url, output, stop: () => stop(child), startMs };
}

/** Starts the baseline, optionally with the event-loop probe answering on `probe.port`. */
export async function startBaseline(
  port: number,
  dbPath: string,
  probe?: { module: string; port: number },
): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnServer(
    [...(probe ? ['--import', probe.module] : []), '--import', TSX_IMPORT, BASELINE],
    {
      PATH: process.env.PATH,
      BASELINE_PORT: String(port),
      BASELINE_DB: dbPath,
      ...(probe ? { BENCH_PROBE_PORT: String(probe.port) } : {}),
    },
    url,
  );
  await untilHealthy(child, url, output, 60_000);
  return { child, pid: child.pid ?? 0, url, output, stop: () => stop(child) };
}

/** Runs one load job in a separate process and returns its result. */
export async function loadFromWorker(job: LoadJob): Promise<LoadResult> {
  const child = track(
    fork(LOAD, [], { execArgv: ['--import', TSX_IMPORT], stdio: ['ignore', 2, 2, 'ipc'] }),
  );
  const answer = new Promise<LoadResult>((resolve, reject) => {
    child.once('message', (m: { ok: boolean; result?: LoadResult; error?: string }) => {
      if (m.ok && m.result) resolve(m.result);
      else reject(new Error(`load worker: ${m.error ?? 'no result'}`));
    });
    child.once('exit', (code) => reject(new Error(`load worker exited with ${String(code)}`)));
    child.once('error', reject);
  });
  child.send(job);
  try {
    return await answer;
  } finally {
    await stop(child);
  }
}

/** Resident set size of a running process, in MB, from /proc. */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time a process has used so far, in clock ticks (1/100 s), from /proc. */
function cpuTicks(pid: number): number {
  try {
    // the fields after the command name, which is in parentheses and may hold spaces
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Waits until a server has gone quiet (under 10% of a core for `quietMs`, in
 * 300 ms steps). A load generator that stops leaves its last requests with the
 * server, which still works them off: the next round must not start behind that
 * backlog. After a start, the product works out day figures and, 3 s later,
 * counts every house's attention list: a quiet stretch longer than that pause
 * shows the start-up work is over.
 */
export async function untilIdle(pid: number, maxMs = 60_000, quietMs = 300): Promise<number> {
  const begin = performance.now();
  let quietFor = 0;
  for (;;) {
    const before = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, 300));
    quietFor = cpuTicks(pid) - before <= 3 ? quietFor + 300 : 0;
    if (quietFor >= quietMs || performance.now() - begin > maxMs) return performance.now() - begin;
  }
}

/** Samples a process's RSS every 100 ms until stopped; returns the largest seen. */
export function sampleRss(pid: number) {
  let max = rssMb(pid);
  const timer = setInterval(() => {
    max = Math.max(max, rssMb(pid));
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, rssMb(pid));
    },
  };
}
