// Staff: operators give managers houses and take them away, deactivate an
// account (signed out at once, history kept under their name) and see when each
// person last signed in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller, createContext } from '@porchlight/api';
import { and, eq, schema } from '@porchlight/db';
import {
  callerAs,
  giveLogin,
  type MadeHouse,
  makeHouse,
  makeOrganisation,
  makePass,
  makeResident,
  makeUser,
  testAuth,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

const PASSWORD = 'a long enough password';

let t: TestDb;
let orgId: string;
let maple: MadeHouse;
let cedar: MadeHouse;
let operator: Awaited<ReturnType<typeof makeUser>>;

beforeEach(async () => {
  t = await testDb();
  orgId = (await makeOrganisation(t.db)).id;
  maple = await makeHouse(t.db, orgId);
  cedar = await makeHouse(t.db, orgId);
  operator = await makeUser(t.db, orgId, 'operator');
});
afterEach(() => t.destroy());

function auth() {
  return testAuth(t.db);
}

/** A manager who can sign in with PASSWORD. */
async function managerWithLogin(houseIds: string[]) {
  const manager = await makeUser(t.db, orgId, 'manager', { houseIds });
  await giveLogin(t.db, manager.userId, PASSWORD);
  return manager;
}

/** Signs in through better-auth and keeps the session cookie, as a browser would. */
async function signIn(email: string) {
  const { headers } = await auth().api.signInEmail({
    body: { email, password: PASSWORD },
    returnHeaders: true,
  });
  const cookie = (headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return new Headers({ cookie });
}

/** A caller for the session in `headers`, built the way the server builds one per request. */
async function callerWithSession(headers: Headers) {
  const found = await auth().api.getSession({ headers });
  return createCaller(
    await createContext({
      db: t.db,
      session: found
        ? {
            sessionId: found.session.id,
            userId: found.user.id,
            createdAt: new Date(found.session.createdAt),
            lastActiveAt: new Date(found.session.updatedAt),
          }
        : null,
    }),
  );
}

async function houseNames(userId: string) {
  const caller = await callerAs(t.db, userId);
  return (await caller.houses.list()).items.map((h) => h.id).sort();
}

describe('staff', () => {
  it('the list shows every operator and manager with their role, houses and last sign-in, and no residents', async () => {
    const signedIn = await managerWithLogin([maple.id]);
    const never = await makeUser(t.db, orgId, 'manager', { houseIds: [cedar.id] });
    await makeUser(t.db, orgId, 'resident');
    const before = Date.now();
    await signIn(signedIn.email);

    const list = await (await callerAs(t.db, operator.userId)).staff.list();
    expect(list.map((s) => s.membershipId).sort()).toEqual(
      [operator.membershipId, signedIn.membershipId, never.membershipId].sort(),
    );
    const manager = list.find((s) => s.membershipId === signedIn.membershipId);
    expect(manager).toMatchObject({
      role: 'manager',
      email: signedIn.email,
      active: true,
      houses: [{ id: maple.id, name: maple.name }],
    });
    expect(manager?.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(list.find((s) => s.membershipId === never.membershipId)?.lastSignInAt).toBeNull();
    expect(list.find((s) => s.membershipId === operator.membershipId)?.you).toBe(true);
  });

  it('a manager sees, read-only, the staff of their own houses and only the houses they share', async () => {
    const me = await makeUser(t.db, orgId, 'manager', { houseIds: [maple.id] });
    const colleague = await makeUser(t.db, orgId, 'manager', { houseIds: [maple.id, cedar.id] });
    const stranger = await makeUser(t.db, orgId, 'manager', { houseIds: [cedar.id] });
    const caller = await callerAs(t.db, me.userId);

    const list = await caller.staff.list();
    const ids = list.map((s) => s.membershipId);
    expect(ids).toContain(operator.membershipId);
    expect(ids).not.toContain(stranger.membershipId);
    expect(list.find((s) => s.membershipId === colleague.membershipId)?.houses).toEqual([
      { id: maple.id, name: maple.name },
    ]);
    await expect(
      caller.staff.assignHouse({ membershipId: me.membershipId, houseId: cedar.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('giving a manager a house and taking it away changes what they see at once, each change audited', async () => {
    const manager = await makeUser(t.db, orgId, 'manager', { houseIds: [maple.id] });
    const asOperator = await callerAs(t.db, operator.userId);
    expect(await houseNames(manager.userId)).toEqual([maple.id]);

    await asOperator.staff.assignHouse({ membershipId: manager.membershipId, houseId: cedar.id });
    expect(await houseNames(manager.userId)).toEqual([maple.id, cedar.id].sort());
    await (await callerAs(t.db, manager.userId)).houses.board({ houseId: cedar.id });

    await asOperator.staff.unassignHouse({ membershipId: manager.membershipId, houseId: maple.id });
    expect(await houseNames(manager.userId)).toEqual([cedar.id]);
    await expect(
      (await callerAs(t.db, manager.userId)).houses.board({ houseId: maple.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.recordId, manager.membershipId));
    expect(audit.map((a) => [a.action, a.actorUserId, a.details?.houseId])).toEqual([
      ['staff.assignHouse', operator.userId, cedar.id],
      ['staff.unassignHouse', operator.userId, maple.id],
    ]);
  });

  it('a house of another organisation is refused, naming the field, and so is a member of another organisation', async () => {
    const manager = await makeUser(t.db, orgId, 'manager', { houseIds: [maple.id] });
    const otherOrg = (await makeOrganisation(t.db)).id;
    const elsewhere = await makeHouse(t.db, otherOrg);
    const otherManager = await makeUser(t.db, otherOrg, 'manager', { houseIds: [elsewhere.id] });
    const asOperator = await callerAs(t.db, operator.userId);

    await expect(
      asOperator.staff.assignHouse({ membershipId: manager.membershipId, houseId: elsewhere.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^houseId is not a house of this/ });
    await expect(
      asOperator.staff.unassignHouse({ membershipId: manager.membershipId, houseId: elsewhere.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^houseId / });
    await expect(
      asOperator.staff.assignHouse({ membershipId: otherManager.membershipId, houseId: maple.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      asOperator.staff.deactivate({ membershipId: otherManager.membershipId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await houseNames(manager.userId)).toEqual([maple.id]);
  });

  it('an operator or a deactivated manager is not given a house, with a message naming the field', async () => {
    const other = await makeUser(t.db, orgId, 'operator');
    const manager = await makeUser(t.db, orgId, 'manager', { houseIds: [maple.id] });
    const asOperator = await callerAs(t.db, operator.userId);
    await expect(
      asOperator.staff.assignHouse({ membershipId: other.membershipId, houseId: maple.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^membershipId is an operator/ });

    await asOperator.staff.deactivate({ membershipId: manager.membershipId });
    await expect(
      asOperator.staff.assignHouse({ membershipId: manager.membershipId, houseId: cedar.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^membershipId is deactivated/ });
  });

  it('a deactivated account is signed out at once, cannot sign in again until reactivated, and the list says when and by whom', async () => {
    const manager = await managerWithLogin([maple.id]);
    const cookie = await signIn(manager.email);
    const phone = await callerWithSession(cookie);
    expect((await phone.houses.list()).items.map((h) => h.id)).toEqual([maple.id]);

    const asOperator = await callerAs(t.db, operator.userId);
    await asOperator.staff.deactivate({ membershipId: manager.membershipId });

    // the very next request on that phone finds no session
    await expect((await callerWithSession(cookie)).houses.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(
      await t.db.select().from(schema.sessions).where(eq(schema.sessions.userId, manager.userId)),
    ).toEqual([]);
    await expect(signIn(manager.email)).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringMatching(/deactivated/) as unknown as string,
    });

    const listed = (await asOperator.staff.list()).find(
      (s) => s.membershipId === manager.membershipId,
    );
    expect(listed).toMatchObject({ active: false, houses: [{ id: maple.id }] });
    expect(listed?.deactivatedAt).toBeInstanceOf(Date);
    const operatorName = (
      await t.db.select().from(schema.users).where(eq(schema.users.id, operator.userId)).get()
    )?.name;
    expect(listed?.deactivatedBy).toBe(operatorName);
    const entry = await t.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'staff.deactivate'),
          eq(schema.auditLog.recordId, manager.membershipId),
        ),
      )
      .get();
    expect(entry).toMatchObject({ actorUserId: operator.userId, organisationId: orgId });
    expect(entry?.details).toMatchObject({ userId: manager.userId, sessionsEnded: 1 });

    await asOperator.staff.reactivate({ membershipId: manager.membershipId });
    const back = await callerWithSession(await signIn(manager.email));
    expect((await back.houses.list()).items.map((h) => h.id)).toEqual([maple.id]);
  });

  it('an operator cannot deactivate themselves, and an organisation always keeps an active operator', async () => {
    const asOperator = await callerAs(t.db, operator.userId);
    await expect(
      asOperator.staff.deactivate({ membershipId: operator.membershipId }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /^membershipId is your own account/ });

    // two operators deactivating each other at the same moment: one of them stays
    const other = await makeUser(t.db, orgId, 'operator');
    const asOther = await callerAs(t.db, other.userId);
    const results = await Promise.allSettled([
      asOperator.staff.deactivate({ membershipId: other.membershipId }),
      asOther.staff.deactivate({ membershipId: operator.membershipId }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const active = await t.db
      .select()
      .from(schema.memberships)
      .where(
        and(eq(schema.memberships.organisationId, orgId), eq(schema.memberships.role, 'operator')),
      );
    expect(active.filter((m) => m.deactivatedAt === null)).toHaveLength(1);
  });

  it('a deactivated manager’s earlier decisions and audit entries still carry their name', async () => {
    const manager = await makeUser(t.db, orgId, 'manager', { houseIds: [maple.id] });
    const resident = await makeResident(t.db, maple, { bedId: maple.bedIds[0] });
    const pass = await makePass(t.db, maple, resident.id);
    await (
      await callerAs(t.db, manager.userId)
    ).passes.decide({ passId: pass.id, decision: 'approve' });
    const asOperator = await callerAs(t.db, operator.userId);
    await asOperator.staff.deactivate({ membershipId: manager.membershipId });

    const name = (
      await t.db.select().from(schema.users).where(eq(schema.users.id, manager.userId)).get()
    )?.name;
    expect(name).toBeTruthy();
    expect((await asOperator.passes.get({ passId: pass.id })).decidedBy).toBe(name);
    const decided = await t.db
      .select({ action: schema.auditLog.action, by: schema.users.name })
      .from(schema.auditLog)
      .innerJoin(schema.users, eq(schema.users.id, schema.auditLog.actorUserId))
      .where(eq(schema.auditLog.recordId, pass.id));
    expect(decided).toContainEqual({ action: 'passes.decide', by: name });
    expect(
      (await asOperator.staff.list()).find((s) => s.membershipId === manager.membershipId)?.name,
    ).toBe(name);
  });
});
