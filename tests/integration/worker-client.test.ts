// The embedded database on its own thread (packages/db worker-client.ts, the
// built apps/server/dist/db-worker.js that the server uses): the same rows,
// errors, batches and transactions as the connection on the main thread.
import { copyFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibsqlError } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from 'better-auth/crypto';
import { createDb, type DbHandle, eq, schema, WorkerClient } from '@porchlight/db';
import { seedDemo } from '@porchlight/db/seed';
import { startDatabaseThreadEarly, takeEarlyThread } from '@porchlight/db/early-thread';
import { TEMPLATE_DB, TMP_DIR } from '../support/paths';

const WORKER = fileURLToPath(new URL('../../apps/server/dist/db-worker.js', import.meta.url));

let path: string;
let threaded: DbHandle;
let inProcess: DbHandle;
beforeAll(async () => {
  path = join(TMP_DIR, `worker-${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB, path);
  threaded = await createDb(`file:${path}`, { worker: WORKER });
  expect(await seedDemo(threaded.db, { hashPassword })).toBe(true);
  inProcess = await createDb(`file:${path}`);
});
afterAll(() => {
  threaded.close();
  inProcess.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
});

describe('the database thread', () => {
  it('gives the same rows as the main thread, through drizzle and raw', async () => {
    const read = (h: DbHandle) =>
      h.db
        .select()
        .from(schema.residents)
        .leftJoin(schema.users, eq(schema.users.id, schema.residents.userId))
        .orderBy(schema.residents.id);
    const [a, b] = await Promise.all([read(threaded), read(inProcess)]);
    expect(a.length).toBeGreaterThan(5);
    expect(a).toEqual(b);
    const sql =
      "SELECT id, name, capacity, 1.5 AS half, x'00ff' AS blob, NULL AS empty FROM houses ORDER BY id";
    const [raw, rawIn] = [await threaded.client.execute(sql), await inProcess.client.execute(sql)];
    expect(raw.columns).toEqual(rawIn.columns);
    expect(raw.rows.map((r) => [...Array.from({ length: r.length }, (_, i) => r[i])])).toEqual(
      rawIn.rows.map((r) => [...Array.from({ length: r.length }, (_, i) => r[i])]),
    );
    expect(raw.rows[0]?.name).toBe(rawIn.rows[0]?.name);
    expect(Object.keys(raw.rows[0] ?? {})).toEqual(Object.keys(rawIn.rows[0] ?? {}));
    // two columns of one name: the name gives the first, the index each; spread and JSON alike
    const twice = "SELECT name, capacity AS name, 'x' AS other FROM houses ORDER BY id";
    const [dup, dupIn] = [
      await threaded.client.execute(twice),
      await inProcess.client.execute(twice),
    ];
    const [row, rowIn] = [dup.rows[0], dupIn.rows[0]];
    expect(row?.length).toBe(3);
    expect([row?.[0], row?.[1], row?.[2], row?.name]).toEqual([
      rowIn?.[0],
      rowIn?.[1],
      rowIn?.[2],
      rowIn?.name,
    ]);
    expect({ ...row }).toEqual({ ...rowIn });
    expect(JSON.stringify(dup.rows)).toBe(JSON.stringify(dupIn.rows));
    expect(Array.prototype.slice.call(row)).toEqual(Array.prototype.slice.call(rowIn));
  });

  it('says what changed: rows affected and the last id', async () => {
    const result = await threaded.client.execute({
      sql: "INSERT INTO audit_log (at, action, record_type) VALUES (?, 'test.thread', 'test')",
      args: [Date.now()],
    });
    expect(result.rowsAffected).toBe(1);
    expect(typeof result.lastInsertRowid).toBe('bigint');
  });

  it('reports a constraint as the driver does, and a failed batch leaves nothing behind', async () => {
    const house = await threaded.db.select().from(schema.houses).get();
    if (!house) throw new Error('no house');
    const error: unknown = await threaded.client
      .execute({
        sql: 'INSERT INTO houses (id, organisation_id, name, address, timezone, narr_level, capacity) VALUES (?, ?, ?, ?, ?, ?, ?)',
        args: [house.id, house.organisationId, 'Again', 'x', 'UTC', 2, 1],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toMatch(/^SQLITE_CONSTRAINT/);
    expect((error as LibsqlError).message).toMatch(/^SQLITE_CONSTRAINT\w*: (?!SQLITE)/);

    const before = await threaded.db.select().from(schema.houses);
    await expect(
      threaded.db.batch([
        threaded.db
          .update(schema.houses)
          .set({ name: 'Renamed' })
          .where(eq(schema.houses.id, house.id)),
        threaded.db.insert(schema.houses).values({ ...house }),
      ]),
    ).rejects.toThrow();
    expect(await threaded.db.select().from(schema.houses)).toEqual(before);
  });

  it('holds everything else while an interactive transaction is open, and rolls it back', async () => {
    const house = await threaded.db.select().from(schema.houses).get();
    if (!house) throw new Error('no house');
    const order: string[] = [];
    const tx = await threaded.client.transaction('write');
    await tx.execute({ sql: "UPDATE houses SET name = 'Inside' WHERE id = ?", args: [house.id] });
    const outside = threaded.client
      .execute({ sql: 'SELECT name FROM houses WHERE id = ?', args: [house.id] })
      .then((r) => {
        order.push(`outside saw ${r.rows[0]?.name as string}`);
      });
    await new Promise((r) => setTimeout(r, 50));
    order.push('rollback');
    await tx.rollback();
    await outside;
    expect(order).toEqual(['rollback', `outside saw ${house.name}`]);
  });

  it('answers many requests at once, in order, each its own', async () => {
    const ids = (await threaded.db.select({ id: schema.residents.id }).from(schema.residents)).map(
      (r) => r.id,
    );
    const answers = await Promise.all(
      ids.flatMap((id) =>
        Array.from({ length: 20 }, () =>
          threaded.db
            .select({ id: schema.residents.id })
            .from(schema.residents)
            .where(eq(schema.residents.id, id))
            .get(),
        ),
      ),
    );
    expect(answers.map((a) => a?.id)).toEqual(
      ids.flatMap((id) => Array.from({ length: 20 }, () => id)),
    );
  });

  it('fails every call, and says so once, when the thread dies', async () => {
    const failures: string[] = [];
    const client = new WorkerClient(
      new URL('data:text/javascript,process.exit(3)'),
      { url: `file:${path}` },
      (error) => failures.push(error.message),
    );
    await expect(client.execute('SELECT 1')).rejects.toThrow(/stopped \(exit code 3\)/);
    await expect(client.execute('SELECT 1')).rejects.toThrow(/stopped/);
    expect(failures).toEqual(['the database thread stopped (exit code 3)']);
    client.close();
  });

  it('takes the thread the server started before it loaded, and opens the file there', async () => {
    startDatabaseThreadEarly(WORKER);
    const early = await createDb(`file:${path}`, { worker: WORKER });
    try {
      // taken by the first connection: there is none left for another
      expect(takeEarlyThread(WORKER)).toBeUndefined();
      const count = 'SELECT count(*) AS n FROM residents';
      expect((await early.client.execute(count)).rows[0]?.n).toBe(
        (await inProcess.client.execute(count)).rows[0]?.n,
      );
    } finally {
      early.close();
    }
    // one started for another script is not handed on
    startDatabaseThreadEarly(WORKER);
    expect(takeEarlyThread(`${WORKER}.other`)).toBeUndefined();
    expect(takeEarlyThread(WORKER)).toBeUndefined();
  });

  it('says why a file could not be opened, on every statement after it', async () => {
    const client = new WorkerClient(WORKER, { url: `file:${path}?flavour=sour` });
    try {
      for (let i = 0; i < 2; i++)
        await expect(client.execute('SELECT 1')).rejects.toThrow(/flavour/);
    } finally {
      client.close();
    }
  });
});
