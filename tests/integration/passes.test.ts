// Passes through the API: what a phase allows, deciding, returning, and late
// returns that become violations or are excused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { addDays, instantAt } from '@porchlight/domain';
import { eq, schema } from '@porchlight/db';
import {
  callerAs,
  makeHouse,
  makeOrganisation,
  makePass,
  makePhase,
  makeResidentUser,
  makeUser,
  placeInPhase,
  todayIn,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let managerId: string;
let resident: Awaited<ReturnType<typeof makeResidentUser>>;
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
// a house-local time some days from today, so the test does not depend on the hour it runs
const localAt = (days: number, hour: number) =>
  instantAt(addDays(todayIn(house.timezone), days), hour, 0, house.timezone).toISOString();

beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, { rooms: 1, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] }))
    .userId;
  resident = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Sam',
    lastName: 'Rivera',
  });
});
afterEach(() => t.destroy());

async function inPhase(fields: Parameters<typeof makePhase>[2]) {
  const phase = await makePhase(t.db, house.id, fields);
  await placeInPhase(t.db, resident.residentId, phase.id, addDays(todayIn(house.timezone), -30));
  return phase;
}

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('pass eligibility by phase', () => {
  it('refuses an overnight pass in a phase without overnights, naming the type, and saves nothing', async () => {
    await inPhase({
      name: 'Phase 1',
      overnightPassesAllowed: false,
      passTypesAllowed: ['work', 'family'],
    });
    const me = await callerAs(t.db, resident.userId);
    const error = await refusal(
      me.passes.request({
        type: 'overnight',
        destination: "Mum's",
        departAt: inHours(30),
        expectedReturnAt: inHours(48),
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('type is not allowed in Phase 1: no overnight passes.');
    expect(await t.db.select().from(schema.passes)).toEqual([]);
  });

  it('refuses a family pass that keeps a Phase 1 resident out all night, naming the return', async () => {
    await inPhase({ name: 'Phase 1', overnightPassesAllowed: false, passTypesAllowed: ['family'] });
    const me = await callerAs(t.db, resident.userId);
    const error = await refusal(
      me.passes.request({
        type: 'family',
        destination: "Mum's",
        departAt: localAt(2, 18),
        expectedReturnAt: localAt(3, 14),
      }),
    );
    expect(error.message).toBe(
      'expectedReturnAt is overnight, and Phase 1 does not allow overnight passes.',
    );
  });

  it('lets a Phase 2 resident ask for the same night away, noted for the manager', async () => {
    await inPhase({ name: 'Phase 2', overnightPassesAllowed: true });
    const me = await callerAs(t.db, resident.userId);
    const made = await me.passes.request({
      type: 'overnight',
      destination: "Mum's",
      departAt: localAt(2, 18),
      expectedReturnAt: localAt(3, 14),
      contact: '(555) 010-2000',
    });
    expect(made.status).toBe('requested');
    expect(made.eligibilityNotes).toEqual(['Overnight: away for one night.']);
  });

  it('refuses passes before the phase’s first days in the house', async () => {
    const phase = await makePhase(t.db, house.id, { name: 'Phase 1', minDaysBeforePasses: 400 });
    await placeInPhase(t.db, resident.residentId, phase.id, todayIn(house.timezone));
    const me = await callerAs(t.db, resident.userId);
    const error = await refusal(
      me.passes.request({
        type: 'work',
        destination: 'Shift',
        departAt: inHours(24),
        expectedReturnAt: inHours(28),
      }),
    );
    expect(error.message).toMatch(/^departAt is too soon: Phase 1 allows passes from day 400/);
  });
});

describe('deciding and returning', () => {
  it('the manager approves; the resident sees the decision and says they are back; everything is audited', async () => {
    await inPhase({});
    const me = await callerAs(t.db, resident.userId);
    const manager = await callerAs(t.db, managerId);
    const { passId } = await me.passes.request({
      type: 'work',
      destination: 'Interview',
      departAt: inHours(-0.1),
      expectedReturnAt: inHours(3),
    });
    const board = await manager.passes.board({ houseId: house.id });
    expect(board.pending.map((p) => [p.id, p.residentName])).toEqual([[passId, 'Sam Rivera']]);

    await manager.passes.decide({ passId, decision: 'approve', reason: 'Good luck!' });
    const mine = await me.passes.mine();
    expect(mine.items[0]).toMatchObject({
      id: passId,
      status: 'approved',
      decisionReason: 'Good luck!',
      progress: { state: 'away' },
    });
    const back = await me.passes.markReturned({ passId });
    expect(back.minutesLate).toBe(0);

    const actions = (await t.db.select().from(schema.auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['passes.request', 'passes.decide', 'passes.markReturned']),
    );
  });

  it('a decline needs a reason, and a decided pass cannot be decided again', async () => {
    await inPhase({});
    const pass = await makePass(t.db, house, resident.residentId);
    const manager = await callerAs(t.db, managerId);
    const error = await refusal(manager.passes.decide({ passId: pass.id, decision: 'decline' }));
    expect(error.message).toContain('reason');
    await manager.passes.decide({ passId: pass.id, decision: 'decline', reason: 'Chores first.' });
    const again = await refusal(manager.passes.decide({ passId: pass.id, decision: 'approve' }));
    expect(again.code).toBe('CONFLICT');
  });

  it('a resident cannot set their own return time; staff can, after the fact', async () => {
    const pass = await makePass(t.db, house, resident.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - 5 * HOUR),
      expectedReturnAt: new Date(Date.now() - 2 * HOUR),
    });
    const me = await callerAs(t.db, resident.userId);
    const error = await refusal(
      me.passes.markReturned({ passId: pass.id, returnedAt: inHours(-3) }),
    );
    expect(error.message).toContain('returnedAt');
    const manager = await callerAs(t.db, managerId);
    const back = await manager.passes.markReturned({ passId: pass.id, returnedAt: inHours(-1) });
    expect(back.minutesLate).toBeGreaterThanOrEqual(59);
  });

  it('a late return waits on the board until it is excused with a reason', async () => {
    const pass = await makePass(t.db, house, resident.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - 6 * HOUR),
      expectedReturnAt: new Date(Date.now() - 3 * HOUR),
      returnedAt: new Date(Date.now() - 2 * HOUR),
    });
    const manager = await callerAs(t.db, managerId);
    const board = await manager.passes.board({ houseId: house.id });
    expect(board.lateReturns.map((p) => [p.id, p.late?.minutesLate])).toEqual([[pass.id, 60]]);
    await manager.passes.excuseLate({ passId: pass.id, reason: 'The bus broke down.' });
    expect((await manager.passes.board({ houseId: house.id })).lateReturns).toEqual([]);
    const [row] = await t.db.select().from(schema.passes).where(eq(schema.passes.id, pass.id));
    expect(row?.lateExcuseReason).toBe('The bus broke down.');
  });

  it('an overdue pass is on the board, overdue first', async () => {
    const overdue = await makePass(t.db, house, resident.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - 6 * HOUR),
      expectedReturnAt: new Date(Date.now() - HOUR),
    });
    const manager = await callerAs(t.db, managerId);
    const board = await manager.passes.board({ houseId: house.id });
    expect(board.out[0]).toMatchObject({ id: overdue.id, progress: { state: 'overdue' } });
  });

  it('a resident cannot see or act on another resident’s pass', async () => {
    const other = await makeResidentUser(t.db, house, house.bedIds[1]);
    const pass = await makePass(t.db, house, resident.residentId);
    const them = await callerAs(t.db, other.userId);
    expect((await refusal(them.passes.get({ passId: pass.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(them.passes.cancel({ passId: pass.id }))).code).toBe('NOT_FOUND');
    expect((await them.passes.mine()).items).toEqual([]);
  });
});
