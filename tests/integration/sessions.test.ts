// Session lifetimes by role: staff are signed out after 30 idle minutes; a
// resident on their own phone stays signed in for up to 30 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, newId, schema } from '@porchlight/db';
import { createContext } from '@porchlight/api';
import {
  callerAs,
  makeHouse,
  makeOrganisation,
  makeResidentUser,
  makeUser,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id);
});
afterEach(() => t.destroy());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function sessionRow(userId: string, lastActiveAt: Date, createdAt: Date) {
  const id = newId();
  await t.db.insert(schema.sessions).values({
    id,
    token: newId(),
    userId,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdAt,
    updatedAt: lastActiveAt,
  });
  return { sessionId: id, userId, createdAt, lastActiveAt };
}

describe('session timeouts', () => {
  it('a manager idle for 29 minutes is still signed in; at 31 minutes the session ends and is deleted', async () => {
    const m = await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] });
    const fresh = await createContext({
      db: t.db,
      session: await sessionRow(m.userId, minutesAgo(29), minutesAgo(60)),
    });
    expect(fresh.actor?.userId).toBe(m.userId);

    const stale = await sessionRow(m.userId, minutesAgo(31), minutesAgo(60));
    const ctx = await createContext({ db: t.db, session: stale });
    expect(ctx.actor).toBeNull();
    expect(
      await t.db
        .select()
        .from(schema.sessions)
        .where(eq(schema.sessions.id, stale.sessionId))
        .get(),
    ).toBeUndefined();
    const caller = await callerAs(t.db, m.userId, {
      lastActiveAt: minutesAgo(31),
      createdAt: minutesAgo(60),
    });
    await expect(caller.houses.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('an operator active all day is signed out after 12 hours', async () => {
    const o = await makeUser(t.db, house.organisationId, 'operator');
    const caller = await callerAs(t.db, o.userId, {
      lastActiveAt: minutesAgo(1),
      createdAt: minutesAgo(12 * 60 + 1),
    });
    await expect(caller.houses.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a resident who last opened the app 29 days ago is still signed in; after 30 days they are not', async () => {
    const r = await makeResidentUser(t.db, house, house.bedIds[0]);
    const day = 24 * 60;
    const recent = await callerAs(t.db, r.userId, {
      lastActiveAt: minutesAgo(29 * day),
      createdAt: minutesAgo(29 * day),
    });
    expect((await recent.residents.me()).id).toBe(r.residentId);
    const old = await callerAs(t.db, r.userId, {
      lastActiveAt: minutesAgo(30 * day + 1),
      createdAt: minutesAgo(30 * day + 1),
    });
    await expect(old.residents.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a manager’s activity is recorded at most once a minute, so reads do not all become writes', async () => {
    const m = await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] });
    const s = await sessionRow(m.userId, minutesAgo(5), minutesAgo(10));
    await createContext({ db: t.db, session: s });
    const touched = await t.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.id, s.sessionId))
      .get();
    expect(touched?.updatedAt.getTime()).toBeGreaterThan(minutesAgo(1).getTime());
    const s2 = await sessionRow(m.userId, new Date(Date.now() - 10_000), minutesAgo(10));
    await createContext({ db: t.db, session: s2 });
    const untouched = await t.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.id, s2.sessionId))
      .get();
    expect(untouched?.updatedAt.getTime()).toBe(s2.lastActiveAt.getTime());
  });
});
