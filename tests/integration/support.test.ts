// Each resident's support system through the API on a real migrated database:
// the circle is the resident's (staff only suggest), check-ins say who they
// were in touch with, the attention list's support signals, milestones and who
// agreed to celebrate them, peer mentoring, the resource directory, and shares
// that show only what was consented, stop at once when revoked and log each view.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { sharedSummary } from '@porchlight/api';
import { eq, schema } from '@porchlight/db';
import { addDays, REDISCLOSURE_NOTICE, SHARE_FIELDS } from '@porchlight/domain';
import {
  callerAs,
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
let managerId: string;
let resident: Awaited<ReturnType<typeof makeResidentUser>>;
let housemate: Awaited<ReturnType<typeof makeResidentUser>>;
let today: string;

const as = (userId: string, now?: Date) =>
  callerAs(t.db, userId, now ? { clock: { now: () => now } } : {});

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

const view = (token: string, now = new Date()) =>
  sharedSummary(
    { db: t.db, clock: { now: () => now }, requestId: 'test', ip: '127.0.0.1' },
    token,
    {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0',
    },
  );

beforeEach(async () => {
  t = await testDb();
  const org = await makeOrganisation(t.db);
  house = await makeHouse(t.db, org.id, { rooms: 2, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, org.id, 'manager', { houseIds: [house.id] })).userId;
  resident = await makeResidentUser(t.db, house, house.bedIds[0], {
    firstName: 'Jordan',
    lastName: 'Tester',
  });
  housemate = await makeResidentUser(t.db, house, house.bedIds[1], {
    firstName: 'Luis',
    lastName: 'Mate',
  });
  today = todayIn(house.timezone);
});
afterEach(() => t.destroy());

describe('the support circle', () => {
  it('is the resident’s: they add, edit and remove; staff suggest and the resident decides', async () => {
    const me = await as(resident.userId);
    const { memberId, status } = await me.support.addMember({
      residentId: resident.residentId,
      name: 'Curtis Hale',
      kind: 'sponsor',
      phone: '(614) 555-0177',
    });
    expect(status).toBe('active');
    await me.support.updateMember({
      memberId,
      name: 'Curtis Hale',
      kind: 'sponsor',
      notes: 'Home group on Tuesdays.',
    });
    const staff = await as(managerId);
    const suggestion = await staff.support.addMember({
      residentId: resident.residentId,
      name: 'Clinic intake',
      kind: 'counsellor',
    });
    expect(suggestion.status).toBe('suggested');
    // staff see the circle but cannot change what the resident wrote
    expect(
      (await failure(staff.support.updateMember({ memberId, name: 'Changed', kind: 'friend' })))
        .code,
    ).toBe('FORBIDDEN');
    // another resident does not learn the circle exists
    const mate = await as(housemate.userId);
    expect((await failure(mate.support.circle({ residentId: resident.residentId }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure(mate.support.removeMember({ memberId }))).code).toBe('NOT_FOUND');

    let circle = await staff.support.circle({ residentId: resident.residentId });
    expect(circle.members.map((m) => [m.name, m.pillar, m.status])).toEqual([
      ['Clinic intake', 'professional', 'suggested'],
      ['Curtis Hale', 'peers_mentors', 'active'],
    ]);
    expect(circle.members.find((m) => m.id === memberId)?.notes).toBe('Home group on Tuesdays.');
    // a suggestion does not fill a pillar until it is accepted
    expect(circle.pillars.find((p) => p.pillar === 'professional')?.count).toBe(0);

    await me.support.acceptSuggestion({ memberId: suggestion.memberId });
    circle = await me.support.circle({ residentId: resident.residentId });
    expect(circle.pillars.map((p) => [p.pillar, p.count])).toEqual([
      ['family_friends', 0],
      ['peers_mentors', 1],
      ['professional', 1],
      ['community', 0],
    ]);
    expect(
      (await failure(me.support.acceptSuggestion({ memberId: suggestion.memberId }))).code,
    ).toBe('CONFLICT');

    await me.support.removeMember({ memberId });
    circle = await me.support.circle({ residentId: resident.residentId });
    expect(circle.members.map((m) => m.name)).toEqual(['Clinic intake']);
    // removed, never deleted: the row and its audit trail stay
    const row = await t.db
      .select()
      .from(schema.supportMembers)
      .where(eq(schema.supportMembers.id, memberId))
      .get();
    expect(row?.status).toBe('removed');
    const audit = await t.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.recordId, memberId));
    expect(audit.map((a) => a.action)).toEqual([
      'support.addMember',
      'support.updateMember',
      'support.removeMember',
    ]);
  });

  it('names the field of bad input and saves nothing', async () => {
    const me = await as(resident.userId);
    const bad = await failure(
      me.support.addMember({
        residentId: resident.residentId,
        name: 'Mom',
        kind: 'parent',
        email: 'not an email',
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/email/i);
    const kind = await failure(
      me.support.addMember({
        residentId: resident.residentId,
        name: 'Mom',
        kind: 'aunt' as 'parent',
      }),
    );
    expect(kind.message).toMatch(/kind/i);
    const rows = await t.db.select().from(schema.supportMembers);
    expect(rows).toEqual([]);
  });

  it('learns who the resident was in touch with from their check-ins, and a sponsor counts as sponsor contact', async () => {
    const me = await as(resident.userId);
    const sponsor = await me.support.addMember({
      residentId: resident.residentId,
      name: 'Curtis Hale',
      kind: 'sponsor',
    });
    const mom = await me.support.addMember({
      residentId: resident.residentId,
      name: 'Maria',
      kind: 'parent',
    });
    const theirs = await (
      await as(housemate.userId)
    ).support.addMember({ residentId: housemate.residentId, name: 'Their mom', kind: 'parent' });

    // someone from another resident's circle is refused, by field
    const wrong = await failure(
      me.checkIns.record({ mood: 4, craving: 1, contacts: [theirs.memberId] }),
    );
    expect(wrong.field).toBe('contacts');
    expect(await t.db.select().from(schema.checkIns)).toEqual([]);

    const { checkInId } = await me.checkIns.record({
      mood: 4,
      craving: 1,
      contacts: [sponsor.memberId, sponsor.memberId],
    });
    const saved = await t.db
      .select()
      .from(schema.checkIns)
      .where(eq(schema.checkIns.id, checkInId))
      .get();
    expect(saved?.sponsorContact).toBe(true);
    const contacts = await t.db.select().from(schema.checkInContacts);
    expect(contacts.map((c) => c.memberId)).toEqual([sponsor.memberId]);

    const circle = await me.support.circle({ residentId: resident.residentId });
    const byName = new Map(circle.members.map((m) => [m.name, m]));
    expect(byName.get('Curtis Hale')?.lastContact).toBe(today);
    expect(byName.get('Curtis Hale')?.recency).toBe('this_week');
    expect(byName.get('Maria')?.recency).toBe('never');
    expect(circle.pillars.find((p) => p.pillar === 'peers_mentors')?.state).toBe('alive');
    expect(mom.status).toBe('active');
  });

  it('lets a logged meeting point to the house’s directory, and nothing outside it', async () => {
    const staff = await as(managerId);
    const { resourceId } = await staff.resources.create({
      houseId: house.id,
      kind: 'meeting',
      name: 'Noon Serenity',
      fellowship: 'aa',
      weekdays: [1, 2, 3, 4, 5],
      time: '12:00',
      place: 'Alano Club',
    });
    const org2 = await makeOrganisation(t.db);
    const elsewhere = await makeHouse(t.db, org2.id);
    const otherManager = await makeUser(t.db, org2.id, 'manager', { houseIds: [elsewhere.id] });
    const foreign = await (
      await as(otherManager.userId)
    ).resources.create({ houseId: elsewhere.id, kind: 'clinic', name: 'Their clinic' });
    const me = await as(resident.userId);
    const bad = await failure(
      me.checkIns.record({
        mood: 3,
        craving: 2,
        meetings: [{ type: 'aa', name: 'Their clinic', resourceId: foreign.resourceId }],
      }),
    );
    expect(bad.field).toBe('meetings.0.resourceId');
    await me.checkIns.record({
      mood: 3,
      craving: 2,
      meetings: [{ type: 'aa', name: 'Noon Serenity', resourceId }],
    });
    const logged = await t.db.select().from(schema.checkInMeetings);
    expect(logged.map((m) => m.resourceId)).toEqual([resourceId]);
  });
});

describe('support signals on the attention list', () => {
  it('flags an empty pillar after two weeks, and no sponsor contact in a week; never in the first two weeks', async () => {
    const staff = await as(managerId);
    // the housemate moved in 30 days ago with only a sponsor; a newcomer of 5 days has nobody
    const mate = await as(housemate.userId);
    const sponsor = await mate.support.addMember({
      residentId: housemate.residentId,
      name: 'Their sponsor',
      kind: 'sponsor',
    });
    await makeResident(t.db, house, {
      bedId: house.bedIds[2],
      startDaysAgo: 5,
      firstName: 'New',
      lastName: 'Comer',
    });
    const flags = async () =>
      (await staff.attention.list({ houseId: house.id })).flags.filter(
        (f) => f.kind === 'empty_pillar' || f.kind === 'no_mentor_contact',
      );
    const first = await flags();
    expect(first.filter((f) => f.kind === 'empty_pillar').map((f) => f.residentName)).toEqual(
      expect.arrayContaining(['Jordan Tester', 'Luis Mate']),
    );
    expect(first.some((f) => f.residentName === 'New Comer')).toBe(false);
    const matesPillars = first.find(
      (f) => f.kind === 'empty_pillar' && f.residentName === 'Luis Mate',
    );
    expect(matesPillars?.why).toMatch(/family and friends, professional(s)?,? and community/i);
    expect(matesPillars?.link).toEqual({ kind: 'support', id: housemate.residentId });
    expect(
      first.find((f) => f.kind === 'no_mentor_contact' && f.residentName === 'Luis Mate')?.why,
    ).toMatch(/no contact with their sponsor or mentor logged yet/i);

    // a check-in naming the sponsor clears the sponsor signal
    await mate.checkIns.record({ mood: 4, craving: 0, contacts: [sponsor.memberId] });
    expect((await flags()).some((f) => f.kind === 'no_mentor_contact')).toBe(false);
    // eight days later it is back
    const later = new Date(Date.now() + 8 * 86_400_000);
    const staffLater = await as(managerId, later);
    const back = (await staffLater.attention.list({ houseId: house.id })).flags.filter(
      (f) => f.kind === 'no_mentor_contact',
    );
    expect(back.map((f) => [f.residentName, f.why])).toEqual([
      ['Luis Mate', 'No contact with their sponsor or mentor logged in 8 days.'],
    ]);
  });
});

describe('milestones and contributions', () => {
  it('celebrates only the milestones of residents who agreed, on the board and in the meeting’s reports', async () => {
    await t.db
      .update(schema.residents)
      .set({ sobrietyDate: addDays(today, -30) })
      .where(eq(schema.residents.id, resident.residentId));
    await t.db
      .update(schema.residents)
      .set({ sobrietyDate: addDays(today, -88) })
      .where(eq(schema.residents.id, housemate.residentId));
    const me = await as(resident.userId);
    const mine = await me.milestones.mine();
    expect(mine.daysSober).toBe(30);
    expect(mine.recent.map((m) => m.label)).toEqual(['30 days', '30 days in the house']);
    expect(mine.next.map((m) => m.label)).toEqual(['60 days', '60 days in the house']);

    const staff = await as(managerId);
    expect(await staff.milestones.house({ houseId: house.id })).toEqual([]);
    await me.support.setMilestoneSharing({ share: true });
    const board = await staff.milestones.house({ houseId: house.id });
    expect(board.map((c) => [c.name, c.label])).toEqual([
      ['Jordan Tester', '30 days'],
      ['Jordan Tester', '30 days in the house'],
    ]);
    // the housemate's 90 days in two days is not shown: they did not agree
    const { meetingId } = await staff.meetings.create({
      houseId: house.id,
      kind: 'house',
      title: 'House meeting',
      date: today,
      time: '23:00',
    });
    const meeting = await staff.meetings.get({ meetingId });
    expect(meeting.reports?.celebrations.map((c) => c.name)).toEqual([
      'Jordan Tester',
      'Jordan Tester',
    ]);
  });

  it('keeps offices held, mentoring and volunteer hours as the resident’s contributions', async () => {
    const staff = await as(managerId);
    const { mentorshipId } = await staff.mentorship.pair({
      houseId: house.id,
      mentorId: resident.residentId,
      menteeId: housemate.residentId,
    });
    const me = await as(resident.userId);
    await me.support.logVolunteering({ date: addDays(today, -1), hours: 2.5, what: 'Food pantry' });
    const future = await failure(
      me.support.logVolunteering({ date: addDays(today, 1), hours: 1, what: 'Later' }),
    );
    expect(future.field).toBe('date');
    const quarter = await failure(
      me.support.logVolunteering({ date: today, hours: 1.1, what: 'Odd' }),
    );
    expect(quarter.message).toMatch(/hours/);
    const c = await me.support.contributions({ residentId: resident.residentId });
    expect(c.volunteerHours).toBe(2.5);
    expect(c.mentoring.map((m) => [m.id, m.mentee])).toEqual([[mentorshipId, 'Luis Mate']]);
    await me.support.removeVolunteering({ entryId: c.volunteering[0]?.id ?? '' });
    expect(
      (await me.support.contributions({ residentId: resident.residentId })).volunteerHours,
    ).toBe(0);
  });
});

describe('peer mentoring', () => {
  it('pairs a newcomer with a senior resident; both see it; only the mentor writes notes', async () => {
    const staff = await as(managerId);
    const { mentorshipId, endDate } = await staff.mentorship.pair({
      houseId: house.id,
      mentorId: resident.residentId,
      menteeId: housemate.residentId,
    });
    expect(endDate).toBe(addDays(today, 89));
    const again = await failure(
      staff.mentorship.pair({
        houseId: house.id,
        mentorId: resident.residentId,
        menteeId: housemate.residentId,
      }),
    );
    expect(again.code).toBe('CONFLICT');
    const self = await failure(
      staff.mentorship.pair({
        houseId: house.id,
        mentorId: resident.residentId,
        menteeId: resident.residentId,
      }),
    );
    expect(self.field).toBe('menteeId');
    const outsider = await makeResident(t.db, house);
    const notHere = await failure(
      staff.mentorship.pair({
        houseId: house.id,
        mentorId: resident.residentId,
        menteeId: outsider.id,
      }),
    );
    expect(notHere.field).toBe('menteeId');

    const mentor = await as(resident.userId);
    await mentor.mentorship.logNote({ mentorshipId, note: 'Went to a meeting together.' });
    const mentee = await as(housemate.userId);
    expect(
      (await failure(mentee.mentorship.logNote({ mentorshipId, note: 'I am the mentee.' }))).code,
    ).toBe('FORBIDDEN');
    const mine = await mentee.mentorship.mine();
    expect(mine.asMentee.map((p) => [p.mentorName, p.current, p.notes.map((n) => n.note)])).toEqual(
      [['Jordan Tester', true, ['Went to a meeting together.']]],
    );
    expect((await mentor.mentorship.mine()).asMentor.map((p) => p.menteeName)).toEqual([
      'Luis Mate',
    ]);

    // the mentor's notes are about the mentee: staff reading them is on the audit trail
    await staff.mentorship.list({ houseId: house.id });
    const reads = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'mentorship.read'));
    expect(reads.map((r) => [r.actorUserId, r.recordId, r.details])).toEqual([
      [managerId, house.id, { pairings: 1, notes: 1 }],
    ]);
    await staff.mentorship.end({ mentorshipId, reason: 'Moved to another house.' });
    const list = await staff.mentorship.list({ houseId: house.id });
    expect(list.map((p) => [p.endedEarly, p.endReason, p.current])).toEqual([
      [true, 'Moved to another house.', true],
    ]);
    // the history is kept: the pairing is ended, not deleted
    expect(await t.db.select().from(schema.mentorships)).toHaveLength(1);
  });
});

describe('pairing by the house', () => {
  it('lists who can be paired, longest in the house first, and refuses a mentor who moved in after the newcomer', async () => {
    const newcomer = await makeResident(t.db, house, {
      bedId: house.bedIds[2],
      startDaysAgo: 3,
      firstName: 'New',
      lastName: 'Comer',
    });
    const staff = await as(managerId);
    const before = await staff.mentorship.candidates({ houseId: house.id });
    expect(before.at(-1)).toMatchObject({
      id: newcomer.id,
      name: 'New Comer',
      since: addDays(today, -3),
      hasMentor: false,
    });
    expect(before.map((c) => c.since)).toEqual([...before.map((c) => c.since)].sort());
    const backwards = await failure(
      staff.mentorship.pair({
        houseId: house.id,
        mentorId: newcomer.id,
        menteeId: resident.residentId,
      }),
    );
    expect(backwards).toMatchObject({ code: 'BAD_REQUEST', field: 'mentorId' });
    expect(await t.db.select().from(schema.mentorships)).toHaveLength(0);
    await staff.mentorship.pair({
      houseId: house.id,
      mentorId: resident.residentId,
      menteeId: newcomer.id,
    });
    const after = await staff.mentorship.candidates({ houseId: house.id });
    expect(after.find((c) => c.id === newcomer.id)?.hasMentor).toBe(true);
  });

  it('flags a week without the paired mentor’s check-in, counted from the pairing, and a logged check-in clears it', async () => {
    const staff = await as(managerId);
    const { mentorshipId } = await staff.mentorship.pair({
      houseId: house.id,
      mentorId: resident.residentId,
      menteeId: housemate.residentId,
    });
    const silence = async (now: Date) =>
      (await (await as(managerId, now)).attention.list({ houseId: house.id })).flags
        .filter((f) => f.kind === 'no_mentor_contact')
        .map((f) => [f.residentName, f.why]);
    // a new pairing is not a lapse
    expect(await silence(new Date())).toEqual([]);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await silence(later)).toEqual([
      ['Luis Mate', 'No contact with their sponsor or mentor logged in 8 days.'],
    ]);
    await (
      await as(resident.userId, later)
    ).mentorship.logNote({ mentorshipId, note: 'Coffee after the meeting.' });
    expect(await silence(later)).toEqual([]);
  });
});

describe('the resource directory', () => {
  it('is curated by staff, browsed by residents, archived not deleted, and checks a meeting has its day and time', async () => {
    const staff = await as(managerId);
    const noTime = await failure(
      staff.resources.create({ houseId: house.id, kind: 'meeting', name: 'AA', weekdays: [1] }),
    );
    expect(noTime.message).toMatch(/time/);
    const badLink = await failure(
      staff.resources.create({
        houseId: house.id,
        kind: 'other',
        name: 'Online',
        onlineLink: 'javascript:alert(1)',
      }),
    );
    expect(badLink.message).toMatch(/onlineLink/);
    const house2 = await staff.resources.create({
      houseId: house.id,
      kind: 'meeting',
      name: 'Tuesday Step Study',
      fellowship: 'aa',
      weekdays: [2],
      time: '19:30',
    });
    const org = await staff.resources.create({
      kind: 'other',
      name: 'National helpline',
      phone: '988',
    });
    const me = await as(resident.userId);
    const list = await me.resources.list({ houseId: house.id });
    expect(list.resources.map((r) => [r.name, r.houseId === null])).toEqual(
      expect.arrayContaining([
        ['Tuesday Step Study', false],
        ['National helpline', true],
      ]),
    );
    expect(
      (await failure(me.resources.create({ houseId: house.id, kind: 'clinic', name: 'Mine' })))
        .code,
    ).toBe('FORBIDDEN');
    await staff.resources.archive({ resourceId: house2.resourceId });
    expect((await me.resources.list({ houseId: house.id })).resources.map((r) => r.id)).toEqual([
      org.resourceId,
    ]);
    await expect(
      t.client.execute({ sql: 'delete from resources where id = ?', args: [org.resourceId] }),
    ).rejects.toThrow(/archived, never deleted/);
  });
});

describe('sharing with consent', () => {
  async function share(fields: Array<(typeof SHARE_FIELDS)[number]>, until = addDays(today, 30)) {
    const me = await as(resident.userId);
    return me.sharing.create({
      recipientName: 'Renee Caldwell',
      recipientRelationship: 'Probation officer',
      purpose: 'Monthly supervision report.',
      fields,
      until,
      agreed: true,
    });
  }

  it('records the consent’s elements and the no-redisclosure notice', async () => {
    const made = await share(['check_in_compliance', 'milestones']);
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(made.path).toBe(`/share/${made.token}`);
    const [listed] = await (await as(resident.userId)).sharing.list();
    expect(listed?.consentText).toContain('I, Jordan Tester, agree to share');
    expect(listed?.consentText).toContain('Renee Caldwell (Probation officer)');
    expect(listed?.consentText).toContain('Why: Monthly supervision report.');
    const until = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${addDays(today, 30)}T12:00:00Z`));
    expect(listed?.consentText).toContain(`Until: the end of ${until}, unless I revoke it sooner`);
    expect(listed?.consentText).toContain(
      'What is shared: how many check-ins I made, over the last 30 days; my milestones',
    );
    expect(listed?.consentText).toContain('revoke it at any time');
    expect(listed?.consentText).toContain(REDISCLOSURE_NOTICE);
    // only the hash of the token is kept
    const row = await t.db.select().from(schema.shares).get();
    expect(JSON.stringify(row)).not.toContain(made.token);
    // the consent never changes afterwards
    await expect(
      t.client.execute({
        sql: 'update shares set fields = \'["tests"]\' where id = ?',
        args: [made.shareId],
      }),
    ).rejects.toThrow(/consent never changes/);
  });

  it('refuses a share without agreement, in the past, too long, or with someone not in the circle', async () => {
    const me = await as(resident.userId);
    const base = {
      recipientName: 'Mom',
      recipientRelationship: 'Mother',
      purpose: 'So she knows.',
      fields: ['milestones' as const],
      until: addDays(today, 10),
    };
    expect((await failure(me.sharing.create({ ...base, agreed: false as true }))).message).toMatch(
      /agreed/,
    );
    expect(
      (await failure(me.sharing.create({ ...base, until: addDays(today, -1), agreed: true })))
        .field,
    ).toBe('until');
    expect(
      (await failure(me.sharing.create({ ...base, until: addDays(today, 400), agreed: true })))
        .field,
    ).toBe('until');
    expect(
      (await failure(me.sharing.create({ ...base, fields: [], agreed: true }))).message,
    ).toMatch(/fields/);
    const theirs = await (
      await as(housemate.userId)
    ).support.addMember({ residentId: housemate.residentId, name: 'Their mom', kind: 'parent' });
    expect(
      (await failure(me.sharing.create({ ...base, memberId: theirs.memberId, agreed: true })))
        .field,
    ).toBe('memberId');
    expect(await t.db.select().from(schema.shares)).toEqual([]);
  });

  it('shows exactly the parts consented to, for every part', async () => {
    for (const field of SHARE_FIELDS) {
      const { token } = await share([field]);
      const summary = await view(token);
      expect(summary?.fields).toEqual([field]);
      expect(Object.keys(summary?.sections ?? {})).toEqual([field]);
    }
    const { token } = await share(['milestones', 'check_in_compliance']);
    const both = await view(token);
    // in the order of the form, whatever order they were picked in
    expect(Object.keys(both?.sections ?? {})).toEqual(['check_in_compliance', 'milestones']);
    // nothing about the resident beyond the parts: no ids, no house, no contact details
    const text = JSON.stringify(both);
    expect(text).not.toContain(resident.residentId);
    expect(text).not.toContain(house.id);
    expect(text).not.toContain(house.name);
  });

  it('stops answering the moment it is revoked, and after its last day', async () => {
    const made = await share(['milestones']);
    expect(await view(made.token)).not.toBeNull();
    await (await as(resident.userId)).sharing.revoke({ shareId: made.shareId });
    expect(await view(made.token)).toBeNull();
    expect(
      (await failure((await as(resident.userId)).sharing.revoke({ shareId: made.shareId }))).code,
    ).toBe('CONFLICT');

    const short = await share(['milestones'], addDays(today, 2));
    expect(await view(short.token, new Date(Date.now() + 2 * 86_400_000))).not.toBeNull();
    expect(await view(short.token, new Date(Date.now() + 4 * 86_400_000))).toBeNull();
    expect(await view('not-a-token-that-was-ever-made-xyz')).toBeNull();
    const states = (await (await as(resident.userId)).sharing.list()).map((s) => s.state);
    expect(states.sort()).toEqual(['active', 'revoked']);
  });

  it('logs every view, and the resident sees the log', async () => {
    const made = await share(['check_in_compliance']);
    await view(made.token);
    await view(made.token);
    const [listed] = await (await as(resident.userId)).sharing.list();
    expect(listed?.viewCount).toBe(2);
    expect(listed?.views.map((v) => v.device)).toEqual(['Chrome on Linux', 'Chrome on Linux']);
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'sharing.view'));
    expect(audit).toHaveLength(2);
    expect(audit[0]?.actorUserId).toBeNull();
    // a revoked link's attempts are not views of anything
    await (await as(resident.userId)).sharing.revoke({ shareId: made.shareId });
    await view(made.token);
    expect((await t.db.select().from(schema.shareViews)).length).toBe(2);
  });
});
