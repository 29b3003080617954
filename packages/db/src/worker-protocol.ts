// The messages between the main thread (worker-client.ts) and the database's
// thread (db-worker.ts).
import type { InArgs, InStatement, Row, TransactionMode, Value } from '@libsql/client';

export interface WorkerOpen {
  url: string;
  encryptionKey?: string;
}

type Batch = Array<InStatement | [string, InArgs?]>;

export type ToWorker = { id: number } & (
  | { op: 'open'; open: WorkerOpen }
  | { op: 'execute'; stmt: InStatement }
  | { op: 'batch'; stmts: Batch; mode?: TransactionMode }
  | { op: 'migrate'; stmts: InStatement[] }
  | { op: 'executeMultiple'; sql: string }
  | { op: 'begin'; tx: number; mode?: TransactionMode }
  | { op: 'txExecute'; tx: number; stmt: InStatement }
  | { op: 'txBatch'; tx: number; stmts: InStatement[] }
  | { op: 'txExecuteMultiple'; tx: number; sql: string }
  | { op: 'commit'; tx: number }
  | { op: 'rollback'; tx: number }
  | { op: 'txClose'; tx: number }
  | { op: 'close' }
);

export interface WireResult {
  columns: string[];
  columnTypes: string[];
  rows: Value[][];
  rowsAffected: number;
  lastInsertRowid: bigint | undefined;
}

export interface WireError {
  name: string;
  message: string;
  code?: string;
  extendedCode?: string;
  rawCode?: number;
  /** LibsqlBatchError: which statement of the batch failed */
  statementIndex?: number;
  cause?: WireError;
}

export type FromWorker =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };

/** A driver row's values in column order (its names are the result's columns). */
export const valuesOf = (row: Row): Value[] =>
  Array.from({ length: row.length }, (_, i) => row[i] ?? null);
