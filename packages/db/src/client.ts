// Opens the database from one URL. `file:` is the embedded default; `libsql:`,
// `http(s):` and `ws(s):` reach a libSQL server with no other change.
//
// The embedded driver keeps a pool of connections and PRAGMAs apply to one
// connection only, so the pool is pinned to a single connection and the PRAGMAs
// are applied to it (and again should the driver ever replace it). Statements on
// that connection run synchronously, so concurrent requests never interleave
// inside a batch. An interactive transaction would hold the only connection
// across awaits, so every other operation waits on a gate until it settles.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Client,
  InArgs,
  InStatement,
  ResultSet,
  Transaction,
  TransactionMode,
} from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { construct } from 'drizzle-orm/libsql/driver-core';
import { openLibsqlClient } from './driver';
import { dropEarlyThread } from './early-thread';
import * as schema from './schema';
import { WorkerClient } from './worker-client';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema> & { $client: Client };

export interface DbOptions {
  /** synchronous=FULL keeps every committed write through a power cut; NORMAL is faster. */
  synchronous?: 'FULL' | 'NORMAL';
  authToken?: string;
  encryptionKey?: string;
  /**
   * The built db-worker.js: an embedded file is then opened on a worker thread of its own
   * (worker-client.ts), so that SQLite's synchronous work does not hold up the main thread.
   */
  worker?: URL | string;
  /**
   * Makes the embedded file a replica of this libSQL server (an embedded replica): reads are
   * local, writes go to the server, and after a write this connection reads it back.
   */
  syncUrl?: string;
  /** Seconds between pulls of what others wrote (with `syncUrl`). */
  syncIntervalSeconds?: number;
  /** The database thread stopped or failed while open (the server then has to stop). */
  onWorkerFailure?: (error: Error) => void;
  /**
   * One database of a libSQL server that keeps several (sqld --enable-namespaces): sent as the
   * x-namespace-bin header, so over http(s) only.
   */
  namespace?: string;
  /** Called with every query drizzle runs outside a batch: the query-plan test reads them. */
  logQuery?: (sql: string, params: unknown[]) => void;
}

export interface DbHandle {
  db: Db;
  client: Client;
  url: string;
  isEmbedded: boolean;
  /** Other server processes may use this database too (a libSQL server, or a replica of one). */
  isShared: boolean;
  close(): void;
  /** Closes and resolves once the database is closed (on its thread, once the thread has stopped). */
  closeAndWait(): Promise<void>;
}

/** The header value by which sqld picks a namespace (unpadded base64 of its name). */
export function namespaceHeader(namespace: string): string {
  return Buffer.from(namespace).toString('base64').replace(/=+$/, '');
}

export const DEFAULT_DATABASE_URL = 'file:data/porchlight.db';

export function isEmbeddedUrl(url: string): boolean {
  return url.startsWith('file:');
}

/** The local path of a `file:` URL (relative paths stay relative to the working directory). */
export function filePathOf(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  return url.slice('file:'.length);
}

class EmbeddedClient implements Client {
  #inner: Client;
  #pragmas: string[];
  #gate: Promise<void> = Promise.resolve();

  constructor(inner: Client, pragmas: string[]) {
    this.#inner = inner;
    this.#pragmas = pragmas;
  }

  get closed() {
    return this.#inner.closed;
  }
  get protocol() {
    return this.#inner.protocol;
  }

  async applyPragmas(): Promise<void> {
    for (const pragma of this.#pragmas) await this.#inner.execute(pragma);
  }

  async #guard<T>(run: () => Promise<T>): Promise<T> {
    await this.#gate;
    try {
      return await run();
    } catch (error) {
      // the driver drops a connection it cannot roll back; a replacement would
      // come without our PRAGMAs
      await this.applyPragmas().catch(() => undefined);
      throw error;
    }
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return this.#guard(() =>
      typeof stmtOrSql === 'string'
        ? this.#inner.execute(stmtOrSql, args)
        : this.#inner.execute(stmtOrSql),
    );
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode) {
    return this.#guard(() => this.#inner.batch(stmts, mode));
  }
  migrate(stmts: InStatement[]) {
    return this.#guard(() => this.#inner.migrate(stmts));
  }
  executeMultiple(sql: string) {
    return this.#guard(() => this.#inner.executeMultiple(sql));
  }
  sync() {
    return this.#inner.sync();
  }
  async transaction(mode?: TransactionMode): Promise<Transaction> {
    // one interactive transaction at a time, and nothing else meanwhile
    const previous = this.#gate;
    let open!: () => void;
    this.#gate = new Promise<void>((resolve) => (open = resolve));
    await previous;
    let tx: Transaction;
    try {
      tx = await this.#inner.transaction(mode);
    } catch (error) {
      open();
      throw error;
    }
    const settle =
      <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        try {
          return await fn(...a);
        } finally {
          open();
        }
      };
    const commit = settle(() => tx.commit());
    const rollback = settle(() => tx.rollback());
    return new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'commit') return commit;
        if (prop === 'rollback') return rollback;
        if (prop === 'close')
          return () => {
            target.close();
            open();
          };
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  }
  close() {
    this.#inner.close();
  }
  reconnect() {
    return this.#inner.reconnect();
  }
}

/** Whether libSQL refused the statement or batch because another connection holds the write lock. */
function isBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Statements that only read: everything else counts as a write. */
const READ_ONLY = /^\s*(select|explain|pragma)\b/i;
function isWrite(sql: string): boolean {
  if (READ_ONLY.test(sql)) return false;
  return !/^\s*with\b/i.test(sql) || /\b(insert|update|delete|replace)\b/i.test(sql);
}

/**
 * A libSQL server (sqld 0.24) copes badly with many write transactions at once: at six or
 * more in flight it answers SQLITE_BUSY, and at eight or more it can stall for seconds
 * (docs/scaling.md). So each server process sends one write (a batch, or a statement that
 * is not a plain read) at a time, as the embedded file's single connection does; reads go
 * at once. A write refused as busy (another process held the lock for over sqld's 100 ms)
 * wrote nothing, since a batch is one transaction, so it is sent again after a short random
 * wait, for up to `busyTimeoutMs`: the patience the embedded file gets from busy_timeout.
 * Interactive transactions are left to their caller.
 */
class RemoteClient implements Client {
  #inner: Client;
  #busyTimeoutMs: number;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(inner: Client, busyTimeoutMs: number) {
    this.#inner = inner;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  get closed() {
    return this.#inner.closed;
  }
  get protocol() {
    return this.#inner.protocol;
  }

  async #patiently<T>(run: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + this.#busyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!isBusy(error) || performance.now() > deadline) throw error;
        const ceiling = Math.min(100, 5 * 2 ** attempt);
        await new Promise((r) => setTimeout(r, ceiling / 2 + Math.random() * (ceiling / 2)));
      }
    }
  }

  /** Runs after the writes before it have settled, and before the ones after it start. */
  #write<T>(run: () => Promise<T>): Promise<T> {
    const result = this.#writes.then(() => this.#patiently(run));
    this.#writes = result.catch(() => undefined);
    return result;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const run = () =>
      typeof stmtOrSql === 'string'
        ? this.#inner.execute(stmtOrSql, args)
        : this.#inner.execute(stmtOrSql);
    const sql = typeof stmtOrSql === 'string' ? stmtOrSql : stmtOrSql.sql;
    return isWrite(sql) ? this.#write(run) : this.#patiently(run);
  }
  batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode) {
    return mode === 'read'
      ? this.#patiently(() => this.#inner.batch(stmts, mode))
      : this.#write(() => this.#inner.batch(stmts, mode));
  }
  migrate(stmts: InStatement[]) {
    return this.#write(() => this.#inner.migrate(stmts));
  }
  executeMultiple(sql: string) {
    return this.#write(() => this.#inner.executeMultiple(sql));
  }
  sync() {
    return this.#inner.sync();
  }
  transaction(mode?: TransactionMode): Promise<Transaction> {
    return this.#inner.transaction(mode);
  }
  close() {
    this.#inner.close();
  }
  reconnect() {
    return this.#inner.reconnect();
  }
}

export async function createDb(url: string, options: DbOptions = {}): Promise<DbHandle> {
  const embedded = isEmbeddedUrl(url);
  const replica = embedded && !!options.syncUrl;
  // an embedded replica is opened where it is used: the thread passes no sync() through
  const worker = replica ? undefined : options.worker;
  // a thread started before the server loaded (early-thread.ts) that this connection won't take
  if (!embedded || !worker) dropEarlyThread();
  let client: Client;
  let thread: WorkerClient | undefined;
  if (embedded) {
    const path = filePathOf(url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const inner = worker
      ? new WorkerClient(
          worker,
          { url, ...(options.encryptionKey ? { encryptionKey: options.encryptionKey } : {}) },
          options.onWorkerFailure,
        )
      : await openLibsqlClient({
          url,
          concurrency: 1,
          ...(options.encryptionKey ? { encryptionKey: options.encryptionKey } : {}),
          ...(replica
            ? {
                syncUrl: options.syncUrl,
                syncInterval: options.syncIntervalSeconds ?? 1,
                ...(options.authToken ? { authToken: options.authToken } : {}),
              }
            : {}),
        });
    if (inner instanceof WorkerClient) thread = inner;
    const wrapped = new EmbeddedClient(
      inner,
      replica
        ? // a replica's file is the driver's to keep: it takes no journal or sync settings
          ['PRAGMA foreign_keys = ON']
        : [
            // another process reading the file (a backup, an operator's sqlite3 shell)
            // can hold a lock for a moment: wait for it instead of failing
            'PRAGMA busy_timeout = 5000',
            'PRAGMA journal_mode = WAL',
            'PRAGMA foreign_keys = ON',
            `PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`,
          ],
    );
    // a replica starts from the server's latest state (migrations are read from it)
    if (replica) await inner.sync();
    await wrapped.applyPragmas();
    client = wrapped;
  } else {
    const namespace = options.namespace;
    if (namespace && !/^https?:/.test(url))
      throw new Error(`a namespace is chosen by a header, which needs an http(s) URL, not ${url}`);
    const inner = await openLibsqlClient({
      url,
      ...(options.authToken ? { authToken: options.authToken } : {}),
      ...(namespace
        ? {
            fetch: (input: Request | string | URL, init?: RequestInit) => {
              const request = new Request(input, init);
              request.headers.set('x-namespace-bin', namespaceHeader(namespace));
              return fetch(request);
            },
          }
        : {}),
    });
    client = new RemoteClient(inner, 5_000);
  }
  const logQuery = options.logQuery;
  const db: Db = construct(client, {
    schema,
    casing: 'snake_case',
    ...(logQuery ? { logger: { logQuery } } : {}),
  });
  return {
    db,
    client,
    url,
    isEmbedded: embedded,
    isShared: !embedded || replica,
    close: () => client.close(),
    closeAndWait: async () => {
      if (thread) await thread.closeAndWait();
      else client.close();
    },
  };
}
