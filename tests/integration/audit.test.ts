// The audit trail viewer: every change and every read of a sensitive record is
// there with who, what, when and the request; the filters narrow it; only the
// organisation's operators read it; and nothing can change or remove an entry.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { appRouter, createCaller, createContext } from '@porchlight/api';
import { SEAL_UPDATE_SQL, and, desc, eq, lte, newId, schema } from '@porchlight/db';
import {
  acknowledge,
  callerAs,
  makeDrugTest,
  makeHouse,
  makeOrganisation,
  makeResidentUser,
  makeRuleBook,
  makeUser,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';
import { REPO_ROOT } from '../support/paths';

let t: TestDb;
let house: MadeHouse;
let otherHouse: MadeHouse;
let operatorId: string;
let managerId: string;
let otherManagerId: string;
let resident: Awaited<ReturnType<typeof makeResidentUser>>;
let housemate: Awaited<ReturnType<typeof makeResidentUser>>;
let elsewhere: Awaited<ReturnType<typeof makeResidentUser>>;
let otherOrgOperatorId: string;
let drugTestId: string;

beforeEach(async () => {
  t = await testDb();
  const org = await makeOrganisation(t.db);
  house = await makeHouse(t.db, org.id, { rooms: 1, bedsPerRoom: 2 });
  otherHouse = await makeHouse(t.db, org.id, { rooms: 1, bedsPerRoom: 1 });
  operatorId = (await makeUser(t.db, org.id, 'operator')).userId;
  managerId = (await makeUser(t.db, org.id, 'manager', { houseIds: [house.id] })).userId;
  otherManagerId = (await makeUser(t.db, org.id, 'manager', { houseIds: [otherHouse.id] })).userId;
  resident = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Sam',
    lastName: 'Rivera',
  });
  housemate = await makeResidentUser(t.db, house, house.bedIds[1], {
    firstName: 'Luis',
    lastName: 'Ortega',
  });
  elsewhere = await makeResidentUser(t.db, otherHouse, otherHouse.bedIds[0], {
    firstName: 'Ana',
    lastName: 'Park',
  });
  const { versionIds } = await makeRuleBook(t.db, house);
  for (const r of [resident, housemate])
    await acknowledge(t.db, r.residentId, versionIds[0] ?? '', 'Signed');
  drugTestId = (await makeDrugTest(t.db, house, resident.residentId)).id;
  const otherOrg = await makeOrganisation(t.db);
  await makeHouse(t.db, otherOrg.id, { rooms: 1, bedsPerRoom: 1 });
  otherOrgOperatorId = (await makeUser(t.db, otherOrg.id, 'operator')).userId;
});
afterEach(() => t.destroy());

const IP = '198.51.100.23';

/** A caller whose requests carry `requestId`, the way the HTTP server stamps each request. */
async function as(userId: string, requestId: string = `req-${newId()}`) {
  const now = new Date();
  const ctx = await createContext({
    db: t.db,
    session: { sessionId: newId(), userId, createdAt: now, lastActiveAt: now },
    requestId,
    ip: IP,
  });
  return createCaller(ctx);
}

type Operator = Awaited<ReturnType<typeof as>>;
type Page = Awaited<ReturnType<Operator['audit']['list']>>;
type Item = Page['items'][number];

async function recordViolation(residentId: string, requestId?: string) {
  const manager = await as(managerId, requestId);
  return manager.violations.record({
    residentId,
    ruleKey: 'curfew',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description: 'Came home at 23:10.',
    consequence: { kind: 'warning' },
  });
}

/** A few entries of each kind: changes and reads, in both houses, by several people. */
async function aDayOfWork() {
  const violation = await recordViolation(resident.residentId, 'req-record');
  await recordViolation(housemate.residentId);
  const manager = await as(managerId, 'req-read');
  await manager.violations.get({ violationId: violation.violationId });
  // a page of the house's violations: a read of both residents' records at once
  await manager.violations.list({ houseId: house.id, includeVoided: false });
  await manager.tests.forResident({ residentId: resident.residentId });
  // a room names its house only through the record
  const other = await as(otherManagerId);
  const room = await other.houses.addRoom({ houseId: otherHouse.id, name: `Attic ${newId()}` });
  return { violationId: violation.violationId, roomId: room.roomId };
}

async function all(operator: Operator, filters: Parameters<Operator['audit']['list']>[0] = {}) {
  const page = await operator.audit.list({ ...filters, limit: 200 });
  return page.items.filter((i) => i.action !== 'audit.read');
}

const actionsOf = (items: Item[]) => items.map((i) => i.action);

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('what the trail shows', () => {
  it('a change and a sensitive read each appear with who, what, which record, when and the request id', async () => {
    const before = Date.now();
    const { violationId } = await aDayOfWork();
    const after = Date.now();
    const operator = await as(operatorId);
    const items = await all(operator);
    const manager = await t.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, managerId))
      .get();

    const recorded = items.find((i) => i.requestId === 'req-record');
    expect(recorded).toMatchObject({
      actor: { id: managerId, name: manager?.name, email: manager?.email },
      action: 'violations.record',
      recordType: 'violation',
      recordId: violationId,
      description: 'Sam Rivera',
      resident: { id: resident.residentId, name: 'Sam Rivera' },
      house: { id: house.id, name: house.name },
      ip: IP,
    });
    expect(recorded?.details).toMatchObject({ residentId: resident.residentId, ruleKey: 'curfew' });
    const at = Date.parse(recorded?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);

    const read = items.find((i) => i.requestId === 'req-read' && i.recordId === violationId);
    expect(read).toMatchObject({
      actor: { id: managerId },
      action: 'violations.read',
      recordType: 'violation',
      resident: { id: resident.residentId, name: 'Sam Rivera' },
      house: { id: house.id },
    });
    expect(items.find((i) => i.action === 'tests.read')).toMatchObject({
      recordId: drugTestId,
      resident: { id: resident.residentId },
      house: { id: house.id },
    });
  });

  it('staff reading a resident’s check-ins (their notes) is on the trail; the resident reading their own is not', async () => {
    await (
      await as(resident.userId)
    ).checkIns.record({ mood: 3, craving: 2, note: 'Rough day at work.' });
    await (await as(resident.userId)).checkIns.history({ residentId: resident.residentId });
    await (await as(managerId, 'req-notes')).checkIns.history({ residentId: resident.residentId });
    const reads = (await all(await as(operatorId))).filter((i) => i.action === 'checkIns.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actor: { id: managerId },
      recordType: 'resident',
      recordId: resident.residentId,
      requestId: 'req-notes',
      resident: { id: resident.residentId, name: 'Sam Rivera' },
      details: { checkIns: 1 },
    });
  });

  it('the newest entry comes first, and reading the trail is itself on the trail, with its filters', async () => {
    await aDayOfWork();
    const operator = await as(operatorId, 'req-audit');
    const first = await operator.audit.list({ houseId: house.id, action: 'violations.' });
    const ids = first.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const [look] = (await (await as(operatorId)).audit.list({ action: 'audit.read' })).items;
    expect(look).toMatchObject({
      actor: { id: operatorId },
      action: 'audit.read',
      recordType: 'audit_log',
      requestId: 'req-audit',
      details: { filters: { houseId: house.id, action: 'violations.' }, entries: 4 },
    });
    // the look at the house's entries is not itself an entry about the house
    expect(actionsOf(await all(operator, { houseId: house.id }))).not.toContain('audit.read');
  });

  it('names the person behind each entry even when they can no longer sign in, and says when no one was', async () => {
    await recordViolation(resident.residentId, 'req-gone');
    await t.db
      .update(schema.memberships)
      .set({ deactivatedAt: new Date() })
      .where(eq(schema.memberships.userId, managerId));
    await t.db.insert(schema.auditLog).values({
      at: new Date(),
      organisationId: house.organisationId,
      actorUserId: null,
      action: 'demo.seed',
      recordType: 'organisation',
      recordId: house.organisationId,
    });
    const items = await all(await as(operatorId));
    const manager = await t.db
      .select({ name: schema.users.name })
      .from(schema.users)
      .where(eq(schema.users.id, managerId))
      .get();
    expect(items.find((i) => i.requestId === 'req-gone')?.actor).toEqual({
      id: managerId,
      name: manager?.name,
      email: expect.stringContaining('@') as unknown,
    });
    expect(items.find((i) => i.action === 'demo.seed')?.actor).toEqual({
      id: null,
      name: 'Porchlight (system)',
      email: null,
    });
  });
});

describe('filters', () => {
  it('by person: only what that person did', async () => {
    await aDayOfWork();
    const items = await all(await as(operatorId), { actorUserId: otherManagerId });
    expect(actionsOf(items)).toEqual(['houses.addRoom']);
  });

  it('by resident: the resident named in the entry, through its record, or among the records a page showed', async () => {
    const { violationId } = await aDayOfWork();
    const items = await all(await as(operatorId), { residentId: resident.residentId });
    expect(items.map((i) => [i.action, i.recordId])).toEqual([
      ['tests.read', drugTestId],
      ['violations.read', null], // the house's page, which showed Sam's violation
      ['violations.read', violationId],
      ['violations.record', violationId],
    ]);
    const theirs = await all(await as(operatorId), { residentId: elsewhere.residentId });
    expect(theirs).toEqual([]);
  });

  it('by house: entries naming the house, or whose record or resident belongs to it', async () => {
    const { roomId } = await aDayOfWork();
    const operator = await as(operatorId);
    const there = await all(operator, { houseId: otherHouse.id });
    expect(there.map((i) => [i.action, i.recordId, i.house?.name])).toEqual([
      ['houses.addRoom', roomId, otherHouse.name],
    ]);
    const here = await all(operator, { houseId: house.id });
    expect(actionsOf(here)).toEqual([
      'tests.read',
      'violations.read',
      'violations.read',
      'violations.record',
      'violations.record',
    ]);
    expect(here.every((i) => i.house?.id === house.id)).toBe(true);
  });

  it('by kind of record and by action, one action or a whole area', async () => {
    await aDayOfWork();
    const operator = await as(operatorId);
    expect(actionsOf(await all(operator, { recordType: 'drug_test' }))).toEqual(['tests.read']);
    expect(actionsOf(await all(operator, { action: 'violations.record' }))).toEqual([
      'violations.record',
      'violations.record',
    ]);
    expect(actionsOf(await all(operator, { action: 'violations.' }))).toEqual([
      'violations.read',
      'violations.read',
      'violations.record',
      'violations.record',
    ]);
    expect(actionsOf(await all(operator, { action: 'houses.' }))).toEqual(['houses.addRoom']);
  });

  it('by date: whole days in the viewer’s timezone, both ends included', async () => {
    const at = (iso: string, action: string) => ({
      at: new Date(iso),
      organisationId: house.organisationId,
      actorUserId: managerId,
      action,
      recordType: 'house',
      recordId: house.id,
    });
    await t.db.insert(schema.auditLog).values([
      at('2026-03-10T18:00:00Z', 'test.tenth'),
      // 23:30 on the 11th in Chicago, already the 12th in UTC
      at('2026-03-12T04:30:00Z', 'test.eleventhInChicago'),
      at('2026-03-12T18:00:00Z', 'test.twelfth'),
      at('2026-03-14T18:00:00Z', 'test.fourteenth'),
    ]);
    const operator = await as(operatorId);
    expect(
      actionsOf(
        await all(operator, { from: '2026-03-11', to: '2026-03-12', timeZone: 'America/Chicago' }),
      ),
    ).toEqual(['test.twelfth', 'test.eleventhInChicago']);
    expect(actionsOf(await all(operator, { from: '2026-03-12', to: '2026-03-12' }))).toEqual([
      'test.twelfth',
      'test.eleventhInChicago',
    ]);
    expect(
      actionsOf(
        await all(operator, { from: '2026-03-12', to: '2026-03-12', timeZone: 'America/Chicago' }),
      ),
    ).toEqual(['test.twelfth']);
    expect(actionsOf(await all(operator, { from: '2026-03-13', action: 'test.' }))).toEqual([
      'test.fourteenth',
    ]);
    expect(actionsOf(await all(operator, { to: '2026-03-10', action: 'test.' }))).toEqual([
      'test.tenth',
    ]);
  });

  it('refuses a range that ends before it starts, and a malformed filter, naming the field', async () => {
    const operator = await as(operatorId);
    const backwards = await refusal(operator.audit.list({ from: '2026-03-12', to: '2026-03-11' }));
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(issuesOf(backwards)).toEqual({ to: 'must be on or after the from date.' });
    const bad = await refusal(
      operator.audit.list({ from: '12/03/2026', action: 'drop table', limit: 500 }),
    );
    expect(Object.keys(issuesOf(bad)).sort()).toEqual(['action', 'from', 'limit']);
  });

  it('pages through every entry exactly once, newest first', async () => {
    await aDayOfWork();
    await aDayOfWork();
    const operator = await as(operatorId);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await operator.audit.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    // every entry of the organisation up to the first page's newest, reads of the trail made while paging aside
    const expected = await t.db
      .select({ id: schema.auditLog.id })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.organisationId, house.organisationId),
          lte(schema.auditLog.id, seen[0] ?? 0),
        ),
      )
      .orderBy(desc(schema.auditLog.id));
    expect(seen).toEqual(expected.map((e) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThan(3);
  });

  it('offers the people, kinds of record and actions of the log, and the houses', async () => {
    await aDayOfWork();
    const filters = await (await as(operatorId)).audit.filters();
    expect(filters.people.map((p) => p.id).sort()).toEqual([managerId, otherManagerId].sort());
    expect(filters.recordTypes).toEqual(['drug_test', 'room', 'violation']);
    expect(filters.actions).toEqual([
      'houses.addRoom',
      'tests.read',
      'violations.read',
      'violations.record',
    ]);
    expect(filters.houses.map((h) => h.id).sort()).toEqual([house.id, otherHouse.id].sort());
  });
});

describe('who may read it', () => {
  it('a manager is refused, and another organisation’s operator learns nothing', async () => {
    await aDayOfWork();
    const organisationId = house.organisationId;
    const manager = await refusal((await as(managerId)).audit.list({ organisationId }));
    expect(manager.code).toBe('FORBIDDEN');
    const managerFilters = await refusal((await as(managerId)).audit.filters({ organisationId }));
    expect(managerFilters.code).toBe('FORBIDDEN');
    const residentCall = await refusal((await as(resident.userId)).audit.list({ organisationId }));
    expect(residentCall.code).toBe('FORBIDDEN');

    const stranger = await as(otherOrgOperatorId);
    const theirs = await refusal(stranger.audit.list({ organisationId }));
    expect(theirs.code).toBe('NOT_FOUND');
    expect(theirs.message).toBe('Organisation not found.');
    // filtering their own log by our resident or house shows nothing of ours
    expect(
      (await stranger.audit.list({ residentId: resident.residentId })).items.filter(
        (i) => i.action !== 'audit.read',
      ),
    ).toEqual([]);
    expect((await stranger.audit.list({ houseId: house.id })).items).toEqual([]);
    // only they themselves, from their own looks at their log
    expect((await stranger.audit.filters()).people.map((p) => p.id)).toEqual([otherOrgOperatorId]);
  });

  it('anyone signed out is asked to sign in', async () => {
    const anonymous = await callerAs(t.db, null);
    expect((await refusal(anonymous.audit.list({}))).code).toBe('UNAUTHORIZED');
  });
});

describe('nothing changes or removes an entry', () => {
  it('the app router has no procedure under audit. other than the two reads', () => {
    // flat at run time ('audit.list' → procedure), nested in its declared type
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string } }
    >;
    const audit = Object.keys(procedures)
      .filter((p) => p.startsWith('audit.'))
      .sort();
    expect(audit).toEqual(['audit.filters', 'audit.list']);
    expect(audit.map((p) => procedures[p]?._def.type)).toEqual(['query', 'query']);
  });

  it('no code of the product updates or deletes audit_log, but for sealing a new entry', () => {
    const offenders: string[] = [];
    const writes =
      /\.(update|delete)\(\s*(schema\.)?auditLog\b|\b(update|delete\s+from)\s+["`]?audit_log\b/i;
    // the one update there is (audit-chain.ts): a new entry's hash, set once, from empty
    const sealing = `'${SEAL_UPDATE_SQL}'`;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === 'node_modules' || name === 'dist') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.tsx?$/.test(name) &&
          writes.test(readFileSync(path, 'utf8').replace(sealing, ''))
        )
          offenders.push(path);
      }
    };
    for (const root of ['packages/api/src', 'packages/db/src', 'apps/server/src'])
      walk(join(REPO_ROOT, root));
    expect(offenders).toEqual([]);
  });

  it('the database refuses an UPDATE or a DELETE on audit_log, and the row stays as it was', async () => {
    await recordViolation(resident.residentId, 'req-kept');
    const row = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.requestId, 'req-kept'))
      .get();
    expect(row).toBeDefined();
    const id = row?.id ?? 0;

    await expect(
      t.client.execute({ sql: 'UPDATE audit_log SET action = ? WHERE id = ?', args: ['x', id] }),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.client.execute({ sql: 'DELETE FROM audit_log WHERE id = ?', args: [id] }),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.update(schema.auditLog).set({ actorUserId: null }).where(eq(schema.auditLog.id, id)),
    ).rejects.toThrow();
    await expect(t.db.delete(schema.auditLog).where(eq(schema.auditLog.id, id))).rejects.toThrow();

    const after = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.id, id)).get();
    expect(after).toEqual(row);
  });
});

/** Field → message of a refused input, as the API reports them beside each field. */
function issuesOf(error: TRPCError): Record<string, string> {
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] })?.issues;
  return Object.fromEntries((issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]));
}
