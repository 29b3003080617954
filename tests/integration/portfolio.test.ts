// The operator's overview says what each house's own screens say: every number
// is checked against the screen a manager would open for it, over the demo
// organisation, and a change to a past day shows at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from 'better-auth/crypto';
import { and, eq, isNull, schema } from '@porchlight/db';
import { seedDemo } from '@porchlight/db/seed';
import { addDays, localDateAt, type RequirementStatus } from '@porchlight/domain';
import { callerAs } from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let operatorId: string;
let managerId: string;
beforeAll(async () => {
  t = await testDb();
  expect(await seedDemo(t.db, { hashPassword })).toBe(true);
  const users = await t.db.select().from(schema.users);
  operatorId = users.find((u) => u.email === 'operator@example.org')?.id ?? '';
  managerId = users.find((u) => u.email === 'manager@example.org')?.id ?? '';
});
afterAll(() => t.destroy());

const COUNTED: RequirementStatus[] = ['done', 'late', 'unsigned', 'missed'];

type Caller = Awaited<ReturnType<typeof callerAs>>;

/** Compliance as the house's check-in board shows it, day by day. */
async function boardCompliance(caller: Caller, houseId: string, from: string, to: string) {
  let required = 0;
  let made = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const board = await caller.checkIns.board({ houseId, date });
    for (const counts of [board.counts.daily, board.counts.curfew]) {
      for (const s of COUNTED) required += counts[s];
      made += counts.done + counts.late;
    }
  }
  return { required, made };
}

describe('the portfolio overview', () => {
  it('shows for each house what the house’s own screens show, and totals that add up', async () => {
    const caller = await callerAs(t.db, operatorId);
    const overview = await caller.portfolio.overview();
    expect(overview.houses).toHaveLength(3);
    const rates = await caller.violations.rates({ months: 3 });
    const now = new Date();
    for (const row of overview.houses) {
      const at = row.name;
      const board = await caller.houses.board({ houseId: row.houseId });
      expect(row.occupancy.beds, at).toBe(board.occupancy.beds);
      expect(row.occupancy.filled, at).toBe(board.occupancy.filled);
      expect(row.occupancy.open, at).toBe(board.occupancy.open);

      const seven = await boardCompliance(
        caller,
        row.houseId,
        addDays(row.today, -7),
        addDays(row.today, -1),
      );
      expect(row.checkIns7.required, at).toBe(seven.required);
      expect(row.checkIns7.made, at).toBe(seven.made);
      expect(row.checkIns7.required, at).toBeGreaterThan(0);
      const thirty = await boardCompliance(
        caller,
        row.houseId,
        addDays(row.today, -30),
        addDays(row.today, -1),
      );
      expect(row.checkIns30.required, at).toBe(thirty.required);
      expect(row.checkIns30.made, at).toBe(thirty.made);

      const chores = await caller.chores.completion({ houseId: row.houseId });
      expect(row.chores, at).toEqual(chores.house4);

      const rate = rates.houses.find((h) => h.houseId === row.houseId);
      expect(row.violations.count, at).toBe(rate?.violations);
      expect(row.violations.residentNights, at).toBe(rate?.residentNights);
      expect(row.violations.perResidentMonth, at).toBe(rate?.rate);

      const tests = await caller.tests.list({ houseId: row.houseId, limit: 200 });
      const since = now.getTime() - (overview.windows?.testDays ?? 0) * 86_400_000;
      expect(row.positiveTests, at).toBe(
        tests.items.filter((x) => x.countsAsPositive && Date.parse(x.collectedAt) >= since).length,
      );

      const waiting = await caller.grievances.list({ houseId: row.houseId, status: 'waiting' });
      expect(row.openGrievances, at).toBe(waiting.items.length);

      const attention = await caller.attention.list({ houseId: row.houseId });
      expect(row.attention.flags, at).toBe(attention.flags.length);

      const meetings = await caller.meetings.list({ houseId: row.houseId, limit: 50 });
      const held = meetings.past.filter(
        (m) => m.status === 'closed' && m.date > addDays(row.today, -30) && m.date <= row.today,
      );
      let present = 0;
      let recorded = 0;
      for (const m of held) {
        const record = await caller.meetings.get({ meetingId: m.id });
        present += record.counts.present;
        recorded += record.attendance.filter((a) => a.status !== null).length;
      }
      expect(row.meetings.held, at).toBe(held.length);
      expect(row.meetings.present, at).toBe(present);
      expect(row.meetings.recorded, at).toBe(recorded);
    }
    const sum = (pick: (r: (typeof overview.houses)[number]) => number) =>
      overview.houses.reduce((n, r) => n + pick(r), 0);
    expect(overview.totals?.occupancy.filled).toBe(sum((r) => r.occupancy.filled));
    expect(overview.totals?.checkIns30.required).toBe(sum((r) => r.checkIns30.required));
    expect(overview.totals?.chores.done).toBe(sum((r) => r.chores.done));
    expect(overview.totals?.violations.count).toBe(sum((r) => r.violations.count));
    expect(overview.totals?.attention.flags).toBe(sum((r) => r.attention.flags));
    expect(overview.totals?.checkIns30.rate).toBeCloseTo(
      sum((r) => r.checkIns30.made) / sum((r) => r.checkIns30.required),
      10,
    );
  });

  it('shows a manager only the houses they cover', async () => {
    const caller = await callerAs(t.db, managerId);
    const overview = await caller.portfolio.overview();
    expect(overview.houses.map((h) => h.name).sort()).toEqual(['Cedar House', 'Maple House']);
    const trends = await caller.portfolio.trends();
    expect(trends.houses.map((h) => h.name).sort()).toEqual(['Cedar House', 'Maple House']);
  });

  it('counts a meeting held yesterday and closed after midnight, from the stored days', async () => {
    const caller = await callerAs(t.db, operatorId);
    const before = await caller.portfolio.overview();
    const row = before.houses[0];
    if (!row) throw new Error('no house');
    const yesterday = addDays(row.today, -1);
    const dayAgo = { now: () => new Date(Date.now() - 86_400_000) };
    const then = await callerAs(t.db, operatorId, { clock: dayAgo });
    const { meetingId } = await then.meetings.create({
      houseId: row.houseId,
      kind: 'emergency',
      title: 'Late meeting',
      date: yesterday,
      time: '00:00',
    });
    await then.meetings.open({ meetingId });
    const [stay] = await t.db
      .select()
      .from(schema.stays)
      .where(and(eq(schema.stays.houseId, row.houseId), isNull(schema.stays.endDate)));
    if (!stay) throw new Error('nobody lives there');
    await then.meetings.recordAttendance({
      meetingId,
      residentId: stay.residentId,
      status: 'present',
    });
    const figures = async () =>
      (await caller.portfolio.overview()).houses.find((h) => h.houseId === row.houseId)?.meetings;
    // an open meeting is not held yet
    expect((await figures())?.held).toBe(row.meetings.held);
    await caller.meetings.close({ meetingId });
    expect(await figures()).toMatchObject({
      held: row.meetings.held + 1,
      present: row.meetings.present + 1,
      recorded: row.meetings.recorded + 1,
    });
  });

  it('counts a test as the lab’s confirmation leaves it: an overturned positive drops out, a confirmed negative comes in', async () => {
    const caller = await callerAs(t.db, operatorId);
    const before = await caller.portfolio.overview();
    const row = before.houses[0];
    if (!row) throw new Error('no house');
    const [stay] = await t.db
      .select()
      .from(schema.stays)
      .where(and(eq(schema.stays.houseId, row.houseId), isNull(schema.stays.endDate)));
    if (!stay) throw new Error('nobody lives there');
    const test = (result: 'positive' | 'negative') =>
      caller.tests.record({
        residentId: stay.residentId,
        type: 'random',
        method: 'urine_cup',
        panel: ['opiates'],
        result,
        positiveFor: result === 'positive' ? ['opiates'] : [],
      });
    const positive = await test('positive');
    const negative = await test('negative');
    const countNow = async () =>
      (await caller.portfolio.overview()).houses.find((h) => h.houseId === row.houseId)
        ?.positiveTests;
    expect(await countNow()).toBe(row.positiveTests + 1);
    await caller.tests.confirm({ testId: positive.testId, result: 'negative', lab: 'County Lab' });
    expect(await countNow()).toBe(row.positiveTests);
    await caller.tests.confirm({
      testId: negative.testId,
      result: 'positive',
      positiveFor: ['opiates'],
      lab: 'County Lab',
    });
    expect(await countNow()).toBe(row.positiveTests + 1);
  });

  it('counts a change to a past day at once: a violation recorded for ten days ago, then voided', async () => {
    const caller = await callerAs(t.db, operatorId);
    const before = await caller.portfolio.overview();
    const maple = before.houses.find((h) => h.name === 'Maple House');
    if (!maple) throw new Error('no Maple House');
    const [stay] = await t.db
      .select()
      .from(schema.stays)
      .where(and(eq(schema.stays.houseId, maple.houseId), isNull(schema.stays.endDate)))
      .limit(1);
    const residentId = stay?.residentId ?? '';
    const rules = await caller.violations.applicableRules({ residentId });
    const rule = rules.version?.rules.find((r) => r.consequences.some((c) => c.kind === 'warning'));
    if (!rule) throw new Error('no rule');
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    const { violationId } = await caller.violations.record({
      residentId,
      ruleKey: rule.key,
      occurredAt: tenDaysAgo.toISOString(),
      description: 'Came in after curfew.',
      consequence: { kind: 'warning' },
    });
    const after = await caller.portfolio.overview();
    const changed = after.houses.find((h) => h.houseId === maple.houseId);
    expect(changed?.violations.count).toBe(maple.violations.count + 1);
    expect(after.totals?.violations.count).toBe((before.totals?.violations.count ?? 0) + 1);
    // the trend's week of that day counts it too
    const trends = await caller.portfolio.trends();
    const date = localDateAt(tenDaysAgo, maple.timezone);
    const week = trends.houses
      .find((h) => h.houseId === maple.houseId)
      ?.weeks.find((w) => w.weekStart <= date && date <= addDays(w.weekStart, 6));
    expect(week?.counts.violations).toBeGreaterThan(0);

    await caller.violations.void({ violationId, reason: 'Recorded against the wrong resident.' });
    const voided = await caller.portfolio.overview();
    expect(voided.houses.find((h) => h.houseId === maple.houseId)?.violations.count).toBe(
      maple.violations.count,
    );
  });
});

describe('the overview’s live part', () => {
  it('shows at once a bed added, a grievance raised and a manager renamed, though it is kept between calls', async () => {
    const caller = await callerAs(t.db, operatorId);
    const before = await caller.portfolio.overview();
    const row = before.houses.find((h) => h.managers.length > 0);
    if (!row) throw new Error('no managed house');
    // asked again with nothing changed: the same live part
    expect((await caller.portfolio.overview()).houses).toEqual(before.houses);

    const [bed] = await t.db.select().from(schema.beds).where(eq(schema.beds.houseId, row.houseId));
    if (!bed) throw new Error('no bed');
    await t.db.insert(schema.beds).values({ ...bed, id: crypto.randomUUID(), label: 'Z-live' });
    const [grievance] = await t.db.select().from(schema.grievances).limit(1);
    if (!grievance) throw new Error('no grievance');
    await t.db.insert(schema.grievances).values({
      ...grievance,
      id: crypto.randomUUID(),
      houseId: row.houseId,
      status: 'open',
    });
    const manager = row.managers[0];
    await t.db
      .update(schema.users)
      .set({ name: 'Renamed Manager' })
      .where(eq(schema.users.id, manager?.userId ?? ''));

    const after = (await caller.portfolio.overview()).houses.find((h) => h.houseId === row.houseId);
    expect(after?.occupancy.beds).toBe(row.occupancy.beds + 1);
    expect(after?.openGrievances).toBe(row.openGrievances + 1);
    expect(after?.managers.map((m) => m.name)).toContain('Renamed Manager');
  });
});

describe('a planned move-out', () => {
  it('counts as an expected move-out within thirty days, is audited, and refuses a date before the move-in', async () => {
    const caller = await callerAs(t.db, operatorId);
    const before = await caller.portfolio.overview();
    const cedar = before.houses.find((h) => h.name === 'Cedar House');
    if (!cedar) throw new Error('no Cedar House');
    const [stay] = await t.db
      .select()
      .from(schema.stays)
      .where(
        and(
          eq(schema.stays.houseId, cedar.houseId),
          isNull(schema.stays.endDate),
          isNull(schema.stays.expectedEndDate),
        ),
      )
      .limit(1);
    const residentId = stay?.residentId ?? '';
    await expect(
      caller.residents.planMoveOut({ residentId, expectedEndDate: stay?.startDate ?? '' }),
    ).rejects.toThrow(/expectedEndDate/);
    await caller.residents.planMoveOut({ residentId, expectedEndDate: addDays(cedar.today, 10) });
    const after = await caller.portfolio.overview();
    expect(after.houses.find((h) => h.houseId === cedar.houseId)?.occupancy.expectedMoveOuts).toBe(
      cedar.occupancy.expectedMoveOuts + 1,
    );
    const record = await caller.residents.get({ residentId });
    expect(record.stays[0]?.expectedEndDate).toBe(addDays(cedar.today, 10));
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'residents.planMoveOut'));
    expect(audit).toHaveLength(1);
    await caller.residents.planMoveOut({ residentId, expectedEndDate: null });
    const cleared = await caller.portfolio.overview();
    expect(
      cleared.houses.find((h) => h.houseId === cedar.houseId)?.occupancy.expectedMoveOuts,
    ).toBe(cedar.occupancy.expectedMoveOuts);
  });
});
