// Changing one's own password: the current one first, the same rules as at the
// invite for the new one, and every session of the account ends at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, schema } from '@porchlight/db';
import { callerAs, giveLogin, makeOrganisation, makeUser, testAuth } from '../factories';
import { testDb, type TestDb } from '../support/db';

const OLD = 'the first long password';
const NEW = 'lantern porch maple 42';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.destroy());

function auth() {
  return testAuth(t.db);
}

async function personWithLogin() {
  const org = await makeOrganisation(t.db);
  const user = await makeUser(t.db, org.id, 'manager');
  await giveLogin(t.db, user.userId, OLD);
  return user;
}

async function signsIn(email: string, password: string) {
  try {
    await auth().api.signInEmail({ body: { email, password } });
    return true;
  } catch {
    return false;
  }
}

async function refusal(work: Promise<unknown>) {
  const error = (await work.catch((e: unknown) => e)) as {
    code?: string;
    message?: string;
    cause?: { field?: string };
  };
  return { code: error.code, field: error.cause?.field, message: error.message };
}

describe('changing a password', () => {
  it('takes the current password, ends every session of the account at once, and only the new one signs in', async () => {
    const user = await personWithLogin();
    // signed in on two devices
    expect(await signsIn(user.email, OLD)).toBe(true);
    expect(await signsIn(user.email, OLD)).toBe(true);
    const before = await t.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.userId, user.userId));
    expect(before.length).toBe(2);

    const me = await callerAs(t.db, user.userId);
    expect(await me.account.changePassword({ currentPassword: OLD, newPassword: NEW })).toEqual({
      sessionsEnded: 2,
    });
    expect(
      await t.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.userId)),
    ).toEqual([]);
    expect(await signsIn(user.email, OLD)).toBe(false);
    expect(await signsIn(user.email, NEW)).toBe(true);

    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'account.changePassword'));
    expect(audit).toMatchObject([
      { actorUserId: user.userId, recordId: user.userId, details: { sessionsEnded: 2 } },
    ]);
  });

  it('refuses a wrong current password, a common or too short new one, and the same one again, naming the field and changing nothing', async () => {
    const user = await personWithLogin();
    expect(await signsIn(user.email, OLD)).toBe(true);
    const me = await callerAs(t.db, user.userId);
    expect(
      await refusal(
        me.account.changePassword({ currentPassword: 'not it at all', newPassword: NEW }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'currentPassword' });
    expect(
      await refusal(
        me.account.changePassword({ currentPassword: OLD, newPassword: '1q2w3e4r5t6y' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'newPassword', message: /most common/ });
    expect(
      await refusal(me.account.changePassword({ currentPassword: OLD, newPassword: OLD })),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'newPassword', message: /differ/ });
    await expect(
      me.account.changePassword({ currentPassword: OLD, newPassword: 'short' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // nothing changed: the old password still works and the session is still there
    expect(await signsIn(user.email, OLD)).toBe(true);
    expect(
      (await t.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.userId)))
        .length,
    ).toBe(2);
  });
});
