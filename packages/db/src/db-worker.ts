// The embedded database's own thread (worker-client.ts is the other side). It
// owns the one libSQL connection to the file and runs what the main thread
// sends, one message at a time: SQLite's work, which is synchronous in this
// driver, no longer holds up the main thread's requests, timers and sockets.
import { parentPort } from 'node:worker_threads';
import { createClient, type Client, type ResultSet, type Transaction } from '@libsql/client';
import {
  valuesOf,
  type FromWorker,
  type ToWorker,
  type WireError,
  type WireResult,
  type WorkerOpen,
} from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('db-worker runs as a worker thread');

// The file is named by the first message ('open'): a server starts this thread
// before it has read its configuration, so that the driver loads here while the
// server's own code loads on the main thread (early-thread.ts).
let opened: Client | undefined;
let notOpened: Error | undefined;
function openClient(open: WorkerOpen) {
  if (opened) throw new Error('the database is already open on this thread');
  try {
    opened = createClient({
      url: open.url,
      concurrency: 1,
      ...(open.encryptionKey ? { encryptionKey: open.encryptionKey } : {}),
    });
  } catch (error) {
    notOpened = error instanceof Error ? error : new Error(String(error));
    throw notOpened;
  }
}
function clientOf(): Client {
  if (notOpened) throw notOpened;
  if (!opened) throw new Error('the database is not open on this thread');
  return opened;
}
const transactions = new Map<number, Transaction>();

function wire(result: ResultSet): WireResult {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rows: result.rows.map(valuesOf),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
  };
}

function wireError(error: unknown): WireError {
  const e = error as {
    message?: unknown;
    code?: unknown;
    extendedCode?: unknown;
    rawCode?: unknown;
    name?: unknown;
    statementIndex?: unknown;
  };
  const cause = (error as { cause?: unknown }).cause;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.extendedCode === 'string' ? { extendedCode: e.extendedCode } : {}),
    ...(typeof e.rawCode === 'number' ? { rawCode: e.rawCode } : {}),
    ...(typeof e.statementIndex === 'number' ? { statementIndex: e.statementIndex } : {}),
    ...(cause instanceof Error ? { cause: wireError(cause) } : {}),
  };
}

function txOf(id: number): Transaction {
  const tx = transactions.get(id);
  if (!tx) throw new Error(`no open transaction ${id}`);
  return tx;
}

async function run(message: ToWorker): Promise<unknown> {
  if (message.op === 'open') {
    openClient(message.open);
    return null;
  }
  const client = clientOf();
  switch (message.op) {
    case 'execute':
      return wire(await client.execute(message.stmt));
    case 'batch':
      return (await client.batch(message.stmts, message.mode)).map(wire);
    case 'migrate':
      return (await client.migrate(message.stmts)).map(wire);
    case 'executeMultiple':
      await client.executeMultiple(message.sql);
      return null;
    case 'begin':
      transactions.set(message.tx, await client.transaction(message.mode));
      return null;
    case 'txExecute':
      return wire(await txOf(message.tx).execute(message.stmt));
    case 'txBatch':
      return (await txOf(message.tx).batch(message.stmts)).map(wire);
    case 'txExecuteMultiple':
      await txOf(message.tx).executeMultiple(message.sql);
      return null;
    case 'commit':
      await txOf(message.tx).commit();
      transactions.delete(message.tx);
      return null;
    case 'rollback':
      await txOf(message.tx).rollback();
      transactions.delete(message.tx);
      return null;
    case 'txClose':
      transactions.get(message.tx)?.close();
      transactions.delete(message.tx);
      return null;
    case 'close':
      for (const tx of transactions.values()) tx.close();
      transactions.clear();
      client.close();
      return null;
  }
}

// one at a time, in the order sent: the connection is single, and so is the order of writes
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    let reply: FromWorker;
    try {
      reply = { id: message.id, ok: true, result: await run(message) };
    } catch (error) {
      reply = { id: message.id, ok: false, error: wireError(error) };
    }
    port.postMessage(reply);
    if (message.op === 'close') port.close();
  });
});
