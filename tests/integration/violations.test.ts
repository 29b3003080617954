// Violations through the API: only rules the resident signed, only consequences
// those rules disclosed; the resident answers; voiding keeps the record; rates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq, schema } from '@porchlight/db';
import {
  acknowledge,
  callerAs,
  makeHouse,
  makeOrganisation,
  makePass,
  makeResidentUser,
  makeRuleBook,
  makeUser,
  makeViolation,
  SAMPLE_RULES,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let managerId: string;
let resident: Awaited<ReturnType<typeof makeResidentUser>>;
let versionIds: string[];
const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, { rooms: 1, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] }))
    .userId;
  resident = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Sam',
    lastName: 'Rivera',
  });
  const stricter = SAMPLE_RULES.map((r) =>
    r.key === 'curfew' ? { ...r, consequences: [{ kind: 'warning' }, { kind: 'discharge' }] } : r,
  );
  ({ versionIds } = await makeRuleBook(t.db, house, [SAMPLE_RULES, stricter]));
  await acknowledge(t.db, resident.residentId, versionIds[0] ?? '', 'Sam Rivera');
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

const record = (
  consequence: { kind: 'warning' | 'discharge' | 'loss_of_pass' | 'fine'; amountCents?: number },
  ruleKey = 'curfew',
) => ({
  residentId: resident.residentId,
  ruleKey,
  occurredAt: hoursAgo(10),
  description: 'Came home at 23:10.',
  consequence,
});

describe('recording a violation', () => {
  it('applies the rule as the resident signed it: a consequence only a newer version discloses is refused, naming the field', async () => {
    const manager = await callerAs(t.db, managerId);
    const error = await refusal(manager.violations.record(record({ kind: 'discharge' })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'consequence must be one of the consequences this rule discloses: A warning, Loss of a pass.',
    );
    expect(await t.db.select().from(schema.violations)).toEqual([]);

    const made = await manager.violations.record(record({ kind: 'loss_of_pass' }));
    const [row] = await t.db
      .select()
      .from(schema.violations)
      .where(eq(schema.violations.id, made.violationId));
    expect(row).toMatchObject({
      ruleBookVersionId: versionIds[0],
      ruleKey: 'curfew',
      reportedBy: managerId,
    });
  });

  it('a fine is at most the disclosed amount', async () => {
    const manager = await callerAs(t.db, managerId);
    const error = await refusal(
      manager.violations.record(record({ kind: 'fine', amountCents: 5000 }, 'chores')),
    );
    expect(error.message).toMatch(/^consequence must be a fine of at most/);
    const made = await manager.violations.record(
      record({ kind: 'fine', amountCents: 500 }, 'chores'),
    );
    expect(made.consequence).toEqual({ kind: 'fine', amountCents: 500 });
  });

  it('a resident who has signed nothing has no rule applied to them', async () => {
    const newcomer = await makeResidentUser(t.db, house, house.bedIds[1]);
    const manager = await callerAs(t.db, managerId);
    const error = await refusal(
      manager.violations.record({
        ...record({ kind: 'warning' }),
        residentId: newcomer.residentId,
      }),
    );
    expect(error.message).toMatch(/^ruleKey cannot be applied: .* has not signed the house rules/);
  });

  it('turns a late return into a violation once, and the late return leaves the board', async () => {
    const pass = await makePass(t.db, house, resident.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - 6 * HOUR),
      expectedReturnAt: new Date(Date.now() - 3 * HOUR),
      returnedAt: new Date(Date.now() - 2 * HOUR),
    });
    const manager = await callerAs(t.db, managerId);
    await manager.violations.record({ ...record({ kind: 'warning' }), passId: pass.id });
    expect((await manager.passes.board({ houseId: house.id })).lateReturns).toEqual([]);
    const again = await refusal(
      manager.violations.record({ ...record({ kind: 'warning' }), passId: pass.id }),
    );
    expect(again.code).toBe('CONFLICT');
  });
});

describe('seeing, answering and voiding', () => {
  it('a resident sees and answers their own violations, and cannot see another resident’s', async () => {
    const other = await makeResidentUser(t.db, house, house.bedIds[1]);
    const mine = await makeViolation(t.db, house, resident.residentId, versionIds[0] ?? '');
    const theirs = await makeViolation(t.db, house, other.residentId, versionIds[0] ?? '');
    const me = await callerAs(t.db, resident.userId);
    expect((await me.violations.mine()).items.map((v) => v.id)).toEqual([mine.id]);
    expect((await refusal(me.violations.get({ violationId: theirs.id }))).code).toBe('NOT_FOUND');
    expect(
      (await refusal(me.violations.respond({ violationId: theirs.id, response: 'Not me' }))).code,
    ).toBe('NOT_FOUND');
    // nor through the house's list
    expect((await refusal(me.violations.list({ houseId: house.id }))).code).toBe('FORBIDDEN');

    await me.violations.respond({ violationId: mine.id, response: 'The bus broke down.' });
    const again = await refusal(me.violations.respond({ violationId: mine.id, response: 'Also…' }));
    expect(again.code).toBe('CONFLICT');
  });

  it('voiding keeps the violation visible to managers, marked, and takes it out of the counts', async () => {
    // the violation happened two days ago: two months always include it, whatever today is
    const v = await makeViolation(t.db, house, resident.residentId, versionIds[0] ?? '');
    const manager = await callerAs(t.db, managerId);
    const before = await manager.violations.rates({ months: 2 });
    expect(before.houses[0]?.violations).toBe(1);

    await manager.violations.void({ violationId: v.id, reason: 'Wrong resident.' });
    const list = await manager.violations.list({ houseId: house.id });
    expect(list.items[0]).toMatchObject({ id: v.id, voided: { reason: 'Wrong resident.' } });
    const after = await manager.violations.rates({ months: 2 });
    expect(after.houses[0]?.violations).toBe(0);
    expect(await t.db.select().from(schema.violations)).toHaveLength(1);
  });

  it('the database refuses to delete a violation, whoever asks', async () => {
    await makeViolation(t.db, house, resident.residentId, versionIds[0] ?? '');
    await expect(t.client.execute('delete from violations')).rejects.toThrow(/never deleted/);
  });

  it('every read of violations is in the audit log', async () => {
    await makeViolation(t.db, house, resident.residentId, versionIds[0] ?? '');
    const manager = await callerAs(t.db, managerId);
    await manager.violations.list({ houseId: house.id });
    const reads = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'violations.read'));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.actorUserId).toBe(managerId);
  });
});

describe('violations per resident-month', () => {
  it('divides by the nights residents lived in the house, per house and per manager', async () => {
    await makeViolation(t.db, house, resident.residentId, versionIds[0] ?? '', {
      occurredAt: new Date(),
      category: 'chores',
      ruleKey: 'chores',
    });
    const manager = await callerAs(t.db, managerId);
    const rates = await manager.violations.rates({ months: 2 });
    const h = rates.houses[0];
    expect(rates.months).toHaveLength(2);
    expect(h?.violations).toBe(1);
    expect(h?.residentNights).toBeGreaterThan(0);
    expect(h?.rate).toBeCloseTo(1 / ((h?.residentNights ?? 1) / 30), 2);
    expect(rates.categories).toEqual(['chores']);
    expect(rates.managers.map((m) => m.userId)).toEqual([managerId]);
  });
});
