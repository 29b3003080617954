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
  /** The database thread stopped or failed while open (the server then has to stop). */
  onWorkerFailure?: (error: Error) => void;
  /** Called with every query drizzle runs outside a batch: the query-plan test reads them. */
  logQuery?: (sql: string, params: unknown[]) => void;
}

export interface DbHandle {
  db: Db;
  client: Client;
  url: string;
  isEmbedded: boolean;
  close(): void;
  /** Closes and resolves once the database is closed (on its thread, once the thread has stopped). */
  closeAndWait(): Promise<void>;
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

export async function createDb(url: string, options: DbOptions = {}): Promise<DbHandle> {
  const embedded = isEmbeddedUrl(url);
  // a thread started before the server loaded (early-thread.ts) that this connection won't take
  if (!embedded || !options.worker) dropEarlyThread();
  let client: Client;
  let thread: WorkerClient | undefined;
  if (embedded) {
    const path = filePathOf(url);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const inner = options.worker
      ? new WorkerClient(
          options.worker,
          { url, ...(options.encryptionKey ? { encryptionKey: options.encryptionKey } : {}) },
          options.onWorkerFailure,
        )
      : await openLibsqlClient({
          url,
          concurrency: 1,
          ...(options.encryptionKey ? { encryptionKey: options.encryptionKey } : {}),
        });
    if (inner instanceof WorkerClient) thread = inner;
    const wrapped = new EmbeddedClient(inner, [
      // another process reading the file (a backup, an operator's sqlite3 shell)
      // can hold a lock for a moment: wait for it instead of failing
      'PRAGMA busy_timeout = 5000',
      'PRAGMA journal_mode = WAL',
      'PRAGMA foreign_keys = ON',
      `PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`,
    ]);
    await wrapped.applyPragmas();
    client = wrapped;
  } else {
    client = await openLibsqlClient({
      url,
      ...(options.authToken ? { authToken: options.authToken } : {}),
    });
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
    close: () => client.close(),
    closeAndWait: async () => {
      if (thread) await thread.closeAndWait();
      else client.close();
    },
  };
}
