// Chore rotas through the API on a real migrated database: generating and
// publishing, what residents see, done and checked, swaps, a move-out handing
// chores on, completion rates, and the calendar feed read by a real parser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import ICAL from 'ical.js';
import { calendarFor } from '@porchlight/api';
import { and, eq, schema } from '@porchlight/db';
import { addDays, instantAt, isoWeekday } from '@porchlight/domain';
import {
  callerAs,
  makeChore,
  makeHouse,
  makeOrganisation,
  makePass,
  makeResident,
  makeResidentUser,
  makeRota,
  makeUser,
  todayIn,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let managerId: string;
let sam: Awaited<ReturnType<typeof makeResidentUser>>;
let alex: Awaited<ReturnType<typeof makeResidentUser>>;
let jo: { id: string };
let today: string;

const as = (userId: string, now?: Date) =>
  callerAs(t.db, userId, now ? { clock: { now: () => now } } : {});
const manager = () => as(managerId);

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.cause as { field?: string } | undefined;
      return { code: error.code, message: error.message, field: cause?.field };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The resident's own chores, for a resident living in the house. */
async function mineOf(caller: Awaited<ReturnType<typeof as>>) {
  const mine = await caller.chores.mine();
  if (!mine.livingIn) throw new Error('expected a resident living in the house');
  return mine;
}

async function occurrence(id: string) {
  const row = await t.db
    .select()
    .from(schema.choreOccurrences)
    .where(eq(schema.choreOccurrences.id, id))
    .get();
  if (!row) throw new Error(`no occurrence ${id}`);
  return row;
}

async function eventsOf(id: string) {
  return t.db
    .select()
    .from(schema.choreEvents)
    .where(eq(schema.choreEvents.occurrenceId, id))
    .orderBy(schema.choreEvents.at);
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
  jo = await makeResident(t.db, house, { bedId: house.bedIds[2], firstName: 'Jo' });
  today = todayIn(house.timezone);
});
afterEach(() => t.destroy());

async function houseChores() {
  const m = await manager();
  const dishes = await m.chores.create({
    houseId: house.id,
    name: 'Dishes',
    area: 'Kitchen',
    effort: 2,
    frequency: 'daily',
    needsVerification: true,
  });
  const trash = await m.chores.create({
    houseId: house.id,
    name: 'Trash and recycling',
    effort: 1,
    frequency: 'weekly',
    weekdays: [isoWeekday(addDays(today, 2))],
  });
  const bathroom = await m.chores.create({
    houseId: house.id,
    name: 'Bathroom',
    effort: 4,
    frequency: 'weekdays',
    weekdays: [isoWeekday(today), isoWeekday(addDays(today, 3))],
    residentsNeeded: 2,
  });
  return { dishes: dishes.choreId, trash: trash.choreId, bathroom: bathroom.choreId };
}

describe('generating and publishing a rota', () => {
  it('gives every chore to someone in the house, says why, and residents see it only once published', async () => {
    await houseChores();
    const m = await manager();
    const draft = await m.chores.generateRota({ houseId: house.id, start: today });
    expect(draft.period.status).toBe('draft');
    expect(draft.period.endDate).toBe(addDays(today, 6));
    // 7 dishes, 1 trash, 2 days × 2 residents of bathroom
    expect(draft.occurrences).toHaveLength(12);
    for (const o of draft.occurrences) {
      expect([sam.residentId, alex.residentId, jo.id]).toContain(o.residentId);
      expect(o.reasons.length).toBeGreaterThan(0);
      expect(o.reasons.join(' ')).toMatch(/fair share still to do|only|last period|Pinned|Tied/);
    }
    // balanced: nobody's effort is more than the heaviest chore above anyone else's
    const effort = draft.loads.map((l) => l.assigned);
    expect(Math.max(...effort) - Math.min(...effort)).toBeLessThanOrEqual(4);

    const asSam = await as(sam.userId);
    expect((await asSam.chores.rota({ houseId: house.id })).rota).toBeNull();
    expect((await failure(asSam.chores.getRota({ rotaId: draft.period.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await mineOf(asSam)).occurrences).toEqual([]);

    await m.chores.publishRota({ rotaId: draft.period.id });
    const seen = await asSam.chores.rota({ houseId: house.id });
    expect(seen.rota?.period.status).toBe('published');
    // the rota is the house's: everyone's names, but only their own chores' state, and no reasons
    const mine = seen.rota?.occurrences.filter((o) => o.mine) ?? [];
    const others = seen.rota?.occurrences.filter((o) => !o.mine) ?? [];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.status !== null)).toBe(true);
    expect(others.every((o) => o.status === null && o.reasons.length === 0)).toBe(true);
    expect(seen.rota?.loads).toEqual([]);

    const audit = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.recordId, draft.period.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'chores.generateRota',
      'chores.publishRota',
    ]);
  });

  it('planned again, a draft keeps what a manager chose and pinned by hand; a published rota is never replaced', async () => {
    const { dishes } = await houseChores();
    const m = await manager();
    const first = await m.chores.generateRota({ houseId: house.id, start: today });
    const chosen = first.occurrences.find(
      (o) => o.choreId === dishes && o.date === addDays(today, 1),
    );
    const to = chosen?.residentId === alex.residentId ? sam.residentId : alex.residentId;
    await m.chores.assign({ occurrenceId: chosen?.id ?? '', residentId: to, pin: true });
    const again = await m.chores.generateRota({ houseId: house.id, start: today });
    expect(again.period.id).toBe(first.period.id);
    const kept = again.occurrences.find(
      (o) => o.choreId === dishes && o.date === addDays(today, 1),
    );
    expect(kept?.residentId).toBe(to);
    expect(kept?.reasons).toEqual(['Chosen by a manager.']);

    await m.chores.publishRota({ rotaId: again.period.id });
    const replaced = await failure(m.chores.generateRota({ houseId: house.id, start: today }));
    expect(replaced).toMatchObject({ code: 'CONFLICT', field: 'start' });
    const overlap = await failure(
      m.chores.generateRota({ houseId: house.id, start: addDays(today, 3) }),
    );
    expect(overlap.message).toMatch(/overlaps the published rota/);
  });

  it('refuses a start in the past and a publish while a chore has nobody, naming the field', async () => {
    await houseChores();
    const m = await manager();
    const past = await failure(
      m.chores.generateRota({ houseId: house.id, start: addDays(today, -1) }),
    );
    expect(past).toMatchObject({ code: 'BAD_REQUEST', field: 'start' });
    const draft = await m.chores.generateRota({ houseId: house.id, start: today });
    await m.chores.assign({ occurrenceId: draft.occurrences[0]?.id ?? '', residentId: null });
    const refused = await failure(m.chores.publishRota({ rotaId: draft.period.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', field: 'rotaId' });
    expect(refused.message).toMatch(/1 chore in this rota has nobody/);
  });

  it('honours an exclusion and a pass, and keeps why someone is excused from residents', async () => {
    const { dishes } = await houseChores();
    const m = await manager();
    await m.chores.excuse({ choreId: dishes, residentId: sam.residentId, reason: 'Burned hand.' });
    const awayDay = addDays(today, 2);
    await makePass(t.db, house, alex.residentId, {
      status: 'approved',
      departAt: instantAt(awayDay, 8, 0, house.timezone),
      expectedReturnAt: instantAt(awayDay, 20, 0, house.timezone),
    });
    const draft = await m.chores.generateRota({ houseId: house.id, start: today });
    expect(
      draft.occurrences.some((o) => o.choreId === dishes && o.residentId === sam.residentId),
    ).toBe(false);
    expect(
      draft.occurrences.some((o) => o.date === awayDay && o.residentId === alex.residentId),
    ).toBe(false);
    const list = await (await as(sam.userId)).chores.list({ houseId: house.id });
    expect(list.exclusions).toEqual([]);
    expect(JSON.stringify(list)).not.toContain('Burned hand');
    const staffList = await m.chores.list({ houseId: house.id });
    expect(staffList.exclusions.map((e) => e.reason)).toEqual(['Burned hand.']);
  });
});

describe('exclusions and pins', () => {
  it('never contradict: excusing ends a pin, the excused cannot be pinned, retiring ends both', async () => {
    const { dishes, bathroom } = await houseChores();
    const m = await manager();
    await m.chores.pin({ choreId: dishes, residentId: sam.residentId });
    const twice = await failure(m.chores.pin({ choreId: dishes, residentId: sam.residentId }));
    expect(twice).toMatchObject({ code: 'CONFLICT', field: 'residentId' });
    expect(
      await m.chores.excuse({ choreId: dishes, residentId: sam.residentId, reason: 'Cut hand.' }),
    ).toMatchObject({ endedPin: true });
    let list = await m.chores.list({ houseId: house.id });
    expect(list.pins).toEqual([]);
    const excused = await failure(m.chores.pin({ choreId: dishes, residentId: sam.residentId }));
    expect(excused).toMatchObject({ code: 'BAD_REQUEST', field: 'residentId' });

    await m.chores.pin({ choreId: bathroom, residentId: alex.residentId });
    await m.chores.pin({ choreId: bathroom, residentId: jo.id });
    const fewer = await failure(
      m.chores.update({
        choreId: bathroom,
        name: 'Bathroom',
        effort: 4,
        frequency: 'daily',
        residentsNeeded: 1,
      }),
    );
    expect(fewer).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fewer.message).toMatch(/Residents ?needed|residentsNeeded/i);

    await m.chores.retire({ choreId: dishes });
    await m.chores.retire({ choreId: bathroom });
    list = await m.chores.list({ houseId: house.id });
    expect(list.pins).toEqual([]);
    expect(list.exclusions).toEqual([]);
    expect(
      (await failure(m.chores.pin({ choreId: dishes, residentId: alex.residentId }))).code,
    ).toBe('CONFLICT');
  });
});

describe('doing and checking chores', () => {
  it('done, sent back with a reason, done again and checked: every step kept; a day over is missed', async () => {
    const dishes = await makeChore(t.db, house, { name: 'Dishes', needsVerification: true });
    const rota = await makeRota(t.db, house, {
      startDate: addDays(today, -1),
      occurrences: [
        { choreId: dishes.id, date: today, residentId: sam.residentId },
        { choreId: dishes.id, date: addDays(today, -1), residentId: sam.residentId },
        { choreId: dishes.id, date: addDays(today, 1), residentId: sam.residentId },
      ],
    });
    const [todays, yesterdays, tomorrows] = rota.occurrenceIds as [string, string, string];
    const asSam = await as(sam.userId);
    const m = await manager();

    expect(
      (await failure((await as(alex.userId)).chores.markDone({ occurrenceId: todays }))).code,
    ).toBe('FORBIDDEN');
    await asSam.chores.markDone({ occurrenceId: todays, note: 'Pans soaking.' });
    const noReason = await failure(m.chores.verify({ occurrenceId: todays, verdict: 'rejected' }));
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST' });
    expect(noReason.message).toMatch(/reason/);
    await m.chores.verify({
      occurrenceId: todays,
      verdict: 'rejected',
      reason: 'The pans are still in the sink.',
    });
    const sent = (await mineOf(asSam)).occurrences.find((o) => o.id === todays);
    expect(sent).toMatchObject({
      status: 'rejected',
      checkReason: 'The pans are still in the sink.',
      canMarkDone: true,
    });
    await asSam.chores.markDone({ occurrenceId: todays });
    await m.chores.verify({ occurrenceId: todays, verdict: 'verified' });
    expect((await occurrence(todays)).checkResult).toBe('verified');
    expect((await eventsOf(todays)).map((e) => e.kind)).toEqual([
      'done',
      'rejected',
      'done',
      'verified',
    ]);
    const history = await asSam.chores.history({ occurrenceId: todays });
    expect(history.map((h) => h.note)).toContain('The pans are still in the sink.');

    const missed = await failure(asSam.chores.markDone({ occurrenceId: yesterdays }));
    expect(missed.message).toMatch(/day is over/);
    const early = await failure(asSam.chores.markDone({ occurrenceId: tomorrows }));
    expect(early.message).toMatch(/can be marked done from/);
    const mine = await mineOf(asSam);
    expect(mine.occurrences.find((o) => o.id === yesterdays)?.status).toBe('missed');
  });
});

describe('swaps', () => {
  async function twoChores() {
    const dishes = await makeChore(t.db, house, { name: 'Dishes' });
    const floors = await makeChore(t.db, house, { name: 'Floors' });
    return makeRota(t.db, house, {
      startDate: today,
      occurrences: [
        { choreId: dishes.id, date: addDays(today, 1), residentId: sam.residentId },
        { choreId: floors.id, date: addDays(today, 2), residentId: alex.residentId },
        { choreId: dishes.id, date: addDays(today, 3), residentId: sam.residentId },
        { choreId: dishes.id, date: today, residentId: sam.residentId },
      ],
    });
  }

  it('asked, accepted and approved: both chores change hands and each records the swap', async () => {
    const rota = await twoChores();
    const [samsDishes, alexsFloors] = rota.occurrenceIds as [string, string];
    const asked = await (
      await as(sam.userId)
    ).chores.requestSwap({
      occurrenceId: samsDishes,
      withResidentId: alex.residentId,
      theirOccurrenceId: alexsFloors,
      note: 'I have a late shift Tuesday.',
    });
    const asAlex = await as(alex.userId);
    const mineAlex = await mineOf(asAlex);
    expect(mineAlex.swaps.map((s) => [s.otherName, s.asked, s.status])).toEqual([
      ['Sam Rivera', false, 'requested'],
    ]);
    const accepted = await asAlex.chores.answerSwap({ swapId: asked.swapId, answer: 'accept' });
    // this house asks a manager to approve swaps
    expect(accepted).toMatchObject({ status: 'accepted', swapped: false });
    expect((await occurrence(samsDishes)).residentId).toBe(sam.residentId);
    const m = await manager();
    expect((await m.chores.swaps({ houseId: house.id })).map((s) => s.status)).toEqual([
      'accepted',
    ]);
    await m.chores.decideSwap({ swapId: asked.swapId, decision: 'approve' });
    expect((await occurrence(samsDishes)).residentId).toBe(alex.residentId);
    expect((await occurrence(alexsFloors)).residentId).toBe(sam.residentId);
    for (const id of [samsDishes, alexsFloors])
      expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['swapped']);
  });

  it('a declined swap moves nothing; where no approval is asked, accepting swaps at once', async () => {
    const rota = await twoChores();
    const [, , later] = rota.occurrenceIds as [string, string, string];
    const asSam = await as(sam.userId);
    const asAlex = await as(alex.userId);
    const first = await asSam.chores.requestSwap({
      occurrenceId: later,
      withResidentId: alex.residentId,
    });
    await asAlex.chores.answerSwap({ swapId: first.swapId, answer: 'decline' });
    expect((await occurrence(later)).residentId).toBe(sam.residentId);

    await (
      await manager()
    ).chores.updateSettings({
      houseId: house.id,
      rotaDays: 7,
      swapsNeedApproval: false,
    });
    const second = await asSam.chores.requestSwap({
      occurrenceId: later,
      withResidentId: alex.residentId,
    });
    expect(
      await asAlex.chores.answerSwap({ swapId: second.swapId, answer: 'accept' }),
    ).toMatchObject({
      status: 'approved',
      swapped: true,
    });
    expect((await occurrence(later)).residentId).toBe(alex.residentId);
  });

  it('nothing moves when the chore was done meanwhile, and an excused resident cannot be asked', async () => {
    const rota = await twoChores();
    const todays = rota.occurrenceIds[3] ?? '';
    await (
      await manager()
    ).chores.updateSettings({
      houseId: house.id,
      rotaDays: 7,
      swapsNeedApproval: false,
    });
    const asSam = await as(sam.userId);
    const swap = await asSam.chores.requestSwap({
      occurrenceId: todays,
      withResidentId: alex.residentId,
    });
    await asSam.chores.markDone({ occurrenceId: todays });
    const refused = await failure(
      (await as(alex.userId)).chores.answerSwap({ swapId: swap.swapId, answer: 'accept' }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect((await occurrence(todays)).residentId).toBe(sam.residentId);
    const stored = await t.db
      .select()
      .from(schema.choreSwaps)
      .where(eq(schema.choreSwaps.id, swap.swapId))
      .get();
    expect(stored?.status).toBe('requested');

    const o = await occurrence(rota.occurrenceIds[2] ?? '');
    await t.db.insert(schema.choreExclusions).values({
      id: `x-${swap.swapId}`,
      choreId: o.choreId,
      residentId: alex.residentId,
      reason: 'Allergy to the cleaner.',
    });
    const excused = await failure(
      asSam.chores.requestSwap({ occurrenceId: o.id, withResidentId: alex.residentId }),
    );
    expect(excused).toMatchObject({ code: 'BAD_REQUEST', field: 'withResidentId' });
    expect(excused.message).not.toContain('Allergy');
  });
});

describe('moving out', () => {
  it('hands a leaving resident’s chores from that day to others by the rotation, and withdraws their swaps', async () => {
    await houseChores();
    const m = await manager();
    const draft = await m.chores.generateRota({ houseId: house.id, start: today });
    await m.chores.publishRota({ rotaId: draft.period.id });
    const alexs = draft.occurrences.filter((o) => o.residentId === alex.residentId);
    expect(alexs.length).toBeGreaterThan(0);
    const samsLater = draft.occurrences.find(
      (o) => o.residentId === sam.residentId && o.date > today,
    );
    const swap = await (
      await as(sam.userId)
    ).chores.requestSwap({
      occurrenceId: samsLater?.id ?? '',
      withResidentId: alex.residentId,
    });

    const { trash } = await m.chores
      .list({ houseId: house.id })
      .then((l) => ({ trash: l.chores.find((c) => c.name === 'Trash and recycling')?.id ?? '' }));
    await m.chores.excuse({ choreId: trash, residentId: alex.residentId, reason: 'Bad back.' });
    await m.residents.moveOut({ residentId: alex.residentId, reason: 'completed' });
    // what was excused or pinned for their time in the house ends with it
    expect((await m.chores.list({ houseId: house.id })).exclusions).toEqual([]);
    for (const o of alexs) {
      const now = await occurrence(o.id);
      expect([sam.residentId, jo.id]).toContain(now.residentId);
      expect(now.reasons[0]).toMatchObject({ code: 'left', residentId: alex.residentId });
      const events = await eventsOf(o.id);
      expect(events.map((e) => [e.kind, e.fromResidentId, e.note])).toEqual([
        ['reassigned', alex.residentId, 'Moved out'],
      ]);
    }
    const stored = await t.db
      .select()
      .from(schema.choreSwaps)
      .where(eq(schema.choreSwaps.id, swap.swapId))
      .get();
    expect(stored?.status).toBe('cancelled');
    // the rota still gives every chore to someone who is in the house
    const after = await m.chores.getRota({ rotaId: draft.period.id });
    expect(after.occurrences.every((o) => o.residentId !== alex.residentId)).toBe(true);
  });
});

describe('completion rates', () => {
  it('count done, checked and missed over 4 and 12 weeks, by resident and for the house', async () => {
    const chore = await makeChore(t.db, house, { name: 'Porch' });
    const day = (n: number) => addDays(today, -n);
    await makeRota(t.db, house, {
      startDate: day(40),
      days: 14,
      occurrences: [
        // more than four weeks ago: only in the 12-week figures
        { choreId: chore.id, date: day(40), residentId: sam.residentId, doneAt: new Date() },
        { choreId: chore.id, date: day(39), residentId: sam.residentId },
      ],
    });
    await makeRota(t.db, house, {
      startDate: day(10),
      days: 14,
      occurrences: [
        {
          choreId: chore.id,
          date: day(10),
          residentId: sam.residentId,
          doneAt: new Date(),
          checkResult: 'verified',
        },
        { choreId: chore.id, date: day(9), residentId: sam.residentId, doneAt: new Date() },
        { choreId: chore.id, date: day(8), residentId: alex.residentId },
        // still to come: not counted yet
        { choreId: chore.id, date: addDays(today, 1), residentId: alex.residentId },
      ],
    });
    const report = await (await manager()).chores.completion({ houseId: house.id });
    const samRow = report.residents.find((r) => r.residentId === sam.residentId);
    expect(samRow?.weeks4).toMatchObject({ assigned: 2, done: 2, verified: 1, missed: 0, rate: 1 });
    expect(samRow?.weeks12).toMatchObject({ assigned: 4, done: 3, verified: 1, missed: 1 });
    expect(report.house4).toMatchObject({ assigned: 3, done: 2, missed: 1 });
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks.reduce((sum, w) => sum + w.missed, 0)).toBe(2);
  });
});

describe('the calendar feed', () => {
  it('lists the resident’s published chores as all-day events a real parser reads, and stops when turned off', async () => {
    await houseChores();
    const m = await manager();
    const draft = await m.chores.generateRota({ houseId: house.id, start: today });
    await m.chores.publishRota({ rotaId: draft.period.id });
    const asSam = await as(sam.userId);
    const feed = await asSam.chores.createCalendarFeed();
    const token = /^\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(feed.path)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(30);
    const ctx = { db: t.db, clock: { now: () => new Date() } };
    const ics = await calendarFor(ctx, token, 'https://porchlight.example');
    expect(ics).not.toBeNull();
    const calendar = new ICAL.Component(ICAL.parse(ics ?? '') as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const samsChores = draft.occurrences.filter((o) => o.residentId === sam.residentId);
    expect(events).toHaveLength(samsChores.length);
    for (const event of events) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.summary).toMatch(/^Chore: (Dishes|Trash and recycling|Bathroom)$/);
    }
    expect(events.map((e) => e.startDate.toString()).sort()).toEqual(
      samsChores.map((o) => o.date).sort(),
    );
    expect(await asSam.chores.calendarFeed()).toMatchObject({ on: true });

    // a new address turns the old one off; turning it off stops both
    const second = await asSam.chores.createCalendarFeed();
    expect(await calendarFor(ctx, token, 'https://porchlight.example')).toBeNull();
    const secondToken = /^\/calendar\/(.+)\.ics$/.exec(second.path)?.[1] ?? '';
    expect(await calendarFor(ctx, secondToken, 'https://porchlight.example')).not.toBeNull();
    await asSam.chores.revokeCalendarFeed();
    expect(await calendarFor(ctx, secondToken, 'https://porchlight.example')).toBeNull();
    expect(await asSam.chores.calendarFeed()).toMatchObject({ on: false });
    const stored = await t.db
      .select()
      .from(schema.calendarFeeds)
      .where(and(eq(schema.calendarFeeds.residentId, sam.residentId)));
    expect(stored.every((f) => f.revokedAt !== null && f.tokenHash !== token)).toBe(true);
  });
});
