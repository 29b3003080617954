// The server reads a request's session with one prepared query where it can
// (apps/server/src/app.ts, fastSessionOf) instead of better-auth's getSession:
// for every kind of cookie the two must agree on who, if anyone, is signed in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '@porchlight/server';
import type { Auth } from '@porchlight/api';
import { eq, newId, schema } from '@porchlight/db';
import { newToken, sessionCookie, SESSION_COOKIE } from '../bench/generate/sessions';
import { giveLogin, makeOrganisation, makeUser, TEST_AUTH_SECRET, testAuth } from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
beforeEach(async () => {
  t = await testDb();
});
afterEach(() => t.destroy());

function setup(baseURL: string) {
  const auth = testAuth(t.db, baseURL);
  const app = createApp({ db: t.db, auth, trustedOrigins: [baseURL] });
  return { auth, app };
}

async function sessionFor(userId: string, expiresAt = new Date(Date.now() + 86_400_000)) {
  const token = newToken();
  const id = newId();
  await t.db.insert(schema.sessions).values({
    id,
    token,
    userId,
    expiresAt,
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  return { id, token };
}

/** Who the app says is signed in, and who better-auth's getSession says. */
async function bothReads(app: ReturnType<typeof setup>['app'], auth: Auth, cookie: string | null) {
  const headers: Record<string, string> = cookie === null ? {} : { cookie };
  const res = await app.request('/trpc/account.whoami', { headers });
  const body = (await res.json()) as { result: { data: { user: { id: string } } | null } };
  const found = await auth.api.getSession({ headers: new Headers(headers) });
  return { app: body.result.data?.user.id ?? null, betterAuth: found?.user.id ?? null };
}

describe('reading the session of a request', () => {
  it('agrees with better-auth for valid, tampered, unknown, expired, signed-out and missing cookies', async () => {
    const { auth, app } = setup('http://localhost:3000');
    const org = await makeOrganisation(t.db);
    const manager = await makeUser(t.db, org.id, 'manager');
    const valid = await sessionFor(manager.userId);
    const cookie = await sessionCookie(valid.token, TEST_AUTH_SECRET);

    expect(await bothReads(app, auth, cookie)).toEqual({
      app: manager.userId,
      betterAuth: manager.userId,
    });
    // another signature, another secret, no signature at all, the wrong cookie name
    const [name, value = ''] = cookie.split('=');
    const tampered = `${name}=${value.slice(0, -6)}AAAA%3D`;
    const otherSecret = await sessionCookie(valid.token, 'another-secret-that-is-long-enough-0123');
    // a signature of the right length that is not base64, and one a character short
    const decoded = decodeURIComponent(value);
    const dot = decoded.lastIndexOf('.');
    const signed = (v: string, signature: string) =>
      `${name}=${encodeURIComponent(`${v}.${signature}`)}`;
    const notBase64 = signed(decoded.slice(0, dot), `!!!!${decoded.slice(dot + 5)}`);
    const short = signed(decoded.slice(0, dot), decoded.slice(dot + 2));
    // the token of another session under this one's signature
    const swapped = signed(newToken(), decoded.slice(dot + 1));
    for (const bad of [
      tampered,
      notBase64,
      short,
      swapped,
      otherSecret,
      `${SESSION_COOKIE}=${valid.token}`,
      `other.session_token=${value}`,
      `${SESSION_COOKIE}=%zz`,
      '',
    ])
      expect(await bothReads(app, auth, bad), bad).toEqual({ app: null, betterAuth: null });
    // a correctly signed token that names no session
    expect(await bothReads(app, auth, await sessionCookie(newToken(), TEST_AUTH_SECRET))).toEqual({
      app: null,
      betterAuth: null,
    });
    expect(await bothReads(app, auth, null)).toEqual({ app: null, betterAuth: null });

    // expired: both say nobody, and the session is cleared
    const old = await sessionFor(manager.userId, new Date(Date.now() - 1000));
    expect(await bothReads(app, auth, await sessionCookie(old.token, TEST_AUTH_SECRET))).toEqual({
      app: null,
      betterAuth: null,
    });
    expect(await t.db.select().from(schema.sessions).where(eq(schema.sessions.id, old.id))).toEqual(
      [],
    );

    // signed out (the session row is gone): nobody, at once
    await t.db.delete(schema.sessions).where(eq(schema.sessions.id, valid.id));
    expect(await bothReads(app, auth, cookie)).toEqual({ app: null, betterAuth: null });
  });

  it('reads the __Host- cookie when the server is served over https, and only that one', async () => {
    const { auth, app } = setup('https://porchlight.example');
    const org = await makeOrganisation(t.db);
    const manager = await makeUser(t.db, org.id, 'manager');
    const session = await sessionFor(manager.userId);
    const plain = await sessionCookie(session.token, TEST_AUTH_SECRET);
    const secure = `__Host-${plain}`;
    expect(await bothReads(app, auth, secure)).toEqual({
      app: manager.userId,
      betterAuth: manager.userId,
    });
    expect(await bothReads(app, auth, plain)).toEqual({ app: null, betterAuth: null });
    expect(await bothReads(app, auth, `__Secure-${plain}`)).toEqual({
      app: null,
      betterAuth: null,
    });
  });

  it('over https, signing in sets a __Host- session cookie: Secure, Path=/, no Domain, HttpOnly', async () => {
    const base = 'https://porchlight.example';
    const { auth, app } = setup(base);
    const org = await makeOrganisation(t.db);
    const manager = await makeUser(t.db, org.id, 'manager');
    await giveLogin(t.db, manager.userId, 'a long enough password');
    const res = await app.request(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: manager.email, password: 'a long enough password' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token')) ?? '';
    expect(cookie).toMatch(/^__Host-better-auth\.session_token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).not.toMatch(/; Domain=/i);
    // and that cookie is the session
    const pair = cookie.split(';')[0] ?? '';
    expect(await bothReads(app, auth, pair)).toEqual({
      app: manager.userId,
      betterAuth: manager.userId,
    });
  });

  it('signing in always makes a new session token, whatever cookie the browser already had', async () => {
    const base = 'http://localhost:3000';
    const { app } = setup(base);
    const org = await makeOrganisation(t.db);
    const manager = await makeUser(t.db, org.id, 'manager');
    await giveLogin(t.db, manager.userId, 'a long enough password');
    // a token planted before sign-in (session fixation), and one of an earlier session
    const planted = await sessionCookie(newToken(), TEST_AUTH_SECRET);
    const earlier = await sessionFor(manager.userId);
    const tokens = new Set<string>();
    for (const cookie of [planted, await sessionCookie(earlier.token, TEST_AUTH_SECRET), '']) {
      const res = await app.request(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, cookie },
        body: JSON.stringify({ email: manager.email, password: 'a long enough password' }),
      });
      expect(res.status).toBe(200);
      const set = res.headers.getSetCookie().find((c) => c.includes('session_token')) ?? '';
      const token = decodeURIComponent(set.split(';')[0]?.split('=')[1] ?? '').split('.')[0] ?? '';
      expect(token).not.toBe('');
      expect(cookie).not.toContain(token);
      tokens.add(token);
    }
    expect(tokens.size).toBe(3);
    expect(tokens.has(earlier.token)).toBe(false);
  });
});
