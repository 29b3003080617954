// `porchlight verify-audit` (issue 10) on the real server's file: the server
// seals what it writes, the command finds the chain intact while the server
// runs and after it stops, then reports an entry edited directly in the file,
// and a head noted earlier that the log no longer holds.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@porchlight/db/seed';
import { TMP_DIR } from '../support/paths';
import { Browserless, runPorchlight, spawnServer, type SpawnedServer } from '../support/server';

let server: SpawnedServer;
// the file outlives the server: the later tests edit it with the server stopped
const dir = join(TMP_DIR, `verify-audit-${randomUUID()}`);
const verify = (...args: string[]) =>
  runPorchlight(['verify-audit', ...args], { DATABASE_URL: `file:${server.dbPath}` });

async function inFile<T>(work: (client: ReturnType<typeof createClient>) => Promise<T>) {
  const client = createClient({ url: `file:${server.dbPath}` });
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  server = await spawnServer({ SEED_DEMO: 'true' }, { dbPath: join(dir, 'porchlight.db') });
}, 60_000);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('porchlight verify-audit', () => {
  let head = '';

  it('finds the chain intact beside the running server, with what it wrote sealed', async () => {
    const resident = new Browserless(server.url);
    expect((await resident.signIn('resident@example.org', DEMO_PASSWORD)).ok).toBe(true);
    const res = await resident.mutate('support.logVolunteering', {
      date: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
      hours: 2,
      what: 'Food bank',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    // the server seals a moment after it writes
    await expect
      .poll(
        () =>
          inFile(async (c) =>
            Number(
              (await c.execute('SELECT count(*) FROM audit_log WHERE hash IS NULL')).rows[0]?.[0],
            ),
          ),
        { timeout: 10_000 },
      )
      .toBe(0);
    const run = await verify();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Audit log intact: [\d,]+ sealed entries\./);
    head = /Head: (\d+:[0-9a-f]{64})/.exec(run.stdout)?.[1] ?? '';
    expect(head).not.toBe('');
    const again = await verify(head);
    expect(again.code, again.stdout).toBe(0);
  });

  it('reports an entry edited directly in the file, naming it', async () => {
    await server.stop();
    const id = await inFile(async (c) => {
      const entry = await c.execute(
        "SELECT id FROM audit_log WHERE action = 'support.logVolunteering' ORDER BY id DESC LIMIT 1",
      );
      const entryId = Number(entry.rows[0]?.[0]);
      await c.execute('DROP TRIGGER audit_log_no_update');
      await c.execute({
        sql: "UPDATE audit_log SET actor_user_id = 'someone-else' WHERE id = ?",
        args: [entryId],
      });
      return entryId;
    });
    const run = await verify();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Audit log BROKEN');
    expect(run.stdout).toMatch(new RegExp(`entry ${id}: its hash does not match`));
  });

  it('reports a head noted earlier that the log no longer holds, and a malformed one', async () => {
    const [id] = head.split(':');
    await inFile(async (c) => {
      await c.execute('DROP TRIGGER audit_log_no_delete');
      await c.execute({ sql: 'DELETE FROM audit_log WHERE id >= ?', args: [Number(id)] });
      // the autoincrement counter put back too, so that only the noted head can tell
      await c.execute({
        sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'",
        args: [Number(id) - 1],
      });
    });
    const run = await verify(head);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`entry ${id}: the head noted earlier is gone from the log`);
    const wrong = await verify('12:not-a-hash');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/"12:not-a-hash" is not a head/);
  });
});
