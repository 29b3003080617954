// Check-ins, tests, recovery capital and the attention list through the API, on
// a real migrated database, with the server's clock set where a rule depends on
// the time of day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { and, eq, schema } from '@porchlight/db';
import { addDays, instantAt, verifyDraw } from '@porchlight/domain';
import {
  callerAs,
  makeHouse,
  makeOrganisation,
  makePass,
  makePhase,
  makeResident,
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
let sam: Awaited<ReturnType<typeof makeResidentUser>>;
let alex: Awaited<ReturnType<typeof makeResidentUser>>;
let today: string;
let phaseId: string;
const HOUR = 3_600_000;

/** A clock reading `hour:minute` on `date` (today by default) in the house's timezone. */
const at = (hour: number, minute = 0, date = today) => {
  const instant = instantAt(date, hour, minute, house.timezone);
  return { now: () => instant };
};
const as = (userId: string, clock?: { now: () => Date }) =>
  callerAs(t.db, userId, clock ? { clock } : {});

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, { rooms: 2, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] }))
    .userId;
  sam = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Sam',
    lastName: 'Rivera',
  });
  alex = await makeResidentUser(t.db, house, house.bedIds[1], {
    firstName: 'Alex',
    lastName: 'Kim',
  });
  today = todayIn(house.timezone);
  phaseId = (await makePhase(t.db, house.id, { meetingsPerWeek: 3 })).id;
  for (const r of [sam, alex]) await placeInPhase(t.db, r.residentId, phaseId, addDays(today, -30));
});
afterEach(() => t.destroy());

describe('daily check-ins', () => {
  it('stamps the server’s time, records a late entry as late, and refuses a second one for the day', async () => {
    const onTime = await (await as(sam.userId, at(18, 5))).checkIns.record({ mood: 4, craving: 2 });
    expect(onTime).toMatchObject({ forDate: today, late: false });
    expect(onTime.recordedAt).toBe(at(18, 5).now().toISOString());

    const late = await (
      await as(alex.userId, at(22, 30))
    ).checkIns.record({
      mood: 2,
      craving: 6,
      halt: ['tired', 'lonely'],
      meetings: [{ type: 'aa', name: 'Tuesday Step Study' }],
    });
    expect(late.late).toBe(true);

    await expect(
      (await as(sam.userId, at(19))).checkIns.record({ mood: 5, craving: 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const rows = await t.db
      .select()
      .from(schema.checkIns)
      .where(eq(schema.checkIns.residentId, sam.residentId));
    expect(rows).toHaveLength(1);
  });

  it('names the field when the input is wrong and writes nothing', async () => {
    const caller = await as(sam.userId, at(12));
    const error = await caller.checkIns.record({ mood: 7, craving: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toMatch(/mood/);
    await expect(
      caller.checkIns.record({ mood: 3, craving: 2, forDate: addDays(today, 1) }),
    ).rejects.toThrow(/forDate/);
    expect(await t.db.select().from(schema.checkIns)).toHaveLength(0);
  });

  it('keeps the original when a resident corrects a check-in, and shows both to the manager', async () => {
    const samCaller = await as(sam.userId, at(18));
    const { checkInId } = await samCaller.checkIns.record({ mood: 1, craving: 9 });
    await (
      await as(sam.userId, at(18, 10))
    ).checkIns.correct({ checkInId, reason: 'Tapped the wrong end.', mood: 4, craving: 1 });

    const history = await (await as(managerId)).checkIns.history({ residentId: sam.residentId });
    const entry = history.items[0];
    expect(entry?.current).toMatchObject({ mood: 4, craving: 1 });
    expect(entry?.versions.map((v) => [v.mood, v.craving])).toEqual([
      [1, 9],
      [4, 1],
    ]);
    expect(entry?.versions[1]?.correctionReason).toBe('Tapped the wrong end.');
    // the original row is still there, untouched
    const original = await t.db
      .select()
      .from(schema.checkIns)
      .where(eq(schema.checkIns.id, checkInId))
      .get();
    expect(original).toMatchObject({ mood: 1, craving: 9 });
  });

  it('never lets a resident read or write another resident’s check-ins', async () => {
    const { checkInId } = await (
      await as(sam.userId, at(18))
    ).checkIns.record({
      mood: 3,
      craving: 3,
    });
    const alexCaller = await as(alex.userId, at(19));
    expect(await codeOf(alexCaller.checkIns.history({ residentId: sam.residentId }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(alexCaller.checkIns.summary({ residentId: sam.residentId }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(
        alexCaller.checkIns.correct({ checkInId, reason: 'Mine now', mood: 1, craving: 10 }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(alexCaller.checkIns.board({ houseId: house.id }))).toBe('FORBIDDEN');
    // a resident's own check-in is always their own: there is no residentId to forge
    await expect(
      // @ts-expect-error residentId is not part of the input
      alexCaller.checkIns.record({ mood: 3, craving: 3, residentId: sam.residentId }),
    ).rejects.toThrow(/residentId/);
  });

  it('attaches a location only when the resident turned it on, and shows it only to staff', async () => {
    const location = { latitude: 39.96, longitude: -83.0, accuracy: 20 };
    const samCaller = await as(sam.userId, at(18));
    await expect(samCaller.checkIns.record({ mood: 3, craving: 1, location })).rejects.toThrow(
      /location/,
    );
    await samCaller.checkIns.setLocationSharing({ shareLocation: true });
    await (await as(sam.userId, at(18))).checkIns.record({ mood: 3, craving: 1, location });
    const own = await (await as(sam.userId)).checkIns.history({ residentId: sam.residentId });
    expect(own.items[0]?.current.location).toBeNull();
    const staff = await (await as(managerId)).checkIns.history({ residentId: sam.residentId });
    expect(staff.items[0]?.current.location).toMatchObject({ latitude: 39.96 });
  });
});

describe('the house board', () => {
  it('shows who is done, missed, away, and who is overdue back from a sign-out', async () => {
    await (await as(sam.userId, at(18))).checkIns.record({ mood: 4, craving: 1 });
    const kim = await makeResident(t.db, house, {
      bedId: house.bedIds[2],
      firstName: 'Kim',
      lastName: 'Away',
    });
    await placeInPhase(t.db, kim.id, phaseId, addDays(today, -30));
    await makePass(t.db, house, kim.id, {
      status: 'approved',
      departAt: instantAt(addDays(today, -1), 9, 0, house.timezone),
      expectedReturnAt: instantAt(addDays(today, 1), 18, 0, house.timezone),
    });
    // Alex signed out at 20:00, due back at 21:00; it is now 22:00
    await (
      await as(alex.userId, at(20))
    ).checkIns.signOut({
      destination: 'Corner shop',
      expectedReturnAt: at(21).now().toISOString(),
    });
    const board = await (await as(managerId, at(22))).checkIns.board({ houseId: house.id });
    const status = (id: string) => board.residents.find((r) => r.residentId === id)?.daily.status;
    expect(status(sam.residentId)).toBe('done');
    expect(status(alex.residentId)).toBe('missed');
    expect(status(kim.id)).toBe('away');
    expect(board.overdue).toHaveLength(1);
    expect(board.overdue[0]).toMatchObject({ residentId: alex.residentId, overdueMinutes: 60 });
    // the overdue resident is first on the board
    expect(board.residents[0]?.residentId).toBe(alex.residentId);

    // "I'm home" closes the sign-out
    await (await as(alex.userId, at(22, 5))).checkIns.curfew({});
    const after = await (await as(managerId, at(22, 6))).checkIns.board({ houseId: house.id });
    expect(after.overdue).toHaveLength(0);
    const alexRow = after.residents.find((r) => r.residentId === alex.residentId);
    expect(alexRow?.curfew.entry).not.toBeNull();
    expect(['done', 'late']).toContain(alexRow?.curfew.status);
  });

  it('does not count a resident who moved out', async () => {
    const gone = await makeResident(t.db, house, { bedId: house.bedIds[3], firstName: 'Gone' });
    await t.db
      .update(schema.stays)
      .set({ endDate: addDays(today, -3), endReason: 'completed' })
      .where(eq(schema.stays.residentId, gone.id));
    const board = await (await as(managerId, at(22))).checkIns.board({ houseId: house.id });
    expect(board.residents.map((r) => r.residentId)).not.toContain(gone.id);
  });
});

describe('drug and alcohol tests', () => {
  it('are seen only by the resident and the house’s staff, and every read is audited', async () => {
    const manager = await as(managerId);
    const { testId } = await manager.tests.record({
      residentId: sam.residentId,
      type: 'random',
      method: 'urine_cup',
      panel: ['marijuana', 'cocaine', 'opiates'],
      result: 'refused',
      witness: 'Marcus',
    });
    const own = await (await as(sam.userId)).tests.forResident({ residentId: sam.residentId });
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({ id: testId, countsAsPositive: true });

    const alexCaller = await as(alex.userId);
    expect(await codeOf(alexCaller.tests.forResident({ residentId: sam.residentId }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(alexCaller.tests.get({ testId }))).toBe('NOT_FOUND');
    expect(await codeOf(alexCaller.tests.list({ houseId: house.id }))).toBe('FORBIDDEN');

    await manager.tests.list({ houseId: house.id });
    await manager.tests.get({ testId });
    const reads = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'tests.read'));
    // the resident's read, the log and the single test: three reads, each naming the test
    expect(reads).toHaveLength(3);
    for (const read of reads)
      expect((read.details as { testIds: string[] }).testIds).toContain(testId);
    expect(reads.map((r) => r.actorUserId).sort()).toEqual(
      [managerId, managerId, sam.userId].sort(),
    );
  });

  it('keeps the test as recorded when a lab confirms it', async () => {
    const manager = await as(managerId);
    const { testId } = await manager.tests.record({
      residentId: sam.residentId,
      type: 'suspicion',
      method: 'saliva',
      panel: ['marijuana', 'cocaine'],
      result: 'positive',
      positiveFor: ['marijuana'],
    });
    await expect(
      manager.tests.confirm({ testId, result: 'positive', positiveFor: ['alcohol'], lab: 'Lab' }),
    ).rejects.toThrow(/positiveFor/);
    await manager.tests.confirm({ testId, result: 'negative', lab: 'County Lab' });
    const test = await manager.tests.get({ testId });
    expect(test).toMatchObject({
      result: 'positive',
      standing: 'negative',
      countsAsPositive: false,
    });
    expect(test.confirmations).toHaveLength(1);
  });

  it('draws only residents present, and records a draw anyone can re-run', async () => {
    await makePass(t.db, house, alex.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - HOUR),
      expectedReturnAt: new Date(Date.now() + 5 * HOUR),
    });
    const third = await makeResident(t.db, house, { bedId: house.bedIds[2] });
    const manager = await as(managerId);
    const draw = await manager.tests.randomDraw({ houseId: house.id, count: 5 });
    expect(draw.eligible.map((e) => e.residentId).sort()).toEqual(
      [sam.residentId, third.id].sort(),
    );
    expect(draw.drawn).toHaveLength(2);
    expect(draw.notEligible.map((n) => n.residentId)).toEqual([alex.residentId]);
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'tests.randomDraw'),
          eq(schema.auditLog.recordId, draw.drawId),
        ),
      )
      .get();
    expect(audit?.actorUserId).toBe(managerId);
    const details = audit?.details as { seed: number; eligible: string[]; drawn: string[] };
    expect(details.seed).toBe(draw.seed);
    expect(
      verifyDraw({
        eligible: details.eligible,
        size: details.drawn.length,
        seed: details.seed,
        drawn: details.drawn,
      }),
    ).toBe(true);
    const draws = await manager.tests.draws({ houseId: house.id });
    expect(draws.items[0]).toMatchObject({ id: draw.drawId, verified: true });
    await expect(manager.tests.randomDraw({ houseId: house.id })).rejects.toThrow(/count/);
  });
});

describe('recovery capital', () => {
  it('scores the BARC-10 and shows a falling trend', async () => {
    const first = await (
      await as(sam.userId, at(10, 0, addDays(today, -30)))
    ).recoveryCapital.submit({ answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] });
    expect(first.total).toBe(50);
    await expect(
      (await as(sam.userId)).recoveryCapital.submit({ answers: [5, 5, 5] }),
    ).rejects.toThrow(/answers/);
    await (
      await as(sam.userId, at(10))
    ).recoveryCapital.submit({
      answers: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
    });
    const history = await (
      await as(managerId)
    ).recoveryCapital.history({ residentId: sam.residentId });
    expect(history.surveys.map((s) => s.total)).toEqual([50, 40]);
    expect(history.trend).toBe('falling');
  });
});

describe('who needs attention', () => {
  it('lists an overdue return first, then missed check-ins and a refused test, each saying why', async () => {
    await (
      await as(sam.userId, at(20))
    ).checkIns.signOut({
      destination: 'Gym',
      expectedReturnAt: at(20, 30).now().toISOString(),
    });
    await (
      await as(managerId)
    ).tests.record({
      residentId: alex.residentId,
      type: 'random',
      method: 'urine_cup',
      panel: ['opiates'],
      result: 'refused',
    });
    const list = await (await as(managerId, at(21, 30))).attention.list({ houseId: house.id });
    const kinds = list.flags.map((f) => [f.residentName, f.kind]);
    expect(kinds[0]).toEqual(['Sam Rivera', 'overdue_return']);
    expect(kinds).toContainEqual(['Alex Kim', 'missed_check_in']);
    expect(kinds).toContainEqual(['Sam Rivera', 'missed_check_in']);
    expect(kinds).toContainEqual(['Alex Kim', 'positive_test']);
    expect(list.flags[0]?.why).toMatch(/Gym: 1 h past the expected return/);
    expect(list.flags.find((f) => f.kind === 'positive_test')?.why).toMatch(/Refused/);
    // a resident who checked in is not on the list for it
    await (await as(alex.userId, at(21, 40))).checkIns.record({ mood: 3, craving: 2 });
    const later = await (await as(managerId, at(21, 45))).attention.list({ houseId: house.id });
    const alexMissed = later.flags.find(
      (f) => f.residentName === 'Alex Kim' && f.kind === 'missed_check_in',
    );
    expect(alexMissed?.why).toMatch(/^Missed yesterday’s daily check-in/);
    expect(alexMissed?.why).not.toMatch(/today/);
  });

  it('flags a craving well above the resident’s own average', async () => {
    for (let d = 5; d >= 1; d--)
      await (
        await as(sam.userId, at(18, 0, addDays(today, -d)))
      ).checkIns.record({ mood: 4, craving: 1 });
    await (await as(sam.userId, at(18))).checkIns.record({ mood: 2, craving: 5 });
    const list = await (await as(managerId, at(18, 30))).attention.list({ houseId: house.id });
    const flag = list.flags.find(
      (f) => f.residentId === sam.residentId && f.kind === 'craving_spike',
    );
    expect(flag?.why).toMatch(/Craving 5 of 10 today, against their own 14-day average of 1/);
  });
});
