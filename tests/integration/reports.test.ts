// The monthly house report says what the house's own screens say for that
// month, holds counts and never a resident's name, and is refused for a month
// with nothing to count and to staff of other houses.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from 'better-auth/crypto';
import { and, eq, inArray, schema, sql } from '@porchlight/db';
import { seedDemo } from '@porchlight/db/seed';
import {
  addDays,
  DomainError,
  localDateAt,
  monthDays,
  monthOf,
  type RequirementStatus,
  shiftMonth,
} from '@porchlight/domain';
import { callerAs } from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let operatorId: string;
let managerId: string;
let houses: Array<typeof schema.houses.$inferSelect>;
beforeAll(async () => {
  t = await testDb();
  expect(await seedDemo(t.db, { hashPassword })).toBe(true);
  const users = await t.db.select().from(schema.users);
  operatorId = users.find((u) => u.email === 'operator@example.org')?.id ?? '';
  managerId = users.find((u) => u.email === 'manager@example.org')?.id ?? '';
  houses = await t.db.select().from(schema.houses);
});
afterAll(() => t.destroy());

const COUNTED: RequirementStatus[] = ['done', 'late', 'unsigned', 'missed'];

type Caller = Awaited<ReturnType<typeof callerAs>>;

function houseNamed(name: string) {
  const house = houses.find((h) => h.name === name);
  if (!house) throw new Error(`no ${name}`);
  return house;
}

const lastMonthOf = (house: { timezone: string }) =>
  shiftMonth(monthOf(localDateAt(new Date(), house.timezone)), -1);

/** Compliance as the house's check-in board shows it, day by day. */
async function boardCompliance(caller: Caller, houseId: string, from: string, to: string) {
  let required = 0;
  let made = 0;
  let onTime = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const board = await caller.checkIns.board({ houseId, date });
    for (const counts of [board.counts.daily, board.counts.curfew]) {
      for (const s of COUNTED) required += counts[s];
      made += counts.done + counts.late;
      onTime += counts.done;
    }
  }
  return { required, made, onTime };
}

/** The refusal of a call: its code, message, and the input field it names. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause: unknown = error.cause;
    // a domain refusal names its field; a malformed input is zod's, with the path of each issue
    const issues =
      typeof cause === 'object' && cause !== null && 'issues' in cause ? cause.issues : undefined;
    const path: unknown = Array.isArray(issues)
      ? (issues[0] as { path?: unknown })?.path
      : undefined;
    const field =
      cause instanceof DomainError ? cause.field : Array.isArray(path) ? path.join('.') : undefined;
    return { code: error.code, message: error.message, field };
  }
  throw new Error('the call was not refused');
}

describe('the monthly house report', () => {
  it('shows for last month what the house’s check-in board and violation rates show', async () => {
    const caller = await callerAs(t.db, operatorId);
    const maple = houseNamed('Maple House');
    const month = lastMonthOf(maple);
    const { first, last } = monthDays(month);
    const report = await caller.reports.monthlyHouse({ houseId: maple.id, month });
    expect(report).toMatchObject({ month, from: first, to: last, partial: false });
    expect(report.house).toMatchObject({ name: 'Maple House', narrLevel: 2 });
    expect(report.house.managers).toEqual(['Marcus Reyes']);

    const board = await boardCompliance(caller, maple.id, first, last);
    expect(report.checkIns.required).toBeGreaterThan(0);
    expect(report.checkIns.required).toBe(board.required);
    expect(report.checkIns.made).toBe(board.made);
    expect(report.checkIns.onTime).toBe(board.onTime);
    expect(report.checkIns.rate).toBeCloseTo(board.made / board.required, 10);

    const rates = await caller.violations.rates({ months: 2 });
    const entry = rates.houses
      .find((h) => h.houseId === maple.id)
      ?.byMonth.find((m) => m.month === month);
    expect(entry).toBeDefined();
    expect(report.incidents.violations.count).toBe(entry?.violations);
    expect(report.occupancy.residentNights).toBeGreaterThan(0);
    expect(report.occupancy.residentNights).toBe(entry?.residentNights);
    expect(report.incidents.violations.perResidentMonth).toBe(entry?.rate);
    expect(
      Object.fromEntries(report.incidents.violations.byCategory.map((c) => [c.category, c.count])),
    ).toEqual(entry?.byCategory);

    // average occupancy is nights over beds × days
    const board0 = await caller.houses.board({ houseId: maple.id });
    expect(report.occupancy.beds).toBe(board0.occupancy.beds);
    expect(report.days).toBe(Number(last.slice(8)));
    expect(report.occupancy.average).toBeCloseTo(
      report.occupancy.residentNights / (report.occupancy.beds * report.days),
      10,
    );
    expect(report.previousMonth).toBe(shiftMonth(month, -1));
    expect(report.nextMonth).toBe(shiftMonth(month, 1));
  });

  it('counts the month’s held meetings and positive or refused tests as the house’s pages list them', async () => {
    const caller = await callerAs(t.db, operatorId);
    const oxford = houseNamed('Oxford Street House');
    const month = lastMonthOf(oxford);
    const report = await caller.reports.monthlyHouse({ houseId: oxford.id, month });
    const meetings = await caller.meetings.list({ houseId: oxford.id, limit: 100 });
    const held = meetings.past.filter((m) => m.status === 'closed' && monthOf(m.date) === month);
    expect(report.meetings.held).toBe(held.length);
    let present = 0;
    let recorded = 0;
    for (const m of held) {
      const record = await caller.meetings.get({ meetingId: m.id });
      present += record.counts.present;
      recorded += record.attendance.filter((a) => a.status !== null).length;
    }
    expect(report.meetings.attendance).toMatchObject({ present, recorded });

    const tests = await caller.tests.list({ houseId: oxford.id, limit: 200 });
    const ofMonth = tests.items.filter(
      (x) => monthOf(localDateAt(new Date(x.collectedAt), oxford.timezone)) === month,
    );
    expect(report.incidents.tests.taken).toBe(ofMonth.length);
    expect(report.incidents.tests.positiveOrRefused).toBe(
      ofMonth.filter((x) => x.countsAsPositive).length,
    );
  });

  it('names no resident, counts milestones only of residents who agreed to share them, and is audited', async () => {
    const caller = await callerAs(t.db, operatorId);
    const maple = houseNamed('Maple House');
    const month = lastMonthOf(maple);
    const residents = await t.db.select().from(schema.residents);
    const report = await caller.reports.monthlyHouse({ houseId: maple.id, month });
    const text = JSON.stringify(report);
    for (const r of residents) {
      expect(text).not.toContain(`${r.firstName} ${r.lastName}`);
      expect(text).not.toContain(r.id);
    }
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'reports.monthlyHouse'));
    expect(audit.at(-1)).toMatchObject({
      actorUserId: operatorId,
      recordType: 'house',
      recordId: maple.id,
      details: { houseId: maple.id, month },
    });

    // nobody agreeing: no milestones counted, though the residents reached them all the same
    const sharing = residents.filter((r) => r.shareMilestones).map((r) => r.id);
    await t.db
      .update(schema.residents)
      .set({ shareMilestones: false })
      .where(sql`1 = 1`);
    try {
      const none = await caller.reports.monthlyHouse({ houseId: maple.id, month });
      expect(none.milestones).toEqual({ sobriety: 0, stay: 0, residents: 0, sharingResidents: 0 });
      await t.db
        .update(schema.residents)
        .set({ shareMilestones: true })
        .where(sql`1 = 1`);
      const all = await caller.reports.monthlyHouse({ houseId: maple.id, month });
      expect(all.milestones.sobriety + all.milestones.stay).toBeGreaterThanOrEqual(
        report.milestones.sobriety + report.milestones.stay,
      );
      expect(all.milestones.sharingResidents).toBe(all.occupancy.residents);
    } finally {
      await t.db
        .update(schema.residents)
        .set({ shareMilestones: false })
        .where(sql`1 = 1`);
      if (sharing.length > 0)
        await t.db
          .update(schema.residents)
          .set({ shareMilestones: true })
          .where(inArray(schema.residents.id, sharing));
    }
  });

  it('counts the current month so far', async () => {
    const caller = await callerAs(t.db, operatorId);
    const cedar = houseNamed('Cedar House');
    const today = localDateAt(new Date(), cedar.timezone);
    const report = await caller.reports.monthlyHouse({ houseId: cedar.id, month: monthOf(today) });
    expect(report).toMatchObject({ partial: true, to: today, nextMonth: null });
    expect(report.days).toBe(Number(today.slice(8)));
  });

  it('refuses a month to come and a month before the house’s records, naming month', async () => {
    const caller = await callerAs(t.db, operatorId);
    const cedar = houseNamed('Cedar House');
    const next = shiftMonth(monthOf(localDateAt(new Date(), cedar.timezone)), 1);
    const future = await refusal(caller.reports.monthlyHouse({ houseId: cedar.id, month: next }));
    expect(future).toMatchObject({ code: 'BAD_REQUEST', field: 'month' });
    expect(future.message).toMatch(/^month cannot be in the future/);
    const first = await t.db
      .select({ date: sql<string>`min(${schema.stays.startDate})` })
      .from(schema.stays)
      .where(eq(schema.stays.houseId, cedar.id))
      .get();
    const before = shiftMonth(monthOf(first?.date ?? ''), -1);
    const early = await refusal(caller.reports.monthlyHouse({ houseId: cedar.id, month: before }));
    expect(early).toMatchObject({ code: 'BAD_REQUEST', field: 'month' });
    expect(early.message).toMatch(/^month is before this house’s records begin/);
    const malformed = await refusal(
      caller.reports.monthlyHouse({ houseId: cedar.id, month: '2026-13' }),
    );
    expect(malformed).toMatchObject({ code: 'BAD_REQUEST', field: 'month' });
    const earliest = await caller.reports.monthlyHouse({
      houseId: cedar.id,
      month: monthOf(first?.date ?? ''),
    });
    expect(earliest.previousMonth).toBeNull();
  });

  it('is refused to a manager of other houses, and given to the manager of the house', async () => {
    const caller = await callerAs(t.db, managerId);
    const oxford = houseNamed('Oxford Street House');
    await expect(
      caller.reports.monthlyHouse({ houseId: oxford.id, month: lastMonthOf(oxford) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const maple = houseNamed('Maple House');
    const report = await caller.reports.monthlyHouse({
      houseId: maple.id,
      month: lastMonthOf(maple),
    });
    expect(report.house.name).toBe('Maple House');
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'reports.monthlyHouse'),
          eq(schema.auditLog.actorUserId, managerId),
        ),
      );
    expect(audit).toHaveLength(1);
  });
});
