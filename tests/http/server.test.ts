// The real server over HTTP: sign-in and cookies, error shapes, the same-origin
// rule, security headers, and no leak of internals on an unexpected error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createClient } from '@libsql/client';
import ICAL from 'ical.js';
import { Browserless, spawnServer, type SpawnedServer } from '../support/server';

const PASSWORD = 'porchlight-demo';
let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer({ AUTH_SIGN_IN_LIMIT: '1000' });
});
afterAll(async () => {
  await server.stop();
});

interface TrpcError {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      requestId: string;
      fieldErrors?: Record<string, string>;
    };
  };
}
interface TrpcOk<T> {
  result: { data: T };
}

async function signedIn(email: string) {
  const client = new Browserless(server.url);
  const res = await client.signIn(email, PASSWORD);
  expect(res.status).toBe(200);
  return client;
}

async function firstHouseId(client: Browserless, name: string) {
  const res = await client.query('houses.list');
  const body = (await res.json()) as TrpcOk<{ items: Array<{ id: string; name: string }> }>;
  const house = body.result.data.items.find((h) => h.name === name);
  if (!house) throw new Error(`no house ${name}`);
  return house.id;
}

describe('HTTP server', () => {
  it('answers /healthz when the database answers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('says how long the server spent on an API call, in a Server-Timing header', async () => {
    const res = await fetch(`${server.url}/trpc/account.whoami`);
    expect(res.status).toBe(200);
    expect(res.headers.get('server-timing')).toMatch(/^app;dur=\d+(\.\d)?$/);
  });

  it('prints the URL and the demo logins at start-up', () => {
    expect(server.output()).toContain(server.url);
    expect(server.output()).toContain('operator@example.org');
    expect(server.output()).toContain('porchlight-demo');
  });

  it('signs in with email and password and sets an HttpOnly, SameSite session cookie', async () => {
    const client = new Browserless(server.url);
    const res = await client.signIn('manager@example.org', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const who = (await (await client.query('account.whoami')).json()) as TrpcOk<{
      user: { email: string };
      memberships: Array<{ role: string }>;
    }>;
    expect(who.result.data.user.email).toBe('manager@example.org');
    expect(who.result.data.memberships.map((m) => m.role)).toEqual(['manager']);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await new Browserless(server.url).signIn('manager@example.org', 'not the password');
    expect(res.status).toBe(401);
    const unknown = await new Browserless(server.url).signIn(
      'nobody@example.org',
      'not the password',
    );
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).not.toMatch(/not found|no user/i);
  });

  it('signing out ends the session on the server, not just in the browser', async () => {
    const client = await signedIn('operator@example.org');
    const stolen = client.cookie;
    const out = await client.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const replay = new Browserless(server.url);
    replay.cookie = stolen;
    const res = await replay.query('houses.list');
    expect(res.status).toBe(401);
    const db = createClient({ url: `file:${server.dbPath}` });
    const rows = await db.execute(
      "select a.action, a.ip from audit_log a join users u on u.id = a.actor_user_id where u.email = 'operator@example.org' and a.action like 'auth.%' order by a.id",
    );
    db.close();
    const actions = rows.rows.map((r) => (typeof r.action === 'string' ? r.action : ''));
    expect(actions).toContain('auth.signIn');
    expect(actions.at(-1)).toBe('auth.signOut');
    expect(
      rows.rows.some((r) => r.ip === '127.0.0.1' || r.ip === '::1' || r.ip === '::ffff:127.0.0.1'),
    ).toBe(true);
  });

  it('invalid input gets a 400 whose message and fieldErrors name each bad field', async () => {
    const client = await signedIn('manager@example.org');
    const houseId = await firstHouseId(client, 'Maple House');
    const res = await client.mutate('residents.intake', {
      houseId,
      firstName: '',
      lastName: 'X',
      email: 'nope',
      phone: 'abc',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as TrpcError;
    expect(body.error.data.fieldErrors).toMatchObject({
      firstName: 'is required.',
      email: 'must be an email address.',
      phone: expect.stringContaining('phone') as unknown,
    });
    expect(body.error.message).toContain('firstName');
    expect(body.error.message).toContain('email');
  });

  it('a consequence the rule did not disclose is a 400 naming the consequence field', async () => {
    const client = await signedIn('manager@example.org');
    const houseId = await firstHouseId(client, 'Maple House');
    const list = (await (
      await client.query('residents.list', { houseId, search: 'Kevin' })
    ).json()) as TrpcOk<{ items: Array<{ id: string }> }>;
    const residentId = list.result.data.items[0]?.id;
    const res = await client.mutate('violations.record', {
      residentId,
      ruleKey: 'curfew',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      description: 'Home at 23:30.',
      consequence: { kind: 'discharge' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as TrpcError;
    expect(body.error.data.fieldErrors).toEqual({
      consequence:
        'must be one of the consequences this rule discloses: A warning, Loss of a pass, An extra chore.',
    });
  });

  it('a house of the same organisation the manager does not run is 403; an unknown id is 404', async () => {
    const client = await signedIn('manager@example.org');
    const operator = await signedIn('operator@example.org');
    const peerRun = await firstHouseId(operator, 'Oxford Street House');
    expect((await client.query('houses.board', { houseId: peerRun })).status).toBe(403);
    expect((await client.query('houses.board', { houseId: 'no-such-house' })).status).toBe(404);
  });

  it('a record of another organisation is 404, exactly like one that does not exist', async () => {
    const db = createClient({ url: `file:${server.dbPath}` });
    await db.batch([
      "insert into organisations (id, name) values ('other-org', 'Other Org')",
      "insert into houses (id, organisation_id, name, address, timezone, narr_level, capacity) values ('other-house', 'other-org', 'Elsewhere', '9 Far Road', 'UTC', 2, 4)",
    ]);
    db.close();
    const operator = await signedIn('operator@example.org');
    const other = await operator.query('houses.get', { houseId: 'other-house' });
    const missing = await operator.query('houses.get', { houseId: 'missing-house' });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    const a = (await other.json()) as TrpcError;
    const b = (await missing.json()) as TrpcError;
    expect(a.error.message).toBe(b.error.message);
  });

  it('rejects a write from another origin, and a write that is not JSON', async () => {
    const client = await signedIn('manager@example.org');
    const houseId = await firstHouseId(client, 'Maple House');
    const input = { houseId, firstName: 'Cross', lastName: 'Origin' };
    const cross = await client.mutate('residents.intake', input, {
      origin: 'https://evil.example',
    });
    expect(cross.status).toBe(403);
    const form = await client.request('/trpc/residents.intake', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: server.url },
      body: JSON.stringify(input),
    });
    expect(form.status).toBe(415);
    const list = (await (
      await client.query('residents.list', { houseId, search: 'Cross' })
    ).json()) as TrpcOk<{ items: unknown[] }>;
    expect(list.result.data.items).toEqual([]);
  });

  it('refuses a sign-in from another origin', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'manager@example.org', password: PASSWORD }),
    });
    expect(res.status).toBe(403);
  });

  it('serves the dashboard shell at / and at any deep link, uncached, with hashed assets cached for good', async () => {
    for (const path of ['/', '/houses', '/residents/some-id']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toContain('<div id="root"');
    }
    const html = await (await fetch(server.url)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(server.url + (asset ?? ''));
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    // a chunk an old tab asks for after an upgrade is missing, not the app shell
    const gone = await fetch(`${server.url}/assets/page-0ld0ld.js`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/json/);
  });

  it('serves a resident’s calendar feed to any calendar app at its private address, until it is turned off', async () => {
    const jordan = await signedIn('resident@example.org');
    const made = (await (await jordan.mutate('chores.createCalendarFeed', {})).json()) as TrpcOk<{
      path: string;
    }>;
    // a calendar app has no session: the address is the only key
    const res = await fetch(server.url + made.result.data.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(0);
    const chores = events.filter((e) => e.summary.startsWith('Chore: '));
    expect(chores.length).toBeGreaterThan(0);
    expect(chores.every((e) => e.startDate.isDate)).toBe(true);
    // the house's meetings are in it too, at their time
    const meetings = events.filter((e) => e.summary === 'House meeting');
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((e) => !e.startDate.isDate)).toBe(true);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Porchlight: Maple House');

    await jordan.mutate('chores.revokeCalendarFeed', {});
    expect((await fetch(server.url + made.result.data.path)).status).toBe(404);
    expect((await fetch(`${server.url}/calendar/not-a-real-token-at-all.ics`)).status).toBe(404);
  });

  it('shows a shared summary to anyone with the link, with only the parts chosen, until it is revoked', async () => {
    const jordan = await signedIn('resident@example.org');
    const today = new Date(Date.now() + 86_400_000 * 30).toISOString().slice(0, 10);
    const TITLES: Record<string, string> = {
      check_in_compliance: 'Daily check-ins, last 30 days',
      meetings_per_week: 'Recovery meetings each week',
      milestones: 'Milestones',
      chore_completion: 'House chores, last 30 days',
      house_meetings: 'House meetings',
      mood_trend: 'Mood',
      craving_trend: 'Cravings',
      tests: 'Drug and alcohol tests',
      recovery_capital: 'Recovery capital (BARC-10)',
    };
    const make = async (fields: string[], recipientName = 'Renee Caldwell') => {
      const res = await jordan.mutate('sharing.create', {
        recipientName,
        recipientRelationship: 'Probation officer',
        purpose: 'Monthly supervision report.',
        fields,
        until: today,
        agreed: true,
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as TrpcOk<{ path: string; shareId: string }>).result.data;
    };
    for (const field of Object.keys(TITLES)) {
      const { path } = await make([field]);
      // no session: the link is the only key
      const res = await fetch(server.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const page = await res.text();
      expect([...page.matchAll(/data-part="([a-z_0-9]+)"/g)].map((m) => m[1])).toEqual([field]);
      for (const [other, title] of Object.entries(TITLES))
        if (other !== field) expect(page).not.toContain(`<h2 id="part-${other}">${title}</h2>`);
      expect(page).toContain(`<h2 id="part-${field}">${TITLES[field]}</h2>`);
      expect(page).toContain('You may not share it with anyone');
      expect(page).toContain('Jordan Ellis');
      // never the house, the bed, or the resident's contact details
      expect(page).not.toContain('Maple');
      expect(page).not.toContain('555-0134');
    }
    // what the resident typed is escaped, and the stylesheet is same-origin
    const { path, shareId } = await make(['milestones'], '<script>alert(1)</script>');
    const page = await (await fetch(server.url + path)).text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toMatch(/<link rel="stylesheet" href="\/share.css" ?\/?>/);
    expect((await fetch(`${server.url}/share.css`)).headers.get('content-type')).toMatch(
      /text\/css/,
    );

    await jordan.mutate('sharing.revoke', { shareId });
    const gone = await fetch(server.url + path);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('This link is not available');
    expect((await fetch(`${server.url}/share/not-a-real-token-at-all-0000`)).status).toBe(404);
    // a share past its last day answers like a revoked one. The API refuses a last day in the
    // past and the database refuses to change a consent, so the file gets copies of a share
    // under links of our own: one until today (it opens) and one that ended in 2001 (it does not)
    const model = await make(['milestones']);
    const file = createClient({ url: `file:${server.dbPath}` });
    const columns = (await file.execute('pragma table_info(shares)')).rows.map((r) =>
      typeof r.name === 'string' ? r.name : '',
    );
    const copy = async (until: string) => {
      const token = `copied-${randomBytes(24).toString('hex')}`;
      const values = columns.map((c) =>
        c === 'id' || c === 'token_hash' || c === 'until' ? '?' : c,
      );
      const args = columns
        .filter((c) => c === 'id' || c === 'token_hash' || c === 'until')
        .map((c) =>
          c === 'id'
            ? randomUUID()
            : c === 'token_hash'
              ? createHash('sha256').update(token).digest('hex')
              : until,
        );
      await file.execute({
        sql: `insert into shares (${columns.join(', ')}) select ${values.join(', ')} from shares where id = ?`,
        args: [...args, model.shareId],
      });
      return `/share/${token}`;
    };
    const current = await copy(today);
    const lapsed = await copy('2001-01-01');
    file.close();
    expect((await fetch(server.url + current)).status).toBe(200);
    const expired = await fetch(server.url + lapsed);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('This link is not available');
    const list = (await (await jordan.query('sharing.list')).json()) as TrpcOk<
      Array<{ id: string; viewCount: number; state: string }>
    >;
    const revoked = list.result.data.find((s) => s.id === shareId);
    expect(revoked).toMatchObject({ viewCount: 1, state: 'revoked' });
  });

  it('limits what one request may carry: a batch of at most 20 calls, a body of at most 256 KB', async () => {
    const client = await signedIn('manager@example.org');
    const batch = (n: number) =>
      client.request(
        `/trpc/${Array.from({ length: n }, () => 'account.whoami').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`,
      );
    const twenty = await batch(20);
    expect(twenty.status).toBe(200);
    expect(((await twenty.json()) as unknown[]).length).toBe(20);
    const more = await batch(21);
    expect(more.status).toBe(400);
    expect(JSON.stringify(await more.json())).toContain('Batch call exceeds maximum size');
    const huge = await client.mutate('houses.create', { name: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('sends security headers: a CSP without unsafe-inline, no framing, nosniff', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('HTTP server under failure (NODE_ENV unset)', () => {
  it('an unexpected error returns a generic message and a request id: no stack trace, no SQL', async () => {
    const broken = await spawnServer({ AUTH_SIGN_IN_LIMIT: '1000' });
    try {
      const client = new Browserless(broken.url);
      expect((await client.signIn('operator@example.org', PASSWORD)).status).toBe(200);
      const db = createClient({ url: `file:${broken.dbPath}` });
      await db.execute('alter table beds rename to beds_gone');
      db.close();
      const res = await client.query('houses.list');
      expect(res.status).toBe(500);
      const text = await res.text();
      const body = JSON.parse(text) as TrpcError;
      expect(body.error.message).toMatch(/Something went wrong on our side/);
      expect(body.error.message).toContain(body.error.data.requestId);
      expect(text).not.toMatch(/beds|select|sqlite|no such table|at .*\.js|stack/i);
    } finally {
      await broken.stop();
    }
  });

  it('a second server on the same database file refuses to start, and says why', async () => {
    let refusal: unknown = null;
    try {
      const started = await spawnServer({}, { dbPath: server.dbPath });
      await started.stop();
    } catch (error) {
      refusal = error;
    }
    const outcome = refusal instanceof Error ? refusal : new Error('the second server started');
    expect(outcome.message).toMatch(/already using/);
    expect(outcome.message).toMatch(/libSQL server/);
    // the first server is unharmed
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await spawnServer({ AUTH_SIGN_IN_LIMIT: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        statuses.push(
          (await new Browserless(limited.url).signIn('manager@example.org', 'wrong password!'))
            .status,
        );
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      // each failed attempt is in the audit log, under the account, with the address and the
      // email; the refusals of the limit are not (a flood stays out of the log)
      const file = createClient({ url: `file:${limited.dbPath}` });
      try {
        const trail = await file.execute(
          "SELECT a.actor_user_id, a.organisation_id, a.ip, a.details, u.email FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'auth.signInFailed'",
        );
        expect(trail.rows.length).toBe(5);
        for (const entry of trail.rows) {
          expect(entry.email).toBe('manager@example.org');
          expect(entry.organisation_id).toBeTruthy();
          expect(entry.ip).toMatch(/127\.0\.0\.1/);
          expect(JSON.parse(entry.details as string)).toEqual({
            email: 'manager@example.org',
            status: 401,
          });
        }
      } finally {
        file.close();
      }
    } finally {
      await limited.stop();
    }
  });
});
