// Starts the built server (apps/server/dist/main.js) as its own process on a
// private database file, the way `pnpm start` runs it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@porchlight/db/sqld';
import { SERVER_MAIN, TMP_DIR } from './paths';

export { freePort };

export interface SpawnedServer {
  url: string;
  dbPath: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function spawnServer(
  env: Record<string, string> = {},
  options: { dbPath?: string; startTimeoutMs?: number } = {},
): Promise<SpawnedServer> {
  mkdirSync(TMP_DIR, { recursive: true });
  const port = await freePort();
  const dir = join(TMP_DIR, `server-${randomUUID()}`);
  const dbPath = options.dbPath ?? join(dir, 'porchlight.db');
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${dbPath}`,
    ...env,
  };
  // the error-safety promise must hold with NODE_ENV unset
  delete childEnv.NODE_ENV;
  delete childEnv.VITEST;
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dbPath,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGTERM');
        const code = await exited;
        // a clean stop: the database closed on its thread before the process exited
        if (code !== 0 || /panicked/.test(out))
          throw new Error(`the server did not stop cleanly (exit code ${code}):\n${out}`);
      }
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny cookie-keeping client for one signed-in person. */
export class Browserless {
  cookie = '';
  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(this.base + path, { ...init, headers });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      if (!pair) continue;
      const [name] = pair.split('=');
      const others = this.cookie.split('; ').filter((p) => p && !p.startsWith(`${name}=`));
      this.cookie = (/Max-Age=0/i.test(c) ? others : [...others, pair]).join('; ');
    }
    return res;
  }

  signIn(email: string, password: string) {
    return this.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ email, password }),
    });
  }

  query(path: string, input?: unknown) {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.request(`/trpc/${path}${q}`);
  }

  mutate(path: string, input: unknown, headers: Record<string, string> = {}) {
    return this.request(`/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base, ...headers },
      body: JSON.stringify(input),
    });
  }
}

/** Runs the built server's command line (`porchlight backup FILE`, …) with only `env` set, to its end. */
export function runPorchlight(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [SERVER_MAIN, ...args],
      { env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
