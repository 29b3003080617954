// CSV exports over HTTP from the built server: what a spreadsheet gets (UTF-8
// with a BOM, CRLF, a header row, values exactly as stored, formulas
// neutralised), who may download what, the audit trail, bad input, a large
// export streamed in chunks, and a failure part-way that leaks nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { hashPassword } from 'better-auth/crypto';
import { createDb, newId, schema, type DbHandle } from '@porchlight/db';
import { addDays, type Role } from '@porchlight/domain';
import {
  makeCheckIn,
  makeDrugTest,
  makeHouse,
  makeOrganisation,
  makeResident,
  makeRuleBook,
  makeUser,
  makeViolation,
  todayIn,
  type MadeHouse,
} from '../factories';
import { Browserless, spawnServer, type SpawnedServer } from '../support/server';

const PASSWORD = 'exports-test-password';
let server: SpawnedServer;
let handle: DbHandle;
let passwordHash: string;

beforeAll(async () => {
  server = await spawnServer({ AUTH_SIGN_IN_LIMIT: '1000', SEED_DEMO: 'false' });
  handle = await createDb(`file:${server.dbPath}`);
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  handle.close();
  await server.stop();
});

/** `user` with a password, signed in. */
async function signInAs(user: { userId: string; email: string }) {
  await handle.db.insert(schema.accounts).values({
    id: newId(),
    accountId: user.userId,
    providerId: 'credential',
    userId: user.userId,
    password: passwordHash,
  });
  const client = new Browserless(server.url);
  expect((await client.signIn(user.email, PASSWORD)).status).toBe(200);
  return Object.assign(client, { userId: user.userId });
}

/** A new person with a login in `organisationId`, signed in. */
async function signedIn(organisationId: string, role: Role, houseIds: string[] = []) {
  return signInAs(await makeUser(handle.db, organisationId, role, { houseIds }));
}

interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
  records: string[][];
}

async function download(client: Browserless, path: string): Promise<Download> {
  const res = await client.request(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const isCsv = (res.headers.get('content-type') ?? '').startsWith('text/csv');
  const records: string[][] = isCsv ? parse(Buffer.from(bytes), { bom: true }) : [];
  return { status: res.status, headers: res.headers, bytes, text, records };
}

/** The data rows as objects keyed by the header row. */
function rowsOf(d: Download): Array<Record<string, string>> {
  const [header, ...rows] = d.records;
  if (!header) throw new Error('no header row');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

async function errorOf(res: Response) {
  return (await res.json()) as {
    error: { message: string; code: string; fieldErrors?: Record<string, string> };
  };
}

async function residentIn(
  house: MadeHouse,
  bed: number,
  names: { firstName: string; lastName: string },
) {
  const bedId = house.bedIds[bed];
  if (!bedId) throw new Error(`house has no bed ${bed}`);
  return makeResident(handle.db, house, { bedId, ...names });
}

const HEADERS: Record<string, string[]> = {
  residents: [
    'House',
    'Resident',
    'First name',
    'Last name',
    'Preferred name',
    'Status',
    'Room',
    'Bed',
    'Moved in',
    'Moved out',
    'Sobriety date',
    'Phone',
    'Email',
    'Resident ID',
  ],
  stays: [
    'House',
    'Room',
    'Bed',
    'Resident',
    'Moved in',
    'Moved out',
    'Why it ended',
    'Note',
    'Resident ID',
  ],
  'check-ins': [
    'House',
    'Date',
    'Check-in',
    'Resident',
    'Recorded at',
    'Time zone',
    'Late',
    'Corrected',
    'Mood',
    'Craving',
    'HALT',
    'Sleep (hours)',
    'Recovery meetings',
    'Sponsor contact',
    'Work or school',
    'Resident ID',
  ],
  tests: [
    'House',
    'Resident',
    'Collected at',
    'Time zone',
    'Type',
    'Method',
    'Panel',
    'Result',
    'Positive for',
    'Witness',
    'Lab result',
    'Lab',
    'Standing result',
    'Counts as positive',
    'Standing positive for',
    'From a random draw',
    'Notes',
    'Recorded by',
    'Resident ID',
  ],
  chores: [
    'House',
    'Date',
    'Chore',
    'Area',
    'Resident',
    'Status',
    'Effort',
    'Needs a check',
    'Done at',
    'Checked at',
    'Time zone',
    'Sent back because',
    'Resident ID',
  ],
  violations: [
    'House',
    'Resident',
    'Occurred at',
    'Time zone',
    'Category',
    'Rule',
    'Rule book version',
    'What happened',
    'Consequence',
    'Fine',
    'Reported by',
    'Resident’s response',
    'Responded at',
    'Voided',
    'Voided at',
    'Voided by',
    'Why voided',
    'Resident ID',
  ],
  meetings: [
    'House',
    'Date',
    'Time',
    'Time zone',
    'Meeting',
    'Kind',
    'Status',
    'Present',
    'Late',
    'Excused',
    'Absent, not excused',
    'Minutes approved',
    'Why cancelled',
    'Meeting ID',
  ],
  attendance: [
    'House',
    'Meeting date',
    'Meeting time',
    'Time zone',
    'Meeting',
    'Resident',
    'Attendance',
    'Note',
    'Meeting ID',
    'Resident ID',
  ],
};

describe('CSV exports', () => {
  it('a resident with commas, quotes, accents, an emoji and a line break in their names comes back exactly, in UTF-8 with a BOM and CRLF', async () => {
    const org = await makeOrganisation(handle.db, 'Zoë’s Homes, Inc.');
    const house = await makeHouse(handle.db, org.id);
    const names = { firstName: 'José "Pepe", Jr.', lastName: 'Nguyễn-Zoë 🏠\nsecond line' };
    const made = await residentIn(house, 0, names);
    const operator = await signedIn(org.id, 'operator');

    const d = await download(operator, `/exports/residents.csv?houseId=${house.id}`);
    expect(d.status).toBe(200);
    expect(d.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(d.headers.get('cache-control')).toBe('no-store');
    expect(d.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="zoe-s-homes-inc-house-[a-z0-9-]+-residents-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    );
    expect([...d.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(d.text.slice(1)).toMatch(/^House,Resident,[^\n]*\r\n/);
    const [row] = rowsOf(d);
    expect(row).toMatchObject({
      House: house.name,
      Resident: `${names.firstName} ${names.lastName}`,
      'First name': names.firstName,
      'Last name': names.lastName,
      Status: 'Living in the house',
      Room: 'Room 1',
      Bed: '1A',
      'Resident ID': made.id,
    });
  });

  it('every list starts with its header row, for an operator’s whole organisation', async () => {
    const org = await makeOrganisation(handle.db);
    await makeHouse(handle.db, org.id);
    const operator = await signedIn(org.id, 'operator');
    for (const [list, header] of Object.entries(HEADERS)) {
      const d = await download(operator, `/exports/${list}.csv`);
      expect(d.status, list).toBe(200);
      expect(d.records[0], list).toEqual(header);
    }
  });

  it('a manager gets only their own houses; a resident, an anonymous caller and another organisation’s operator get nothing', async () => {
    const org = await makeOrganisation(handle.db);
    const mine = await makeHouse(handle.db, org.id);
    const theirs = await makeHouse(handle.db, org.id);
    await residentIn(mine, 0, { firstName: 'Mina', lastName: 'Managed' });
    await residentIn(theirs, 0, { firstName: 'Olga', lastName: 'Other' });
    const manager = await signedIn(org.id, 'manager', [mine.id]);

    const all = rowsOf(await download(manager, '/exports/residents.csv'));
    expect(all.map((r) => r.Resident)).toEqual(['Mina Managed']);
    expect(new Set(all.map((r) => r.House))).toEqual(new Set([mine.name]));
    const one = await download(manager, `/exports/stays.csv?houseId=${mine.id}`);
    expect(rowsOf(one).map((r) => r.Resident)).toEqual(['Mina Managed']);
    expect((await manager.request(`/exports/residents.csv?houseId=${theirs.id}`)).status).toBe(403);

    const residentUser = await makeUser(handle.db, org.id, 'resident');
    await makeResident(handle.db, mine, { userId: residentUser.userId });
    const resident = await signInAs(residentUser);
    expect((await resident.request('/exports/residents.csv')).status).toBe(403);
    expect((await resident.request(`/exports/check-ins.csv?houseId=${mine.id}`)).status).toBe(403);

    const anonymous = await fetch(`${server.url}/exports/residents.csv?houseId=${mine.id}`);
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).error.code).toBe('UNAUTHORIZED');

    const elsewhere = await makeOrganisation(handle.db);
    const stranger = await signedIn(elsewhere.id, 'operator');
    const foreign = await stranger.request(`/exports/residents.csv?houseId=${mine.id}`);
    const missing = await stranger.request('/exports/residents.csv?houseId=no-such-house');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await errorOf(foreign)).error.message).toBe((await errorOf(missing)).error.message);
    expect((await stranger.request(`/exports/residents.csv?organisationId=${org.id}`)).status).toBe(
      404,
    );
    // their own organisation's export has none of the other's rows
    expect(rowsOf(await download(stranger, '/exports/residents.csv'))).toEqual([]);

    const unknown = await manager.request('/exports/payroll.csv');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).error.code).toBe('NOT_FOUND');
  });

  it('each export is in the audit log with its request id, and the tests and violations it read as reads of them', async () => {
    const org = await makeOrganisation(handle.db);
    const house = await makeHouse(handle.db, org.id);
    const { id: residentId } = await residentIn(house, 0, { firstName: 'Ava', lastName: 'Audit' });
    const { versionIds } = await makeRuleBook(handle.db, house);
    const violation = await makeViolation(handle.db, house, residentId, versionIds[0] ?? '', {
      voidedAt: new Date(),
      voidReason: 'Recorded against the wrong resident.',
    });
    const test = await makeDrugTest(handle.db, house, residentId, { result: 'refused' });
    const operator = await signedIn(org.id, 'operator');

    const entriesOf = async (requestId: string | null) =>
      (
        await handle.client.execute({
          sql: 'select action, actor_user_id, organisation_id, details from audit_log where request_id = ? order by id',
          args: [requestId ?? ''],
        })
      ).rows.map((r) => ({
        action: textOf(r.action),
        actor: textOf(r.actor_user_id),
        organisationId: textOf(r.organisation_id),
        details: JSON.parse(textOf(r.details)) as Record<string, unknown>,
      }));

    const violations = await download(
      operator,
      `/exports/violations.csv?houseId=${house.id}&from=${addDays(todayIn(house.timezone), -30)}`,
    );
    expect(rowsOf(violations)).toEqual([
      expect.objectContaining({
        Resident: 'Ava Audit',
        Rule: 'Be home by curfew.',
        Consequence: 'A warning',
        Voided: 'yes',
        'Why voided': 'Recorded against the wrong resident.',
      }),
    ]);
    const logged = await entriesOf(violations.headers.get('x-request-id'));
    expect(logged.map((e) => e.action)).toEqual(['exports.download', 'violations.read']);
    expect(logged[0]).toMatchObject({
      actor: operator.userId,
      organisationId: org.id,
      details: {
        list: 'violations',
        houseId: house.id,
        houseIds: [house.id],
        from: addDays(todayIn(house.timezone), -30),
        to: null,
      },
    });
    expect(logged[1]?.details.violationIds).toEqual([violation.id]);

    const tests = await download(operator, '/exports/tests.csv');
    expect(rowsOf(tests)).toEqual([
      expect.objectContaining({ Result: 'Refused', 'Counts as positive': 'yes' }),
    ]);
    const testReads = await entriesOf(tests.headers.get('x-request-id'));
    expect(testReads.map((e) => e.action)).toEqual(['exports.download', 'tests.read']);
    expect(testReads[1]?.details.testIds).toEqual([test.id]);
  });

  it('a cell a spreadsheet would run as a formula starts with a quote; numbers stay numbers', async () => {
    const org = await makeOrganisation(handle.db);
    const house = await makeHouse(handle.db, org.id);
    const { id: residentId } = await residentIn(house, 0, {
      firstName: '=HYPERLINK("https://evil.example","Click")',
      lastName: '+1-2',
    });
    await makeCheckIn(handle.db, house, residentId, {
      forDate: todayIn(house.timezone),
      mood: 4,
      craving: 1,
      sleepHours: 7.5,
      halt: ['tired'],
    });
    const operator = await signedIn(org.id, 'operator');

    const [resident] = rowsOf(await download(operator, '/exports/residents.csv'));
    expect(resident?.['First name']).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(resident?.['Last name']).toBe("'+1-2");
    expect(resident?.Resident).toMatch(/^'=HYPERLINK/);
    const [checkIn] = rowsOf(await download(operator, '/exports/check-ins.csv'));
    expect(checkIn).toMatchObject({
      Mood: '4',
      Craving: '1',
      'Sleep (hours)': '7.5',
      HALT: 'Tired',
      Corrected: 'no',
      'Recovery meetings': '0',
    });
  });

  it('a date that is not a date is a 400 naming the field', async () => {
    const org = await makeOrganisation(handle.db);
    await makeHouse(handle.db, org.id);
    const operator = await signedIn(org.id, 'operator');
    const bad = await operator.request('/exports/check-ins.csv?from=2026-02-30');
    expect(bad.status).toBe(400);
    const body = await errorOf(bad);
    expect(body.error.fieldErrors).toEqual({ from: 'must be a date like 2026-03-12.' });
    expect(body.error.message).toMatch(/^from /);
    const backwards = await operator.request(
      '/exports/check-ins.csv?from=2026-03-12&to=2026-03-01',
    );
    expect(backwards.status).toBe(400);
    expect((await errorOf(backwards)).error.fieldErrors).toEqual({
      to: 'must be on or after from.',
    });
    const extra = await operator.request('/exports/check-ins.csv?house=x');
    expect(extra.status).toBe(400);
    expect((await errorOf(extra)).error.message).toMatch(/^house /);
  });

  it('thousands of check-ins stream out in order, every one once, with corrections read in place', async () => {
    const org = await makeOrganisation(handle.db);
    const house = await makeHouse(handle.db, org.id);
    const today = todayIn(house.timezone);
    const people = [
      await residentIn(house, 0, { firstName: 'Bulk', lastName: 'One' }),
      await residentIn(house, 1, { firstName: 'Bulk', lastName: 'Two' }),
    ];
    const days = 1300;
    const rows = people.flatMap((p, n) =>
      Array.from({ length: days }, (_, i) => ({
        id: newId(),
        organisationId: org.id,
        houseId: house.id,
        residentId: p.id,
        kind: 'daily' as const,
        forDate: addDays(today, -i),
        recordedAt: new Date(Date.now() - i * 86_400_000 - n * 60_000),
        mood: (i % 5) + 1,
        craving: i % 6,
        halt: [],
      })),
    );
    for (let i = 0; i < rows.length; i += 400)
      await handle.db.insert(schema.checkIns).values(rows.slice(i, i + 400));
    // a correction of a check-in far past the first chunk
    const original = rows[1700];
    if (!original) throw new Error('no row 1700');
    await handle.db.insert(schema.checkIns).values({
      ...original,
      id: newId(),
      correctsId: original.id,
      correctionReason: 'Wrong button.',
      recordedAt: new Date(original.recordedAt.getTime() + 60_000),
      mood: 1,
    });
    const operator = await signedIn(org.id, 'operator');

    const started = Date.now();
    const d = await download(operator, `/exports/check-ins.csv?houseId=${house.id}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(d.status).toBe(200);
    expect(d.headers.get('content-length')).toBeNull();
    const out = rowsOf(d);
    expect(out).toHaveLength(rows.length);
    const keys = out.map((r) => `${r.Date} ${r['Resident ID']}`);
    expect(new Set(keys).size).toBe(rows.length);
    const dates = out.map((r) => r.Date ?? '');
    expect(dates).toEqual([...dates].sort());
    const fixed = out.filter((r) => r.Corrected === 'yes');
    expect(fixed).toEqual([
      expect.objectContaining({ Date: original.forDate, Mood: '1', Resident: 'Bulk Two' }),
    ]);

    const window = rowsOf(
      await download(
        operator,
        `/exports/check-ins.csv?houseId=${house.id}&from=${addDays(today, -99)}&to=${today}`,
      ),
    );
    expect(window).toHaveLength(200);
  });

  it('a failure part-way ends the download as broken, logs the cause with the request id, and sends none of it', async () => {
    const org = await makeOrganisation(handle.db);
    const house = await makeHouse(handle.db, org.id);
    const { id: residentId } = await residentIn(house, 0, { firstName: 'Half', lastName: 'Way' });
    await makeCheckIn(handle.db, house, residentId, { forDate: todayIn(house.timezone) });
    const operator = await signedIn(org.id, 'operator');
    await handle.client.execute('alter table check_in_meetings rename to check_in_meetings_gone');
    try {
      const res = await operator.request(`/exports/check-ins.csv?houseId=${house.id}`);
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id') ?? '';
      const reader = res.body?.getReader();
      let received = '';
      const decoder = new TextDecoder();
      let broke = false;
      try {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          received += decoder.decode(chunk.value, { stream: true });
        }
      } catch {
        broke = true;
      }
      expect(broke).toBe(true);
      expect(received).not.toMatch(/check_in_meetings|sqlite|no such table|Error|at .*\.js/i);
      await expect
        .poll(() => server.output())
        .toContain(`export check-ins failed part-way [${requestId}]`);
    } finally {
      await handle.client.execute('alter table check_in_meetings_gone rename to check_in_meetings');
    }
  });
});
