// The embedded database rules of DESIGN.md, proven on a real file: WAL, foreign
// keys and synchronous FULL on the connection in use, atomic batches, and many
// concurrent writers with zero errors and zero lost rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq, preparedQuery, schema, sql } from '@porchlight/db';
import { callerAs, makeHouse, makeOrganisation, makeUser } from '../factories';
import { testDb, type TestDb } from '../support/db';
import { remoteTestServer } from '../support/remote';

/** PRAGMAs are the embedded file's own: a libSQL server sets its connections up itself. */
const embedded = remoteTestServer() === null;

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.destroy());

async function pragma(name: string) {
  const rs = await t.client.execute(`PRAGMA ${name}`);
  return rs.rows[0]?.[0];
}

describe('the database', () => {
  it.runIf(embedded)(
    'runs in WAL mode with foreign keys on, synchronous FULL and a busy timeout',
    async () => {
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('synchronous')).toBe(2);
    },
  );

  it('reuses a kept statement correctly after a refused write and after the schema changes', async () => {
    // the driver keeps prepared statements (patches/@libsql__client…): the same SQL runs again
    const insert = 'insert into organisations (id, name) values (?, ?)';
    await t.client.execute({ sql: insert, args: ['kept-1', 'One'] });
    await expect(t.client.execute({ sql: insert, args: ['kept-1', 'Again'] })).rejects.toThrow(
      /UNIQUE/,
    );
    await t.client.execute({ sql: insert, args: ['kept-2', 'Two'] });
    const read = 'select id, name from organisations where id in (?, ?) order by id';
    const before = await t.client.execute({ sql: read, args: ['kept-1', 'kept-2'] });
    expect(before.rows.map((r) => [r.id, r.name])).toEqual([
      ['kept-1', 'One'],
      ['kept-2', 'Two'],
    ]);
    await t.client.execute('alter table organisations add column kept_note text');
    await t.client.execute("update organisations set name = 'Uno' where id = 'kept-1'");
    const after = await t.client.execute({ sql: read, args: ['kept-1', 'kept-2'] });
    expect(after.rows.map((r) => [r.id, r.name])).toEqual([
      ['kept-1', 'Uno'],
      ['kept-2', 'Two'],
    ]);
  });

  it('a prepared query runs on the database it is given, with the values of each call', async () => {
    const other = await testDb();
    try {
      const byId = preparedQuery((db) =>
        db
          .select({ name: schema.organisations.name })
          .from(schema.organisations)
          .where(eq(schema.organisations.id, sql.placeholder('id')))
          .prepare(),
      );
      await t.db.insert(schema.organisations).values({ id: 'org-a', name: 'Here' });
      await other.db.insert(schema.organisations).values({ id: 'org-a', name: 'There' });
      await t.db.insert(schema.organisations).values({ id: 'org-b', name: 'Here too' });
      expect(await byId(t.db).get({ id: 'org-a' })).toEqual({ name: 'Here' });
      expect(await byId(other.db).get({ id: 'org-a' })).toEqual({ name: 'There' });
      expect(await byId(t.db).get({ id: 'org-b' })).toEqual({ name: 'Here too' });
      expect(await byId(other.db).get({ id: 'org-b' })).toBeUndefined();
      // built once per database, then reused
      expect(byId(t.db)).toBe(byId(t.db));
      expect(byId(t.db)).not.toBe(byId(other.db));
    } finally {
      await other.destroy();
    }
  });

  it.runIf(embedded)(
    'keeps its PRAGMAs after an interactive transaction and after concurrent use',
    async () => {
      const tx = await t.client.transaction('write');
      await tx.execute("insert into organisations (id, name) values ('tx-org', 'Tx')");
      await tx.commit();
      await Promise.all(Array.from({ length: 20 }, () => t.client.execute('select 1')));
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('synchronous')).toBe(2);
    },
  );

  it('lets other work wait while an interactive transaction is open instead of failing', async () => {
    const tx = await t.client.transaction('write');
    const waiting = t.client.execute(
      "insert into organisations (id, name) values ('after', 'After')",
    );
    await tx.execute("insert into organisations (id, name) values ('inside', 'Inside')");
    await tx.commit();
    await waiting;
    const rows = await t.db.select({ id: schema.organisations.id }).from(schema.organisations);
    expect(rows.map((r) => r.id).sort()).toEqual(['after', 'inside']);
  });

  it('refuses a row that points at nothing (foreign keys are enforced)', async () => {
    await expect(
      t.db.insert(schema.rooms).values({ id: 'r1', houseId: 'no-such-house', name: 'Ghost' }),
    ).rejects.toThrow();
  });

  it('a failed batch writes nothing at all', async () => {
    await expect(
      t.db.batch([
        t.db.insert(schema.organisations).values({ id: 'kept?', name: 'Half' }),
        t.db.insert(schema.rooms).values({ id: 'r2', houseId: 'no-such-house', name: 'Ghost' }),
      ]),
    ).rejects.toThrow();
    const [n] = await t.db.select({ n: count() }).from(schema.organisations);
    expect(n?.n).toBe(0);
  });

  it('the write mark the fuzz test relies on moves with every write', async () => {
    const before = await t.writeMark();
    await expect(
      t.db.batch([
        t.db.insert(schema.organisations).values({ id: 'half', name: 'Half' }),
        t.db.insert(schema.rooms).values({ id: 'r3', houseId: 'no-such-house', name: 'Ghost' }),
      ]),
    ).rejects.toThrow();
    await t.db.select().from(schema.organisations);
    // total_changes() counts a rolled-back row too (stricter); sqld's index only commits
    if (!embedded) expect(await t.writeMark()).toBe(before);
    await t.db.insert(schema.organisations).values({ id: 'whole', name: 'Whole' });
    expect(await t.writeMark()).toBeGreaterThan(before);
  });

  it('the audit log cannot be changed or deleted, even with direct SQL', async () => {
    await t.db
      .insert(schema.auditLog)
      .values({ at: new Date(), action: 'test', recordType: 'test', recordId: 'x' });
    await expect(t.client.execute("update audit_log set action = 'forged'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.client.execute('delete from audit_log')).rejects.toThrow(/append-only/);
    const [n] = await t.db.select({ n: count() }).from(schema.auditLog);
    expect(n?.n).toBe(1);
  });

  it('200 concurrent writes through the API layer: zero errors, every acknowledged row present', async () => {
    const org = await makeOrganisation(t.db);
    const house = await makeHouse(t.db, org.id);
    const manager = await makeUser(t.db, org.id, 'manager', { houseIds: [house.id] });
    const callers = await Promise.all(
      Array.from({ length: 10 }, () => callerAs(t.db, manager.userId)),
    );
    const callerFor = (i: number) => {
      const caller = callers[i % callers.length];
      if (!caller) throw new Error('no caller');
      return caller;
    };
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        callerFor(i).residents.intake({
          houseId: house.id,
          firstName: `Writer${i}`,
          lastName: 'Concurrent',
          emergencyContacts: [
            { name: `Contact ${i}`, relationship: 'Friend', phone: '555 010 3000' },
          ],
        }),
      ),
    );
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures).toEqual([]);
    const acknowledged = results.map((r) =>
      r.status === 'fulfilled' ? r.value?.residentId : undefined,
    );
    const rows = await t.db
      .select({ id: schema.residents.id })
      .from(schema.residents)
      .where(eq(schema.residents.houseId, house.id));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(acknowledged));
    const [contacts] = await t.db.select({ n: count() }).from(schema.emergencyContacts);
    expect(contacts?.n).toBe(200);
    const [audits] = await t.db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'residents.intake'));
    expect(audits?.n).toBe(200);
  });
});
