// The worker thread that owns the database file while it is made: it migrates
// it, drops the day-figure triggers and the secondary indexes, writes the
// chunks the main thread posts (counting houses written in shared memory, so
// the main thread stays a few houses ahead and no further), then rebuilds the
// indexes, restores the triggers (checked against what the migration made),
// checks the foreign keys and exits. Ending the thread is what really closes
// the file: libSQL keeps a connection open until its statements are collected,
// and the next connection must not meet it there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createDb, defaultMigrationsFolder, migrateDb } from '@porchlight/db';
import {
  FAILED,
  type FromWriter,
  ROWS,
  type ToWriter,
  Writer,
  type WriterWorkerData,
  WRITTEN,
} from './writer';

/**
 * The triggers that keep house_stats (0008, the meetings' of 0011, the live part's of 0013),
 * as the migrations have them.
 */
const TRIGGER_MIGRATIONS = [
  '0008_portfolio.sql',
  '0011_meeting_day_figures.sql',
  '0013_overview_live_versions.sql',
];
function dayFigureTriggers(): Array<{ name: string; sql: string }> {
  return TRIGGER_MIGRATIONS.flatMap((file) =>
    readFileSync(join(defaultMigrationsFolder, file), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) =>
        s
          .split('\n')
          .filter((line) => !line.trimStart().startsWith('--'))
          .join('\n')
          .trim(),
      )
      .filter((s) => /^CREATE TRIGGER/i.test(s))
      .map((sql) => ({ name: /^CREATE TRIGGER\s+(\w+)/i.exec(sql)?.[1] ?? '', sql })),
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim().replace(/;$/, '');
const sqlByName = (rows: ReadonlyArray<Record<string, unknown>>) =>
  new Map(rows.map((r) => [text(r.name), squash(text(r.sql))]));
const SCHEMA_SQL = 'SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL';

const port = parentPort;
if (!port) throw new Error('writer-worker runs as a worker thread');
const data = workerData as WriterWorkerData;
const shared = new Int32Array(data.shared);

const triggers = dayFigureTriggers();
const migrated = await createDb(`file:${data.path}`);
await migrateDb(migrated.db);
const before = (await migrated.client.execute(SCHEMA_SQL)).rows;
const migratedTriggers = sqlByName(
  before.filter((r) => r.type === 'trigger' && triggers.some((t) => t.name === r.name)),
);
if (migratedTriggers.size !== triggers.length)
  throw new Error(`expected the ${triggers.length} day-figure triggers after migrating`);
for (const [name, sql] of migratedTriggers)
  if (squash(triggers.find((t) => t.name === name)?.sql ?? '') !== sql)
    throw new Error(`trigger ${name} is not as its migration has it: a later migration changed it`);
const indexes = before
  .filter((r) => r.type === 'index')
  .map((r) => ({ name: text(r.name), sql: text(r.sql) }));
for (const t of triggers) await migrated.client.execute(`DROP TRIGGER ${t.name}`);
for (const index of indexes) await migrated.client.execute(`DROP INDEX ${index.name}`);
// out of WAL, so the bulk load can run with no journal at all
await migrated.client.execute('PRAGMA journal_mode = DELETE');
migrated.close();
const writer = new Writer(data.path);

function finish(houseIds: readonly string[]): FromWriter {
  // held meetings went in open so their roll could be written; now they close
  writer.execute("UPDATE meetings SET status = 'closed' WHERE status = 'open'");
  const indexStarted = performance.now();
  for (const index of indexes)
    try {
      writer.execute(index.sql);
    } catch (error) {
      throw new Error(`index ${index.name}: ${(error as Error).message}`, { cause: error });
    }
  const indexMs = Math.round(performance.now() - indexStarted);
  for (const trigger of triggers) writer.execute(trigger.sql);
  writer.execute(
    `INSERT INTO house_stats (house_id, version, dirty_from) VALUES ${houseIds.map(() => "(?, 0, '0000-01-01')").join(',')}`,
    [...houseIds],
  );
  const after = sqlByName(writer.query(SCHEMA_SQL));
  for (const [name, sql] of sqlByName(before))
    if (after.get(name) !== sql) throw new Error(`${name} was not restored as migrated`);
  const keysStarted = performance.now();
  const broken = writer.query('PRAGMA foreign_key_check');
  if (broken.length > 0)
    throw new Error(
      `the generated rows break ${broken.length} foreign keys, e.g. ${JSON.stringify(broken.slice(0, 5))}`,
    );
  const foreignKeyCheckMs = Math.round(performance.now() - keysStarted);
  writer.execute('PRAGMA journal_mode = WAL');
  writer.execute('PRAGMA synchronous = FULL');
  writer.close();
  return { type: 'finished', indexMs, foreignKeyCheckMs };
}

port.on('message', (message: ToWriter) => {
  try {
    if (message.type === 'rows') {
      for (const chunk of message.chunks) writer.take(chunk);
      Atomics.store(shared, ROWS, writer.rowsWritten);
      Atomics.add(shared, WRITTEN, 1);
      Atomics.notify(shared, WRITTEN);
      return;
    }
    port.postMessage(finish(message.houseIds) satisfies FromWriter);
    port.close();
  } catch (error) {
    Atomics.store(shared, FAILED, 1);
    Atomics.notify(shared, WRITTEN);
    throw error;
  }
});
port.postMessage({ type: 'ready' } satisfies FromWriter);
