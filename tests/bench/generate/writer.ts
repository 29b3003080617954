// Batched inserts on libSQL's own driver (the `libsql` package that
// @libsql/client runs on for files): each table's multi-row INSERT is prepared
// once and run for every full chunk of rows, inside transactions of tens of
// thousands of rows. (Through @libsql/client every statement is prepared again
// and every argument list copied: it took about twice the processor time.)
//
// Rows are made into chunks by `Table`s, which hand them to a sink: the
// `Writer` itself, or a worker's queue that posts them to the thread that writes.
import Database from 'libsql';

// rows per INSERT, kept well under SQLite's limit on bound variables (32,766)
const MAX_VARIABLES = 8_000;
const MAX_ROWS = 250;
// rows per transaction
const COMMIT_ROWS = 50_000;

export type Value = string | number | null;

export interface Chunk {
  table: string;
  /** the table's columns, with the first chunk of each table */
  columns?: string[];
  rows: number;
  args: Value[];
}

export interface Sink {
  take(chunk: Chunk): void;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function toSql(value: unknown): Value {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return JSON.stringify(value);
}

export class Table<Row extends object> {
  readonly name: string;
  readonly #fields: readonly (keyof Row & string)[];
  readonly #perStatement: number;
  readonly #sink: Sink;
  #announced = false;
  #args: Value[] = [];
  #rows = 0;
  count = 0;

  constructor(sink: Sink, name: string, fields: readonly (keyof Row & string)[]) {
    this.#sink = sink;
    this.name = name;
    this.#fields = fields;
    this.#perStatement = Math.min(MAX_ROWS, Math.floor(MAX_VARIABLES / fields.length));
  }

  /** Every field of the table's list is written; a missing value is NULL. */
  push(row: Row) {
    const record = row as Record<string, unknown>;
    for (const field of this.#fields) this.#args.push(toSql(record[field]));
    this.#rows += 1;
    this.count += 1;
    if (this.#rows === this.#perStatement) this.seal();
  }

  /** Hands the rows waiting in this table to the sink. */
  seal() {
    if (this.#rows === 0) return;
    const chunk: Chunk = { table: this.name, rows: this.#rows, args: this.#args };
    if (!this.#announced) chunk.columns = this.#fields.map(snake);
    this.#announced = true;
    this.#sink.take(chunk);
    this.#args = [];
    this.#rows = 0;
  }
}

/** Makes the tables' rows into chunks for a sink. */
export class Tables {
  readonly #sink: Sink;
  readonly #tables: Table<object>[] = [];

  constructor(sink: Sink) {
    this.#sink = sink;
  }

  table<Row extends object>(name: string, fields: readonly (keyof Row & string)[]): Table<Row> {
    const table = new Table<Row>(this.#sink, name, fields);
    this.#tables.push(table as unknown as Table<object>);
    return table;
  }

  /** Hands over every row still waiting. */
  seal() {
    for (const table of this.#tables) table.seal();
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.#tables) out[t.name] = (out[t.name] ?? 0) + t.count;
    return out;
  }
}

export class Writer implements Sink {
  readonly #db: Database.Database;
  readonly #columns = new Map<string, string[]>();
  // an array as the one parameter binds its items in order
  readonly #statements = new Map<string, Database.Statement<[Value[]]>>();
  #rowsInTransaction = 0;
  rowsWritten = 0;

  /** Opens `path` for the bulk load: no journal, no syncing, foreign keys checked later. */
  constructor(path: string) {
    this.#db = new Database(path);
    for (const pragma of [
      'PRAGMA journal_mode = OFF',
      'PRAGMA synchronous = OFF',
      'PRAGMA foreign_keys = OFF',
      'PRAGMA cache_size = -1000000',
      'PRAGMA temp_store = MEMORY',
    ])
      this.#db.exec(pragma);
  }

  take(chunk: Chunk) {
    if (chunk.columns) this.#columns.set(chunk.table, chunk.columns);
    const key = `${chunk.table}:${chunk.rows}`;
    let statement = this.#statements.get(key);
    if (!statement) {
      const columns = this.#columns.get(chunk.table);
      if (!columns) throw new Error(`rows for ${chunk.table} came before its columns`);
      const one = `(${columns.map(() => '?').join(',')})`;
      statement = this.#db.prepare<[Value[]]>(
        `INSERT INTO ${chunk.table} (${columns.join(', ')}) VALUES ${Array(chunk.rows).fill(one).join(',')}`,
      );
      this.#statements.set(key, statement);
    }
    if (this.#rowsInTransaction === 0) this.#db.exec('BEGIN');
    statement.run(chunk.args);
    this.#rowsInTransaction += chunk.rows;
    this.rowsWritten += chunk.rows;
    if (this.#rowsInTransaction >= COMMIT_ROWS) this.commit();
  }

  commit() {
    if (this.#rowsInTransaction === 0) return;
    this.#db.exec('COMMIT');
    this.#rowsInTransaction = 0;
  }

  /** One statement on the same connection, outside the bulk transactions. */
  execute(sql: string, args: Value[] = []) {
    this.commit();
    // exec runs a statement to its end; a PRAGMA that answers a row must not be left open
    if (args.length === 0) this.#db.exec(sql);
    else this.#db.prepare<[Value[]]>(sql).run(args);
  }

  query(sql: string, args: Value[] = []): Array<Record<string, unknown>> {
    this.commit();
    return this.#db.prepare<[Value[]]>(sql).all(args) as Array<Record<string, unknown>>;
  }

  close() {
    this.commit();
    this.#statements.clear();
    this.#db.close();
  }
}

// ---------------------------------------------------------------------------
// between the thread that makes the rows and the one that writes them (writer-worker.ts)

/** Shared Int32 slots: houses written, rows written, failed (1). */
export const WRITTEN = 0;
export const ROWS = 1;
export const FAILED = 2;

export interface WriterWorkerData {
  path: string;
  shared: SharedArrayBuffer;
}

export type ToWriter = { type: 'rows'; chunks: Chunk[] } | { type: 'finish'; houseIds: string[] };

export type FromWriter =
  { type: 'ready' } | { type: 'finished'; indexMs: number; foreignKeyCheckMs: number };
