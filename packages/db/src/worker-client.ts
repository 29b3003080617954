// A libSQL client whose connection lives on a worker thread (db-worker.ts).
// The embedded driver runs each statement synchronously: on the main thread a
// heavy query, or fifty requests' worth of small ones, holds up every other
// request, timer and socket. Here the main thread sends the statement, goes on
// serving, and gets the rows back as a message, rebuilt into the same rows the
// driver makes. createDb wraps it like the in-process connection (the PRAGMAs,
// and one interactive transaction at a time with nothing else meanwhile).
import { Worker } from 'node:worker_threads';
import { DATABASE_THREAD_OPTIONS, takeEarlyThread } from './early-thread';
import type {
  Client,
  InArgs,
  InStatement,
  ResultSet,
  Row,
  Transaction,
  TransactionMode,
  Value,
} from '@libsql/client';
// the driver's own error classes, without loading the driver on this thread (driver.ts)
import { LibsqlBatchError, LibsqlError } from '@libsql/core/api';
import {
  valuesOf,
  type FromWorker,
  type ToWorker,
  type WireError,
  type WireResult,
  type WorkerOpen,
} from './worker-protocol';

type Message = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, 'id'> : never) : never;

class WireResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}
  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map(valuesOf),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid?.toString() ?? null,
    };
  }
}

const VALUES = Symbol('values');

/**
 * Makes the rows of one result the way the driver itself makes them: values by index (not
 * own, not enumerable) and by column name (enumerable; the first of two same-named columns),
 * with a length. The driver defines every property of every row one at a time, which costs
 * several times the copy itself; here the indexes and the length live once on a prototype
 * shared by the result's rows, and each row only sets its named values.
 */
function rowMaker(columns: string[]): (values: Value[]) => Row {
  const shape: object = {};
  Object.defineProperty(shape, 'length', { value: columns.length });
  const named: Array<[string, number]> = [];
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    Object.defineProperty(shape, i, {
      get(this: { [VALUES]: Value[] }) {
        return this[VALUES][i] ?? null;
      },
    });
    if (!seen.has(column)) {
      seen.add(column);
      named.push([column, i]);
    }
  });
  return (values) => {
    const row = Object.create(shape) as Record<string | symbol, unknown>;
    Object.defineProperty(row, VALUES, { value: values });
    for (const [column, i] of named) row[column] = values[i] ?? null;
    return row as unknown as Row;
  };
}

function resultOf(wire: WireResult): ResultSet {
  return new WireResultSet(
    wire.columns,
    wire.columnTypes,
    wire.rows.map(rowMaker(wire.columns)),
    wire.rowsAffected,
    wire.lastInsertRowid,
  );
}

function errorOf(wire: WireError): Error {
  const cause = wire.cause ? errorOf(wire.cause) : undefined;
  // LibsqlError puts its code before the message; made again here, it would twice
  const message =
    wire.code && wire.message.startsWith(`${wire.code}: `)
      ? wire.message.slice(wire.code.length + 2)
      : wire.message;
  if (wire.code && typeof wire.statementIndex === 'number')
    return new LibsqlBatchError(
      message,
      wire.statementIndex,
      wire.code,
      wire.extendedCode,
      wire.rawCode,
      cause,
    );
  if (wire.code) return new LibsqlError(message, wire.code, wire.extendedCode, wire.rawCode, cause);
  const error = new Error(wire.message, cause ? { cause } : undefined);
  error.name = wire.name;
  return error;
}

/**
 * What this client uses of the thread. (The dashboard type-checks this file through the
 * API's types with the DOM's own Worker in scope, so the Node one is named by its use.)
 */
interface Thread {
  on(event: 'message', listener: (reply: FromWorker) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  postMessage(message: ToWorker): void;
  ref(): void;
  unref(): void;
  terminate(): Promise<number>;
}

const statementOf = (stmtOrSql: InStatement | string, args?: InArgs): InStatement =>
  typeof stmtOrSql === 'string'
    ? args === undefined
      ? stmtOrSql
      : { sql: stmtOrSql, args }
    : stmtOrSql;

export class WorkerClient implements Client {
  #worker: Thread;
  #next = 1;
  #nextTx = 1;
  #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #closed = false;
  #failure: Error | null = null;
  #stopped = false;

  /** `onFailure`: the thread stopped or failed while the client was open (nothing more can run). */
  constructor(script: URL | string, open: WorkerOpen, onFailure?: (error: Error) => void) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed where the DOM Worker is in scope (above)
    this.#worker = (takeEarlyThread(script) ??
      new Worker(script, DATABASE_THREAD_OPTIONS)) as unknown as Thread;
    this.#worker.unref();
    this.#worker.on('message', (reply: FromWorker) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(errorOf(reply.error));
    });
    const fail = (error: Error) => {
      if (this.#failure) return;
      this.#failure = error;
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
      onFailure?.(error);
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => {
      this.#stopped = true;
      if (!this.#closed) fail(new Error(`the database thread stopped (exit code ${code})`));
    });
    // the first message names the file; should it not open, every statement after it says why
    this.#send({ op: 'open', open }).catch(() => undefined);
  }

  #send<T>(message: Message): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed)
      return Promise.reject(new LibsqlError('The client is closed', 'CLIENT_CLOSED'));
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      // in flight, the thread keeps the process alive; idle, it does not
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const wire: ToWorker = { ...message, id };
      this.#worker.postMessage(wire);
    });
  }

  get closed() {
    return this.#closed;
  }
  get protocol() {
    return 'file' as const;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return resultOf(
      await this.#send<WireResult>({ op: 'execute', stmt: statementOf(stmtOrSql, args) }),
    );
  }
  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode) {
    const results = await this.#send<WireResult[]>({
      op: 'batch',
      stmts,
      ...(mode ? { mode } : {}),
    });
    return results.map(resultOf);
  }
  async migrate(stmts: InStatement[]) {
    return (await this.#send<WireResult[]>({ op: 'migrate', stmts })).map(resultOf);
  }
  async executeMultiple(sql: string) {
    await this.#send({ op: 'executeMultiple', sql });
  }
  sync(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  async transaction(mode?: TransactionMode): Promise<Transaction> {
    const tx = this.#nextTx++;
    await this.#send({ op: 'begin', tx, ...(mode ? { mode } : {}) });
    let closed = false;
    const settle = async (op: 'commit' | 'rollback') => {
      if (closed) return;
      closed = true;
      await this.#send({ op, tx });
    };
    const send = this.#send.bind(this);
    return {
      async execute(stmt: InStatement) {
        return resultOf(await send<WireResult>({ op: 'txExecute', tx, stmt }));
      },
      async batch(stmts: InStatement[]) {
        return (await send<WireResult[]>({ op: 'txBatch', tx, stmts })).map(resultOf);
      },
      async executeMultiple(sql: string) {
        await send({ op: 'txExecuteMultiple', tx, sql });
      },
      commit: () => settle('commit'),
      rollback: () => settle('rollback'),
      close() {
        if (closed) return;
        closed = true;
        void send({ op: 'txClose', tx }).catch(() => undefined);
      },
      get closed() {
        return closed;
      },
    };
  }
  /**
   * Closes the file and resolves once the thread has stopped. A process that exits while the
   * thread is still closing the file stops it inside the driver, which then aborts the process.
   */
  async closeAndWait(): Promise<void> {
    const stopped = this.#stopped
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          this.#worker.on('exit', () => resolve());
        });
    this.close();
    await stopped;
  }
  close() {
    if (this.#closed) return;
    const done = this.#send({ op: 'close' });
    this.#closed = true;
    void done.finally(() => void this.#worker.terminate()).catch(() => undefined);
  }
  reconnect(): void {
    // one connection, on its thread, for the client's life
  }
}
