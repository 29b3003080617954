// House meetings and officers through the API on a real migrated database: the
// schedule on the house's clock, running a meeting as its secretary, votes,
// elections within term limits, minutes approved and locked, action items that
// carry over, and offices that give (and stop giving) powers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import ICAL from 'ical.js';
import { calendarFor } from '@porchlight/api';
import { eq, newId, schema } from '@porchlight/db';
import { addDays, isoWeekday } from '@porchlight/domain';
import {
  callerAs,
  makeChore,
  makeHouse,
  makeOrganisation,
  makeResident,
  makeResidentUser,
  makeUser,
  todayIn,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let operatorId: string;
let secretary: Awaited<ReturnType<typeof makeResidentUser>>;
let member: Awaited<ReturnType<typeof makeResidentUser>>;
let others: Array<{ id: string }>;
let today: string;

const as = (userId: string) => callerAs(t.db, userId);

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

async function officeId(key: string) {
  const row = await t.db.select().from(schema.offices).where(eq(schema.offices.key, key)).all();
  const found = row.find((o) => o.houseId === house.id);
  if (!found) throw new Error(`no office ${key}`);
  return found.id;
}

async function holdOffice(key: string, residentId: string, from = addDays(today, -10)) {
  await t.db.insert(schema.officerTerms).values({
    id: newId(),
    officeId: await officeId(key),
    houseId: house.id,
    residentId,
    startDate: from,
    endDate: addDays(from, 150),
  });
}

/** A meeting for today that the secretary can open now. */
async function todaysMeeting() {
  const op = await as(operatorId);
  const { meetingId } = await op.meetings.create({
    houseId: house.id,
    kind: 'house',
    title: 'House meeting',
    date: today,
    time: '00:00',
  });
  return meetingId;
}

beforeEach(async () => {
  t = await testDb();
  // a peer-run house: no manager, residents run it
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, {
    rooms: 3,
    bedsPerRoom: 2,
    narrLevel: 1,
  });
  operatorId = (await makeUser(t.db, house.organisationId, 'operator')).userId;
  secretary = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Sky',
    lastName: 'Secretary',
  });
  member = await makeResidentUser(t.db, house, house.bedIds[1], {
    firstName: 'Max',
    lastName: 'Member',
  });
  others = [];
  for (const bed of house.bedIds.slice(2, 6))
    others.push(await makeResident(t.db, house, { ...(bed ? { bedId: bed } : {}) }));
  today = todayIn(house.timezone);
  await holdOffice('secretary', secretary.residentId);
});
afterEach(() => t.destroy());

describe('the meeting schedule', () => {
  it('plans meetings at the same time on the house clock eight weeks ahead; a new schedule cancels the old one’s', async () => {
    const op = await as(operatorId);
    const weekday = isoWeekday(addDays(today, 2));
    await op.meetings.setSchedule({
      houseId: house.id,
      weekday,
      time: '19:00',
      title: 'House meeting',
    });
    const list = await op.meetings.list({ houseId: house.id });
    expect(list.schedule).toEqual({ weekday, time: '19:00', title: 'House meeting' });
    expect(list.upcoming.length).toBeGreaterThanOrEqual(8);
    expect(list.upcoming.every((m) => m.time === '19:00')).toBe(true);
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: house.timezone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(new Set(list.upcoming.map((m) => local.format(new Date(m.startsAt))))).toEqual(
      new Set(['19:00']),
    );
    await op.meetings.setSchedule({
      houseId: house.id,
      weekday: isoWeekday(addDays(today, 3)),
      time: '18:30',
      title: 'House meeting',
    });
    const after = await op.meetings.list({ houseId: house.id });
    expect(after.upcoming.every((m) => m.time === '18:30')).toBe(true);
    const cancelled = await t.db
      .select()
      .from(schema.meetings)
      .where(eq(schema.meetings.status, 'cancelled'));
    expect(cancelled.length).toBeGreaterThanOrEqual(8);
    expect(cancelled.every((m) => m.cancelReason === 'The meeting schedule changed.')).toBe(true);
  });
});

describe('running a meeting', () => {
  it('the secretary opens it, takes the roll and records motions counted against those present', async () => {
    const meetingId = await todaysMeeting();
    const sec = await as(secretary.userId);
    await sec.meetings.open({ meetingId });
    const present = [
      secretary.residentId,
      member.residentId,
      ...others.slice(0, 2).map((o) => o.id),
    ];
    for (const residentId of present)
      await sec.meetings.recordAttendance({ meetingId, residentId, status: 'present' });
    await sec.meetings.recordAttendance({
      meetingId,
      residentId: others[2]?.id ?? '',
      status: 'excused',
    });
    // 6 members, 4 in the room: a quorum (more than 3)
    const motion = {
      meetingId,
      text: 'Buy a second vacuum.',
      movedBy: member.residentId,
      secondedBy: secretary.residentId,
      threshold: 'majority' as const,
    };
    const tie = await sec.meetings.recordMotion({
      ...motion,
      votesFor: 2,
      votesAgainst: 2,
      votesAbstain: 0,
    });
    expect(tie).toMatchObject({ result: 'failed', needed: 3, present: 4 });
    const passed = await sec.meetings.recordMotion({
      ...motion,
      votesFor: 3,
      votesAgainst: 0,
      votesAbstain: 1,
    });
    expect(passed.result).toBe('passed');
    const tooMany = await failure(
      sec.meetings.recordMotion({ ...motion, votesFor: 3, votesAgainst: 2, votesAbstain: 0 }),
    );
    expect(tooMany).toMatchObject({ code: 'BAD_REQUEST', field: 'votesFor' });
    expect(tooMany.message).toMatch(/more than the 4 residents present/);
    const absentMover = await failure(
      sec.meetings.recordMotion({
        ...motion,
        movedBy: others[2]?.id ?? '',
        votesFor: 4,
        votesAgainst: 0,
        votesAbstain: 0,
      }),
    );
    expect(absentMover).toMatchObject({ code: 'BAD_REQUEST', field: 'movedBy' });

    const meeting = await sec.meetings.get({ meetingId });
    expect(meeting.counts).toEqual({ members: 6, present: 4 });
    expect(meeting.motions.map((m) => [m.result, m.votes.for, m.present])).toEqual([
      ['failed', 2, 4],
      ['passed', 3, 4],
    ]);
    const audit = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.recordId, meetingId));
    expect(audit.map((a) => a.action)).toContain('meetings.open');
    expect(audit.filter((a) => a.action === 'meetings.recordAttendance')).toHaveLength(5);
  });

  it('decides nothing without a quorum', async () => {
    const meetingId = await todaysMeeting();
    const sec = await as(secretary.userId);
    await sec.meetings.open({ meetingId });
    for (const residentId of [secretary.residentId, member.residentId])
      await sec.meetings.recordAttendance({ meetingId, residentId, status: 'present' });
    const r = await sec.meetings.recordMotion({
      meetingId,
      text: 'Quiet hours from 10.',
      movedBy: member.residentId,
      threshold: 'majority',
      votesFor: 2,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    expect(r).toMatchObject({ result: 'no_quorum', quorum: 4 });
  });

  it('a resident without an office cannot run it, and an officer whose term ended no longer can', async () => {
    const meetingId = await todaysMeeting();
    expect((await failure((await as(member.userId)).meetings.open({ meetingId }))).code).toBe(
      'FORBIDDEN',
    );
    const sec = await as(secretary.userId);
    await sec.meetings.open({ meetingId });
    const termId = (
      await t.db
        .select()
        .from(schema.officerTerms)
        .where(eq(schema.officerTerms.residentId, secretary.residentId))
        .get()
    )?.id;
    await sec.officers.endTerm({
      termId: termId ?? '',
      endDate: addDays(today, -1),
      reason: 'Stepping down.',
    });
    const after = await failure(
      (await as(secretary.userId)).meetings.recordAttendance({
        meetingId,
        residentId: member.residentId,
        status: 'present',
      }),
    );
    expect(after.code).toBe('FORBIDDEN');
  });

  it('an election that passes starts the term; the same resident cannot follow themself', async () => {
    const meetingId = await todaysMeeting();
    const sec = await as(secretary.userId);
    await sec.meetings.open({ meetingId });
    for (const residentId of [secretary.residentId, member.residentId, ...others.map((o) => o.id)])
      await sec.meetings.recordAttendance({ meetingId, residentId, status: 'present' });
    const president = await officeId('president');
    const elected = await sec.meetings.recordMotion({
      meetingId,
      kind: 'election',
      text: 'Elect Max Member president.',
      movedBy: secretary.residentId,
      threshold: 'majority',
      votesFor: 5,
      votesAgainst: 1,
      votesAbstain: 0,
      election: { officeId: president, residentId: member.residentId },
    });
    expect(elected.result).toBe('passed');
    const officers = await sec.officers.list({ houseId: house.id });
    const pres = officers.offices.find((o) => o.key === 'president');
    expect(pres?.current).toMatchObject({ name: 'Max Member', startDate: today });
    // six months, and not twice in a row: a second term straight after is refused
    const term = pres?.current;
    const again = await failure(
      sec.meetings.recordMotion({
        meetingId,
        kind: 'election',
        text: 'Re-elect Max.',
        movedBy: secretary.residentId,
        threshold: 'majority',
        votesFor: 5,
        votesAgainst: 0,
        votesAbstain: 1,
        election: {
          officeId: president,
          residentId: member.residentId,
          startDate: addDays(term?.endDate ?? today, 1),
        },
      }),
    );
    expect(again).toMatchObject({ code: 'BAD_REQUEST', field: 'election.residentId' });
    const tooLong = await failure(
      sec.meetings.recordMotion({
        meetingId,
        kind: 'election',
        text: 'Elect Sky treasurer for a year.',
        movedBy: member.residentId,
        threshold: 'majority',
        votesFor: 5,
        votesAgainst: 0,
        votesAbstain: 1,
        election: {
          officeId: await officeId('treasurer'),
          residentId: secretary.residentId,
          startDate: today,
          endDate: addDays(today, 365),
        },
      }),
    );
    expect(tooLong).toMatchObject({ code: 'BAD_REQUEST', field: 'election.endDate' });
    // the new president chairs from today
    expect((await (await as(member.userId)).meetings.get({ meetingId })).can.chair).toBe(true);
  });
});

describe('minutes and action items', () => {
  it('minutes accepted by a motion at the next meeting are locked; a change is an amendment', async () => {
    const first = await todaysMeeting();
    const sec = await as(secretary.userId);
    await sec.meetings.open({ meetingId: first });
    await sec.meetings.saveMinutes({
      meetingId: first,
      text: 'Called to order at 7:02. Five present.',
    });
    await sec.meetings.addActionItem({
      meetingId: first,
      text: 'Fix the porch light.',
      ownerResidentId: member.residentId,
      dueDate: addDays(today, 7),
    });
    await sec.meetings.close({ meetingId: first });

    const second = await todaysMeeting();
    const next = await sec.meetings.get({ meetingId: second });
    // the action item carries over, and the last minutes are there to accept
    expect(next.reports?.actionItems.map((a) => [a.text, a.ownerName])).toEqual([
      ['Fix the porch light.', 'Max Member'],
    ]);
    expect(next.reports?.minutes).toMatchObject({ meetingId: first, approved: false });
    await sec.meetings.open({ meetingId: second });
    for (const residentId of [secretary.residentId, member.residentId, ...others.map((o) => o.id)])
      await sec.meetings.recordAttendance({ meetingId: second, residentId, status: 'present' });
    const accepted = await sec.meetings.recordMotion({
      meetingId: second,
      kind: 'minutes',
      text: 'Accept the minutes of the last meeting.',
      movedBy: member.residentId,
      threshold: 'majority',
      votesFor: 6,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    expect(accepted.approvedMinutesOf).toBe(first);
    const locked = await failure(sec.meetings.saveMinutes({ meetingId: first, text: 'Changed.' }));
    expect(locked.message).toMatch(/locked/);
    await sec.meetings.amendMinutes({
      meetingId: first,
      text: 'Six were present, not five.',
      reason: 'Miscounted the roll.',
    });
    const record = await sec.meetings.get({ meetingId: first });
    expect(record.minutes).toMatchObject({
      text: 'Called to order at 7:02. Five present.',
      approved: true,
    });
    expect(record.minutes.amendments.map((a) => a.reason)).toEqual(['Miscounted the roll.']);

    // the item stays open until someone marks it done
    const items = await sec.meetings.actionItems({ houseId: house.id });
    expect(items.map((i) => i.text)).toEqual(['Fix the porch light.']);
    await sec.meetings.completeActionItem({ actionItemId: items[0]?.id ?? '' });
    expect(await sec.meetings.actionItems({ houseId: house.id })).toEqual([]);
    // and the database itself refuses to change approved minutes
    await expect(
      t.db.update(schema.meetings).set({ minutes: 'x' }).where(eq(schema.meetings.id, first)),
    ).rejects.toThrow();
  });

  it('the roll of a held meeting cannot change', async () => {
    const meetingId = await todaysMeeting();
    const sec = await as(secretary.userId);
    await sec.meetings.open({ meetingId });
    await sec.meetings.recordAttendance({
      meetingId,
      residentId: member.residentId,
      status: 'late',
    });
    await sec.meetings.close({ meetingId });
    const refused = await failure(
      sec.meetings.recordAttendance({
        meetingId,
        residentId: member.residentId,
        status: 'present',
      }),
    );
    expect(refused.code).toBe('CONFLICT');
  });
});

describe('the meeting’s reports', () => {
  it('count chores and check-ins, name who moved in, and count violations without naming anyone', async () => {
    const meetingId = await todaysMeeting();
    const report = (await (await as(member.userId)).meetings.get({ meetingId })).reports;
    expect(report?.residents.count).toBe(6);
    expect(report?.violations).toEqual({ openViolations: 0, openGrievances: 0 });
    expect(report?.chores).toMatchObject({ due: 0, done: 0, missed: 0 });
    expect(JSON.stringify(report)).not.toMatch(/violation.*Member|Member.*violation/);
  });
});

describe('offices', () => {
  it('the chore coordinator of a peer-run house runs the rota', async () => {
    await holdOffice('chore_coordinator', member.residentId);
    await makeChore(t.db, house, { name: 'Dishes' });
    const coordinator = await as(member.userId);
    const draft = await coordinator.chores.generateRota({ houseId: house.id, start: today });
    await coordinator.chores.publishRota({ rotaId: draft.period.id });
    expect((await coordinator.chores.rota({ houseId: house.id })).rota?.period.status).toBe(
      'published',
    );
    // the chore list with its private exclusions stays with staff
    expect((await coordinator.chores.list({ houseId: house.id })).exclusions).toEqual([]);
    expect(
      (
        await failure(
          (await as(secretary.userId)).chores.generateRota({ houseId: house.id, start: today }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('the calendar feed', () => {
  it('has the house’s meetings at their time, beside the resident’s chores', async () => {
    const op = await as(operatorId);
    await op.meetings.setSchedule({
      houseId: house.id,
      weekday: isoWeekday(addDays(today, 1)),
      time: '19:00',
      title: 'House meeting',
    });
    const feed = await (await as(member.userId)).chores.createCalendarFeed();
    const token = /\/calendar\/(.+)\.ics$/.exec(feed.path)?.[1] ?? '';
    const ics = await calendarFor(
      { db: t.db, clock: { now: () => new Date() } },
      token,
      'https://x.example',
    );
    const events = new ICAL.Component(ICAL.parse(ics ?? '') as unknown[])
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const meetings = events.filter((e) => e.summary === 'House meeting');
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    const first = meetings
      .map((e) => e.startDate.toJSDate())
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: house.timezone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(first && local.format(first)).toBe('19:00');
  });
});
