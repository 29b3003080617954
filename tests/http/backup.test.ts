// The backup drill (issue 10): `porchlight backup FILE` while a resident keeps
// writing (volunteer hours, from four tabs at once), then `porchlight restore FILE` into the stopped server, which starts
// again on the restored file. The backup holds every write acknowledged before
// it began, checks ok, and has the same rows as the live file in every table
// the writes did not touch.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@porchlight/db/seed';
import { TMP_DIR } from '../support/paths';
import { Browserless, runPorchlight, spawnServer, type SpawnedServer } from '../support/server';

interface TrpcOk<T> {
  result: { data: T };
}

/** The command line on the drill's database. */
function porchlight(args: string[], dbPath: string) {
  return runPorchlight(args, { DATABASE_URL: `file:${dbPath}` });
}

async function tableCounts(path: string) {
  const client = createClient({ url: `file:${path}` });
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    const counts: Record<string, number> = {};
    for (const row of tables.rows) {
      const name = row[0] as string;
      counts[name] = Number((await client.execute(`SELECT count(*) FROM "${name}"`)).rows[0]?.[0]);
    }
    const integrity = (await client.execute('PRAGMA integrity_check')).rows[0]?.[0];
    return { counts, integrity };
  } finally {
    client.close();
  }
}

async function entryIdsIn(path: string, ids: readonly string[]) {
  const client = createClient({ url: `file:${path}` });
  try {
    const found = await client.execute({
      sql: `SELECT id FROM volunteering WHERE id IN (${ids.map(() => '?').join(',')})`,
      args: [...ids],
    });
    return new Set(found.rows.map((r) => r[0] as string));
  } finally {
    client.close();
  }
}

describe('backup and restore', () => {
  let server: SpawnedServer;
  let dbPath: string;
  let backupPath: string;
  const acknowledged: string[] = [];
  let ackedBeforeBackup: string[] = [];

  const dir = join(TMP_DIR, `backup-drill-${randomUUID()}`);

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    dbPath = join(dir, 'porchlight.db');
    backupPath = join(dir, 'backup.db');
    server = await spawnServer({}, { dbPath });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up while residents write: consistent, checked, and every earlier acknowledged write is in it', async () => {
    const resident = new Browserless(server.url);
    expect((await resident.signIn('resident@example.org', DEMO_PASSWORD)).status).toBe(200);
    // two days ago on any clock, so it is never in the house's future
    const date = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    let writing = true;
    const failures: string[] = [];
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const res = await resident.mutate('support.logVolunteering', {
          date,
          hours: 1,
          what: `Drill ${n}-${i}`,
        });
        if (res.ok)
          acknowledged.push(
            ((await res.json()) as TrpcOk<{ entryId: string }>).result.data.entryId,
          );
        else failures.push(`${res.status} ${await res.text()}`);
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    ackedBeforeBackup = [...acknowledged];
    const backup = await porchlight(['backup', backupPath], dbPath);
    writing = false;
    await Promise.all(writers);

    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backed up to .*backup\.db: [\d.]+ MB, [\d,]+ rows, integrity ok/,
    );
    expect(failures).toEqual([]);

    const copy = await tableCounts(backupPath);
    expect(copy.integrity).toBe('ok');
    const inBackup = await entryIdsIn(backupPath, ackedBeforeBackup);
    expect(ackedBeforeBackup.filter((id) => !inBackup.has(id))).toEqual([]);

    // a second backup to the same name is refused, and the first is left as it was
    const again = await porchlight(['backup', backupPath], dbPath);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: name a new file/);
    expect((await tableCounts(backupPath)).counts).toEqual(copy.counts);
  });

  it('refuses to restore under a running server, then restores into the stopped one, which serves the backup', async () => {
    const refused = await porchlight(['restore', backupPath], dbPath);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a Porchlight server is running on .*: stop it, then restore/);

    await server.stop();
    const live = await tableCounts(dbPath);
    const copy = await tableCounts(backupPath);
    // the writes of the drill touched only these tables, and the server works out the houses'
    // day figures once it has a quiet moment, which may come after the backup: every other
    // table is the same
    const written = new Set([
      'volunteering',
      'audit_log',
      'sessions',
      'rate_limits',
      'house_day_stats',
      'house_stats',
    ]);
    for (const [table, rows] of Object.entries(live.counts)) {
      if (written.has(table)) expect(copy.counts[table], table).toBeLessThanOrEqual(rows);
      else expect(copy.counts[table], table).toBe(rows);
    }

    const restored = await porchlight(['restore', backupPath], dbPath);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /^Restored .* integrity ok\.\nThe database it replaced is kept as /,
    );
    const kept = readdirSync(dirname(dbPath)).filter((f) => f.includes('.before-restore-'));
    expect(kept.some((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toBe(true);
    expect((await tableCounts(dbPath)).counts).toEqual(copy.counts);

    server = await spawnServer({}, { dbPath });
    const resident = new Browserless(server.url);
    expect((await resident.signIn('resident@example.org', DEMO_PASSWORD)).status).toBe(200);
    const present = await entryIdsIn(dbPath, ackedBeforeBackup);
    expect(present.size).toBe(ackedBeforeBackup.length);
    expect(existsSync(`${dbPath}.lock`)).toBe(true);
  });
});
