// The audit log's hash chain (packages/db audit-chain.ts, issue 10): entries are
// sealed in order, the database lets nothing but the sealing change an entry,
// racing sealers agree, and the verifier finds an entry changed, removed or cut
// off the end by someone with the file in hand (who can drop the triggers).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SEAL_SQL,
  auditEntryHash,
  schema,
  sealAuditLog,
  verifyAuditLog,
  type Db,
  type VerifyResult,
} from '@porchlight/db';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.destroy());

async function addEntries(db: Db, n: number, from = 0) {
  const rows = Array.from({ length: n }, (_, i) => ({
    at: new Date(Date.UTC(2026, 10, 1) + (from + i) * 60_000),
    organisationId: 'org-1',
    actorUserId: `user-${(from + i) % 7}`,
    action: 'checkIn.record',
    recordType: 'check_in',
    recordId: `ci-${from + i}`,
    requestId: `req-${from + i}`,
    ip: '127.0.0.1',
    details: { mood: (from + i) % 5, note: 'Ünïcode, "quotes", and a\nnewline' },
  }));
  for (let i = 0; i < rows.length; i += 100)
    await db.insert(schema.auditLog).values(rows.slice(i, i + 100));
}

const hashes = async () =>
  (await t.client.execute('SELECT id, hash FROM audit_log ORDER BY id')).rows.map((r) => ({
    id: Number(r.id),
    hash: r.hash as string | null,
  }));

/** Each problem as "id: the gist of its reason". */
const problems = (result: VerifyResult) =>
  result.problems.map(
    (p) =>
      `${p.id}: ${/was changed|missing|newest were removed|order was changed/.exec(p.reason)?.[0] ?? p.reason}`,
  );

/** What someone with the file does first: the triggers stand in their way. */
const dropGuards = () =>
  t.client.executeMultiple('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');

describe('sealing', () => {
  it('seals every entry in order, each hash over the entry and the one before', async () => {
    await addEntries(t.db, 250);
    expect((await verifyAuditLog(t.client)).unsealed).toBe(250);
    expect(await sealAuditLog(t.client, { batch: 100 })).toEqual({ sealed: 250 });
    await addEntries(t.db, 3, 250);
    expect(await sealAuditLog(t.client)).toEqual({ sealed: 3 });
    expect(await sealAuditLog(t.client)).toEqual({ sealed: 0 });

    const rows = (await t.client.execute('SELECT * FROM audit_log ORDER BY id')).rows;
    let previous = '';
    for (const row of rows) {
      expect(row.hash).toBe(auditEntryHash(previous, row));
      previous = row.hash as string;
    }
    const result = await verifyAuditLog(t.client, { page: 64 });
    expect(result).toMatchObject({ ok: true, entries: 253, sealed: 253, unsealed: 0 });
    expect(result.head).toEqual({ id: Number(rows.at(-1)?.id), hash: previous });
  });

  it('gives the same chain when several sealers race (several servers on one database)', async () => {
    await addEntries(t.db, 400);
    const results = await Promise.all([
      sealAuditLog(t.client, { batch: 30 }),
      sealAuditLog(t.client, { batch: 70 }),
      sealAuditLog(t.client, { batch: 50 }),
    ]);
    // every entry sealed exactly once between them
    expect(results.reduce((n, r) => n + r.sealed, 0)).toBe(400);
    expect(await verifyAuditLog(t.client)).toMatchObject({ ok: true, sealed: 400 });
  });

  it('starts from the index of waiting entries, not a scan of the log', async () => {
    const plan = await t.client.execute({ sql: `EXPLAIN QUERY PLAN ${SEAL_SQL}`, args: [501] });
    const details = plan.rows.map((r) => r.detail as string);
    expect(
      details.some((d) => d.includes('audit_log_unsealed_idx')),
      details.join('\n'),
    ).toBe(true);
    expect(details.filter((d) => /^SCAN audit_log\b(?! USING)/.test(d))).toEqual([]);
  });
});

describe('what the database refuses', () => {
  beforeEach(async () => {
    await addEntries(t.db, 5);
    await sealAuditLog(t.client);
    await addEntries(t.db, 1, 5);
  });

  it('changing a sealed hash, or any column while sealing, or removing an entry', async () => {
    const [first, , , , , waiting] = await hashes();
    await expect(
      t.client.execute({
        sql: 'UPDATE audit_log SET hash = ? WHERE id = ?',
        args: ['0'.repeat(64), first?.id ?? 0],
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.client.execute({
        sql: "UPDATE audit_log SET hash = ?, action = 'nothing.happened' WHERE id = ?",
        args: ['0'.repeat(64), waiting?.id ?? 0],
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.client.execute({
        sql: "UPDATE audit_log SET details = '{}' WHERE id = ?",
        args: [first?.id ?? 0],
      }),
    ).rejects.toThrow(/append-only/);
    await expect(t.client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(t.client)).toMatchObject({ ok: true, sealed: 5, unsealed: 1 });
  });
});

describe('what the verifier finds in a file changed by hand', () => {
  beforeEach(async () => {
    await addEntries(t.db, 40);
    await sealAuditLog(t.client);
    await dropGuards();
  });

  it('an entry whose details were changed, once, at that entry', async () => {
    const id = (await hashes())[17]?.id ?? 0;
    await t.client.execute({
      sql: `UPDATE audit_log SET details = json_set(details, '$.mood', 0) WHERE id = ?`,
      args: [id],
    });
    const result = await verifyAuditLog(t.client);
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual([`${id}: was changed`]);
  });

  it('an entry changed and hashed again: the next entry no longer matches', async () => {
    const rows = await hashes();
    const id = rows[20]?.id ?? 0;
    await t.client.execute({
      sql: `UPDATE audit_log SET actor_user_id = 'someone-else' WHERE id = ?`,
      args: [id],
    });
    const changed = (
      await t.client.execute({ sql: 'SELECT * FROM audit_log WHERE id = ?', args: [id] })
    ).rows[0];
    if (!changed) throw new Error('the entry is gone');
    await t.client.execute({
      sql: 'UPDATE audit_log SET hash = ? WHERE id = ?',
      args: [auditEntryHash(rows[19]?.hash ?? '', changed), id],
    });
    const result = await verifyAuditLog(t.client);
    expect(problems(result)).toEqual([`${rows[21]?.id}: was changed`]);
  });

  it('an entry removed from the middle, and entries cut off the end', async () => {
    const rows = await hashes();
    await t.client.execute({ sql: 'DELETE FROM audit_log WHERE id = ?', args: [rows[9]?.id ?? 0] });
    let result = await verifyAuditLog(t.client);
    expect(problems(result)).toEqual([`${rows[10]?.id}: missing`]);

    await t.client.execute({
      sql: 'DELETE FROM audit_log WHERE id >= ?',
      args: [rows[35]?.id ?? 0],
    });
    result = await verifyAuditLog(t.client);
    expect(problems(result)).toEqual([
      `${rows[10]?.id}: missing`,
      `${rows[39]?.id}: newest were removed`,
    ]);
  });

  it('two entries swapped', async () => {
    const rows = await hashes();
    const [a, b] = [rows[5]?.id ?? 0, rows[6]?.id ?? 0];
    await t.client.executeMultiple(
      `UPDATE audit_log SET id = -1 WHERE id = ${a}; UPDATE audit_log SET id = ${a} WHERE id = ${b}; UPDATE audit_log SET id = ${b} WHERE id = -1;`,
    );
    const result = await verifyAuditLog(t.client);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.id).toBe(a);
  });
});
