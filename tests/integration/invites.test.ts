// Invites: a one-time code becomes an account with the right role, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq, schema } from '@porchlight/db';
import {
  callerAs,
  type MadeHouse,
  makeHouse,
  makeOrganisation,
  makeResident,
  makeUser,
  testAuth,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let operatorId: string;

beforeEach(async () => {
  t = await testDb();
  const org = await makeOrganisation(t.db);
  house = await makeHouse(t.db, org.id);
  operatorId = (await makeUser(t.db, org.id, 'operator')).userId;
});
afterEach(() => t.destroy());

function auth() {
  return testAuth(t.db);
}

describe('invites', () => {
  it('an operator invites another operator, who oversees every house; a manager cannot, and an operator is given no houses', async () => {
    const operator = await callerAs(t.db, operatorId);
    await expect(
      operator.invites.create({
        role: 'operator',
        name: 'Avery Stone',
        email: 'avery@test.example',
        houseIds: [house.id],
      }),
    ).rejects.toThrow(/houseIds/);
    const invite = await operator.invites.create({
      role: 'operator',
      name: 'Avery Stone',
      email: 'avery@test.example',
      houseIds: [],
    });
    const anonymous = await callerAs(t.db, null);
    await anonymous.invites.accept({ token: invite.token, password: 'correct horse battery' });
    const signedIn = await auth().api.signInEmail({
      body: { email: 'avery@test.example', password: 'correct horse battery' },
    });
    const avery = await callerAs(t.db, signedIn.user.id);
    expect((await avery.account.whoami())?.memberships.map((m) => m.role)).toEqual(['operator']);
    expect((await avery.portfolio.overview()).houses.map((h) => h.houseId)).toEqual([house.id]);

    const managerId = (
      await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] })
    ).userId;
    const manager = await callerAs(t.db, managerId);
    await expect(
      manager.invites.create({
        role: 'operator',
        name: 'X Y',
        email: 'x@test.example',
        houseIds: [],
      }),
    ).rejects.toThrow(/cannot invite/);
  });

  it('an operator invites a manager; the code, typed any way, makes an account that can sign in and manage the house', async () => {
    const operator = await callerAs(t.db, operatorId);
    const invite = await operator.invites.create({
      role: 'manager',
      name: 'Morgan Lane',
      email: 'Morgan@Test.example',
      houseIds: [house.id],
    });
    expect(invite.token).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    const anonymous = await callerAs(t.db, null);
    const typed = invite.token.toLowerCase().replaceAll('-', ' ');
    expect(await anonymous.invites.lookup({ token: typed })).toMatchObject({
      name: 'Morgan Lane',
      email: 'morgan@test.example',
      role: 'manager',
    });
    await anonymous.invites.accept({ token: typed, password: 'correct horse battery' });

    const signedIn = await auth().api.signInEmail({
      body: { email: 'morgan@test.example', password: 'correct horse battery' },
    });
    const manager = await callerAs(t.db, signedIn.user.id);
    const board = await manager.houses.board({ houseId: house.id });
    expect(board.house.id).toBe(house.id);
    expect((await operator.invites.list()).find((i) => i.id === invite.inviteId)?.status).toBe(
      'accepted',
    );
  });

  it('a resident invite links the new account to the resident record', async () => {
    const resident = await makeResident(t.db, house, { bedId: house.bedIds[0] });
    const operator = await callerAs(t.db, operatorId);
    const invite = await operator.invites.create({
      role: 'resident',
      name: 'Res Ident',
      email: 'res@test.example',
      residentId: resident.id,
      houseIds: [],
    });
    await (
      await callerAs(t.db, null)
    ).invites.accept({ token: invite.token, password: 'another long password' });
    const row = await t.db
      .select()
      .from(schema.residents)
      .where(eq(schema.residents.id, resident.id))
      .get();
    expect(row?.userId).toBeTruthy();
    const me = await (await callerAs(t.db, row?.userId ?? null)).residents.me();
    expect(me.id).toBe(resident.id);
  });

  it('an invite works once; a used, revoked or expired code is refused with one message', async () => {
    const operator = await callerAs(t.db, operatorId);
    const anonymous = await callerAs(t.db, null);
    const used = await operator.invites.create({
      role: 'manager',
      name: 'A',
      email: 'a@test.example',
      houseIds: [house.id],
    });
    await anonymous.invites.accept({ token: used.token, password: 'a long enough password' });
    await expect(
      anonymous.invites.accept({ token: used.token, password: 'a long enough password' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const revoked = await operator.invites.create({
      role: 'manager',
      name: 'B',
      email: 'b@test.example',
      houseIds: [house.id],
    });
    await operator.invites.revoke({ inviteId: revoked.inviteId });
    await expect(anonymous.invites.lookup({ token: revoked.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const later = { now: () => new Date(Date.now() + 8 * 86_400_000) };
    const expiring = await operator.invites.create({
      role: 'manager',
      name: 'C',
      email: 'c@test.example',
      houseIds: [house.id],
    });
    const future = await callerAs(t.db, null, { clock: later });
    await expect(future.invites.lookup({ token: expiring.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [users] = await t.db.select({ n: count() }).from(schema.users);
    expect(users?.n).toBe(2); // the operator and the one accepted invite
  });

  it('a too-short password is refused naming the field, and no account is made', async () => {
    const operator = await callerAs(t.db, operatorId);
    const invite = await operator.invites.create({
      role: 'manager',
      name: 'Short',
      email: 'short@test.example',
      houseIds: [house.id],
    });
    await expect(
      (await callerAs(t.db, null)).invites.accept({ token: invite.token, password: 'short' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const user = await t.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'short@test.example'))
      .get();
    expect(user).toBeUndefined();
  });

  it('a common password, or one made of the email address, is refused naming the field, and no account is made', async () => {
    const operator = await callerAs(t.db, operatorId);
    const invite = await operator.invites.create({
      role: 'manager',
      name: 'Common',
      email: 'kendall.common@test.example',
      houseIds: [house.id],
    });
    const anonymous = await callerAs(t.db, null);
    for (const [password, says] of [
      ['1q2w3e4r5t6y', /most common passwords/],
      ['Qwerty123456', /most common passwords/],
      ['kendall.common@test.example', /must not contain your email address/],
      ['my kendall.common 2026', /must not contain your email address/],
    ] as const) {
      const refused = await anonymous.invites
        .accept({ token: invite.token, password })
        .catch((e: unknown) => e);
      expect(refused, password).toMatchObject({ code: 'BAD_REQUEST' });
      expect((refused as { message: string }).message, password).toMatch(says);
      expect((refused as { cause?: { field?: string } }).cause?.field, password).toBe('password');
    }
    const user = await t.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, 'kendall.common@test.example'))
      .get();
    expect(user).toBeUndefined();
    // an uncommon one of the same length goes through
    await anonymous.invites.accept({ token: invite.token, password: 'porch lantern 42 maple' });
  });

  it('a manager may invite residents of their house but not another manager', async () => {
    const m = await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] });
    const manager = await callerAs(t.db, m.userId);
    await expect(
      manager.invites.create({
        role: 'manager',
        name: 'X',
        email: 'x@test.example',
        houseIds: [house.id],
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const resident = await makeResident(t.db, house);
    await expect(
      manager.invites.create({
        role: 'resident',
        name: 'Y',
        email: 'y@test.example',
        residentId: resident.id,
        houseIds: [],
      }),
    ).resolves.toMatchObject({ inviteId: expect.any(String) as unknown });
  });
});
