// Several server processes on one libSQL server (sqld), and a server on a read replica
// (issue 11): migrations run once when servers start together, a session made through one
// server holds on another, concurrent check-ins through two servers all arrive, and a
// server reading from a replica sees its own writes, which reach the primary.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateDb, type DbHandle } from '@porchlight/db';
import { startSqld, type RunningSqld } from '@porchlight/db/sqld';
import { addDays, localDateAt } from '@porchlight/domain';
import { makeHouse, makeOrganisation } from '../factories';
import { REPO_ROOT, TMP_DIR } from '../support/paths';
import { signedInResidents, type SignedInResident } from '../support/residents';
import { Browserless, runPorchlight, spawnServer, type SpawnedServer } from '../support/server';

const SECRET = 'porchlight-scaling-secret-0123456789-not-for-production';
const DEMO_PASSWORD = 'porchlight-demo';
const MIGRATIONS = (
  JSON.parse(
    readFileSync(join(REPO_ROOT, 'packages/db/migrations/meta/_journal.json'), 'utf8'),
  ) as { entries: unknown[] }
).entries.length;

const ws = (sqld: RunningSqld) => sqld.url.replace(/^http:/, 'ws:');

let dir: string;
let primary: RunningSqld;
let db: DbHandle;
let a: SpawnedServer;
let b: SpawnedServer;
const stopped: Array<() => Promise<void>> = [];

function serverOn(sqld: RunningSqld, env: Record<string, string> = {}) {
  return spawnServer({ DATABASE_URL: ws(sqld), PORCHLIGHT_SECRET: SECRET, ...env });
}

async function rows(sql: string, args: Array<string | number> = [], on = db) {
  return (await on.client.execute({ sql, args })).rows;
}

/** One text column of the first row. */
async function text(sql: string, args: Array<string | number> = []) {
  const [row] = await rows(sql, args);
  const value = row ? Object.values(row)[0] : undefined;
  if (typeof value !== 'string') throw new Error(`no text from ${sql}`);
  return value;
}

async function signedIn(server: SpawnedServer, email: string) {
  const client = new Browserless(server.url);
  const res = await client.signIn(email, DEMO_PASSWORD);
  expect(res.status, await res.clone().text()).toBe(200);
  return client;
}

async function whoami(server: SpawnedServer, cookie: string) {
  const client = new Browserless(server.url);
  client.cookie = cookie;
  const res = await client.query('account.whoami');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: { user: { email: string } } | null } };
  return body.result.data?.user.email ?? null;
}

async function checkIn(server: SpawnedServer, cookie: string, forDate: string) {
  const res = await fetch(`${server.url}/trpc/checkIns.record`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ mood: 4, craving: 1, halt: [], forDate, note: 'scaling' }),
  });
  const body = (await res.json()) as { result?: { data?: { checkInId?: string } } };
  return { status: res.status, id: body.result?.data?.checkInId, body };
}

beforeAll(async () => {
  dir = join(TMP_DIR, `scaling-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  primary = await startSqld({ dbPath: join(dir, 'primary'), replication: true });
  stopped.push(() => primary.stop());
}, 30_000);

afterAll(async () => {
  db?.close();
  for (const stop of stopped.reverse()) await stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('several servers on one libSQL server', () => {
  it('three servers started at once on a fresh database migrate and seed it once', async () => {
    const three = await Promise.all([serverOn(primary), serverOn(primary), serverOn(primary)]);
    for (const s of three) stopped.push(() => s.stop());
    [a, b] = three;
    db = await createDb(ws(primary));
    expect(await rows('SELECT count(*) AS n FROM __drizzle_migrations')).toEqual([
      { n: MIGRATIONS },
    ]);
    expect(await rows('SELECT count(*) AS n FROM organisations')).toEqual([{ n: 1 }]);
    expect(three.filter((s) => /demo data added/.test(s.output()))).toHaveLength(1);
    // nobody is left holding the start-up lock
    expect(await rows('SELECT * FROM __porchlight_startup_lock')).toEqual([]);
  }, 60_000);

  it('a session made through one server is valid on the other, and ends on both', async () => {
    const resident = await signedIn(a, 'resident@example.org');
    expect(await whoami(b, resident.cookie)).toBe('resident@example.org');
    const out = await new Browserless(b.url).request('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: b.url, cookie: resident.cookie },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect(await whoami(a, resident.cookie)).toBeNull();
  });

  it('1,020 concurrent check-ins through both servers: none fails, every acknowledged one is there', async () => {
    const org = await makeOrganisation(db.db);
    const house = await makeHouse(db.db, org.id, { rooms: 34, bedsPerRoom: 10 });
    const residents = await signedInResidents(db.db, house, new Date(), SECRET, 'scaling');
    const today = localDateAt(new Date(), house.timezone);
    const work: Array<{ resident: SignedInResident; server: SpawnedServer; forDate: string }> = [];
    residents.forEach((resident, i) => {
      for (const back of [0, 1, 2])
        work.push({ resident, server: (i + back) % 2 ? a : b, forDate: addDays(today, -back) });
    });
    expect(work.length).toBe(1020);
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let next = 0;
    // 50 people at once, as the benchmark loads it
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let job = work[next++]; job; job = work[next++]) {
          const result = await checkIn(job.server, job.resident.cookie, job.forDate);
          if (result.status === 200 && result.id) acknowledged.push(result.id);
          else refused.push(`${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
        }
      }),
    );
    expect(refused).toEqual([]);
    expect(acknowledged).toHaveLength(1020);
    const present = await rows(
      'SELECT count(*) AS n FROM check_ins WHERE id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(acknowledged)],
    );
    expect(present).toEqual([{ n: 1020 }]);
  }, 120_000);
});

describe('a server on a read replica', () => {
  let replica: RunningSqld;
  let c: SpawnedServer;

  beforeAll(async () => {
    replica = await startSqld({
      dbPath: join(dir, 'replica'),
      ...(primary.grpcUrl ? { primaryGrpcUrl: primary.grpcUrl } : {}),
    });
    stopped.push(() => replica.stop());
    const onReplica = await createDb(ws(replica));
    // a fresh replica first copies the primary: wait until it holds the schema
    const deadline = Date.now() + 20_000;
    for (;;) {
      const n = await onReplica.client
        .execute('SELECT count(*) AS n FROM __drizzle_migrations')
        .then((r) => Number(r.rows[0]?.n))
        .catch(() => 0);
      if (n === MIGRATIONS) break;
      if (Date.now() > deadline) throw new Error('the replica did not catch up within 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    onReplica.close();
    c = await serverOn(replica);
    stopped.push(() => c.stop());
  }, 60_000);

  it('sends its writes on to the primary, and reads them once the replica has caught up', async () => {
    const resident = await signedIn(c, 'housemate@example.org');
    const timezone = await text(
      `SELECT h.timezone FROM houses h JOIN residents r ON r.house_id = h.id
        JOIN users u ON u.id = r.user_id WHERE u.email = 'housemate@example.org'`,
    );
    const residentId = await text(
      `SELECT r.id FROM residents r JOIN users u ON u.id = r.user_id WHERE u.email = ?`,
      ['housemate@example.org'],
    );
    const today = localDateAt(new Date(), timezone);
    // the demo has checked this resident in on most days: find a day of the last three without one
    const taken = new Set(
      (
        await rows(
          `SELECT for_date FROM check_ins WHERE resident_id = ? AND kind = 'daily' AND corrects_id IS NULL`,
          [residentId],
        )
      ).map((r) => r.for_date),
    );
    const forDate = [0, 1, 2].map((back) => addDays(today, -back)).find((d) => !taken.has(d));
    if (!forDate)
      throw new Error('the demo resident has checked in on each of the last three days');
    const written = await checkIn(c, resident.cookie, forDate);
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    if (!written.id) throw new Error('no check-in id');
    // the write went to the primary before the server answered
    expect(await rows('SELECT id FROM check_ins WHERE id = ?', [written.id])).toEqual([
      { id: written.id },
    ]);
    // a sqld replica does not promise a connection its own writes at once (docs/scaling.md):
    // it has them within moments
    const deadline = Date.now() + 5_000;
    for (;;) {
      const res = await resident.query('checkIns.history', { residentId });
      expect(res.status).toBe(200);
      if (JSON.stringify(await res.json()).includes(written.id)) break;
      if (Date.now() > deadline) throw new Error('the replica did not have the write within 5 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 60_000);
});

describe('a server on an embedded replica (DATABASE_SYNC_URL)', () => {
  let d: SpawnedServer;
  let residents: SignedInResident[];
  let own: RunningSqld;
  let ownDb: DbHandle;

  beforeAll(async () => {
    // a primary of its own, migrated, with the residents signed in before the replica copies it
    own = await startSqld({ dbPath: join(dir, 'replica-primary') });
    stopped.push(() => own.stop());
    ownDb = await createDb(ws(own));
    stopped.push(() => Promise.resolve(ownDb.close()));
    await migrateDb(ownDb.db);
    const org = await makeOrganisation(ownDb.db);
    const house = await makeHouse(ownDb.db, org.id, { rooms: 2, bedsPerRoom: 10 });
    residents = await signedInResidents(ownDb.db, house, new Date(), SECRET, 'replica');
    d = await spawnServer(
      {
        DATABASE_URL: `file:${join(dir, 'embedded-replica', 'porchlight.db')}`,
        DATABASE_SYNC_URL: own.url,
        PORCHLIGHT_SECRET: SECRET,
        SEED_DEMO: 'false',
      },
      // a new replica first copies the primary
      { startTimeoutMs: 60_000 },
    );
    stopped.push(() => d.stop());
  }, 120_000);

  it('reads each of its own writes back at once: 60 check-ins, each read in its history straight after', async () => {
    const today = localDateAt(new Date(), 'America/Chicago');
    const misses: string[] = [];
    for (const back of [0, 1, 2])
      for (const resident of residents) {
        const written = await checkIn(d, resident.cookie, addDays(today, -back));
        expect(written.status, JSON.stringify(written.body)).toBe(200);
        if (!written.id) throw new Error('no check-in id');
        const client = new Browserless(d.url);
        client.cookie = resident.cookie;
        const res = await client.query('checkIns.history', { residentId: resident.residentId });
        expect(res.status).toBe(200);
        if (!JSON.stringify(await res.json()).includes(written.id)) misses.push(written.id);
      }
    expect(misses).toEqual([]);
    // and every one is on the primary
    const [{ n } = { n: 0 }] = await rows(
      `SELECT count(*) AS n FROM check_ins WHERE resident_id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(residents.map((r) => r.residentId))],
      ownDb,
    );
    expect(n).toBe(60);
  }, 120_000);
});

describe('a replica that is set up wrong', () => {
  it('refuses to start, naming the setting', async () => {
    const file = `file:${join(dir, 'wrong', 'porchlight.db')}`;
    const noSecret = await runPorchlight([], {
      DATABASE_URL: file,
      DATABASE_SYNC_URL: primary.url,
    });
    expect(noSecret.code).not.toBe(0);
    expect(noSecret.stderr).toMatch(/PORCHLIGHT_SECRET is required/);
    const wsSync = await runPorchlight([], {
      DATABASE_URL: file,
      DATABASE_SYNC_URL: ws(primary),
      PORCHLIGHT_SECRET: SECRET,
    });
    expect(wsSync.code).not.toBe(0);
    expect(wsSync.stderr).toMatch(/DATABASE_SYNC_URL must be the libSQL server's http/);
    const onServer = await runPorchlight([], {
      DATABASE_URL: ws(primary),
      DATABASE_SYNC_URL: primary.url,
      PORCHLIGHT_SECRET: SECRET,
    });
    expect(onServer.code).not.toBe(0);
    expect(onServer.stderr).toMatch(/DATABASE_SYNC_URL makes the embedded file/);
  });
});

describe('the ws client keeps streams between calls (patches/@libsql__client)', () => {
  it('never hands on a stream left inside a transaction, nor one whose call failed', async () => {
    const one = await createDb(ws(primary));
    const other = await createDb(ws(primary));
    try {
      await one.client.execute('CREATE TABLE kept_streams (a INTEGER)');
      // a BEGIN sent on its own ends with its stream: the next statement is not inside it
      await one.client.execute('BEGIN');
      await one.client.execute('INSERT INTO kept_streams VALUES (1)');
      expect((await other.client.execute('SELECT count(*) AS n FROM kept_streams')).rows).toEqual([
        { n: 1 },
      ]);
      await expect(one.client.execute('INSERT INTO no_such_table VALUES (1)')).rejects.toThrow();
      await expect(
        one.client.batch(['INSERT INTO kept_streams VALUES (2)', 'INSERT INTO nowhere VALUES (1)']),
      ).rejects.toThrow();
      // many calls at once, each on a stream of its own, then kept ones again
      const counts = await Promise.all(
        Array.from({ length: 40 }, () =>
          one.client.execute('SELECT count(*) AS n FROM kept_streams'),
        ),
      );
      expect(new Set(counts.map((r) => Number(r.rows[0]?.n)))).toEqual(new Set([1]));
      await one.client.execute('INSERT INTO kept_streams VALUES (3)');
      expect((await other.client.execute('SELECT count(*) AS n FROM kept_streams')).rows).toEqual([
        { n: 2 },
      ]);
    } finally {
      one.close();
      other.close();
    }
  });
});
