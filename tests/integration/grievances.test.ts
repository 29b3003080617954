// Grievances through the API: up the ladder with every step kept, and only the
// people at each step act.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import {
  callerAs,
  makeHouse,
  makeOrganisation,
  makeResidentUser,
  makeRuleBook,
  makeUser,
  makeViolation,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let managerId: string;
let operatorId: string;
let resident: Awaited<ReturnType<typeof makeResidentUser>>;

beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, { rooms: 1, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] }))
    .userId;
  operatorId = (await makeUser(t.db, house.organisationId, 'operator')).userId;
  resident = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Sam',
    lastName: 'Rivera',
  });
});
afterEach(() => t.destroy());

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the grievance ladder', () => {
  it('goes from the house manager to the operator, and the resident sees every step', async () => {
    const { versionIds } = await makeRuleBook(t.db, house);
    const violation = await makeViolation(t.db, house, resident.residentId, versionIds[0] ?? '');
    const me = await callerAs(t.db, resident.userId);
    const manager = await callerAs(t.db, managerId);
    const operator = await callerAs(t.db, operatorId);

    const { grievanceId } = await me.grievances.file({
      subject: 'Curfew warning',
      body: 'My bus broke down.',
      violationId: violation.id,
    });
    expect(
      (await manager.grievances.list({ houseId: house.id, status: 'waiting' })).items,
    ).toHaveLength(1);

    // the resident cannot skip the house manager
    expect((await refusal(me.grievances.escalate({ grievanceId, reason: 'Now' }))).code).toBe(
      'CONFLICT',
    );
    await manager.grievances.decide({
      grievanceId,
      decision: 'not_upheld',
      reason: 'You could have called.',
    });
    await me.grievances.escalate({ grievanceId, reason: 'There was no phone.' });
    // the manager no longer decides it
    expect(
      (
        await refusal(
          manager.grievances.decide({ grievanceId, decision: 'upheld', reason: 'Changed my mind' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await operator.grievances.decide({
      grievanceId,
      decision: 'upheld',
      reason: 'The warning is withdrawn.',
    });
    await me.grievances.accept({ grievanceId });

    const [mine] = (await me.grievances.mine()).items;
    expect(mine).toMatchObject({ level: 'operator', status: 'closed', waitingOn: null });
    expect(mine?.steps.map((s) => [s.level, s.action, s.decision])).toEqual([
      ['house_manager', 'file', null],
      ['house_manager', 'decide', 'not_upheld'],
      ['operator', 'escalate', null],
      ['operator', 'decide', 'upheld'],
      ['operator', 'accept', null],
    ]);
  });

  it('a resident cannot file about another resident’s violation, or see their grievances', async () => {
    const { versionIds } = await makeRuleBook(t.db, house);
    const other = await makeResidentUser(t.db, house, house.bedIds[1]);
    const theirs = await makeViolation(t.db, house, other.residentId, versionIds[0] ?? '');
    const me = await callerAs(t.db, resident.userId);
    const error = await refusal(
      me.grievances.file({ subject: 'x', body: 'y', violationId: theirs.id }),
    );
    expect(error.message).toBe('violationId is not one of your violations.');
    const them = await callerAs(t.db, other.userId);
    const { grievanceId } = await them.grievances.file({ subject: 'Noise', body: 'Loud music.' });
    expect((await refusal(me.grievances.get({ grievanceId }))).code).toBe('NOT_FOUND');
  });

  it('two managers deciding at once: one decision is kept, the other is told', async () => {
    const me = await callerAs(t.db, resident.userId);
    const { grievanceId } = await me.grievances.file({ subject: 'Rota', body: 'Unfair.' });
    const manager = await callerAs(t.db, managerId);
    const operator = await callerAs(t.db, operatorId);
    const results = await Promise.allSettled([
      manager.grievances.decide({ grievanceId, decision: 'upheld', reason: 'A' }),
      operator.grievances.decide({ grievanceId, decision: 'not_upheld', reason: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [g] = (await me.grievances.mine()).items;
    expect(g?.steps.filter((s) => s.action === 'decide')).toHaveLength(1);
  });
});
