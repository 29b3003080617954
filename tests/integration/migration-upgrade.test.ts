// A database made by the first released schema (tests/fixtures/first-schema.db,
// rows in every table; see fixtures/make-first-schema.ts) migrates to the
// current schema with every row intact: each column the first schema had keeps
// every row's value, and the file checks ok afterwards.
import { copyFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, expect, it } from 'vitest';
import { createDb, migrateDb } from '@porchlight/db';
import { FIRST_ROWS, FIRST_SCHEMA_DB } from '../fixtures/make-first-schema';
import { TMP_DIR } from '../support/paths';

const path = join(TMP_DIR, `upgrade-${randomUUID()}.db`);
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
});

async function rowsOf(file: string) {
  const client = createClient({ url: `file:${file}` });
  try {
    const tables = (
      await client.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
      )
    ).rows.map((r) => r[0] as string);
    const out: Record<string, { columns: string[]; rows: unknown[][] }> = {};
    for (const table of tables) {
      const columns = (await client.execute(`PRAGMA table_info("${table}")`)).rows.map(
        (r) => r.name as string,
      );
      const rows = (await client.execute(`SELECT * FROM "${table}" ORDER BY rowid`)).rows.map((r) =>
        columns.map((c) => r[c]),
      );
      out[table] = { columns, rows };
    }
    const migrations = Number(
      (await client.execute('SELECT count(*) FROM __drizzle_migrations')).rows[0]?.[0],
    );
    return { tables: out, migrations };
  } finally {
    client.close();
  }
}

it('a database of the first released schema migrates to the current one with every row intact', async () => {
  const before = await rowsOf(FIRST_SCHEMA_DB);
  // the fixture is what it says: the first migration only, a row in every table
  expect(before.migrations).toBe(1);
  expect(Object.keys(before.tables).sort()).toEqual(Object.keys(FIRST_ROWS).sort());
  for (const [table, { rows }] of Object.entries(before.tables))
    expect(rows.length, table).toBe(FIRST_ROWS[table]?.length);

  copyFileSync(FIRST_SCHEMA_DB, path);
  const handle = await createDb(`file:${path}`);
  try {
    await migrateDb(handle.db);
    const integrity = await handle.client.execute('PRAGMA integrity_check');
    expect(integrity.rows[0]?.[0]).toBe('ok');
    const keys = await handle.client.execute('PRAGMA foreign_key_check');
    expect(keys.rows).toEqual([]);
  } finally {
    handle.close();
  }

  const after = await rowsOf(path);
  expect(after.migrations).toBeGreaterThan(1);
  for (const [table, old] of Object.entries(before.tables)) {
    const now = after.tables[table];
    expect(now, `${table} is still there`).toBeDefined();
    if (!now) continue;
    // every column of the first schema is still there, with every row's value
    const at = old.columns.map((c) => now.columns.indexOf(c));
    expect(
      old.columns.filter((_, i) => at[i] === -1),
      `${table}: columns gone`,
    ).toEqual([]);
    expect(
      now.rows.map((row) => at.map((i) => row[i])),
      `${table}: rows`,
    ).toEqual(old.rows);
  }
});
