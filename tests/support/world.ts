// The standard cast for authorization tests: one organisation with two houses,
// each with a manager and a resident who can sign in, an operator, and a second
// organisation with its own operator.
import { randomUUID } from 'node:crypto';
import { eq, newId, schema } from '@porchlight/db';
import { addDays } from '@porchlight/domain';
import {
  acknowledge,
  makeCheckIn,
  makeChore,
  makeRota,
  makeSwap,
  makeDrugTest,
  makeGrievance,
  makeSignOut,
  makePass,
  makePhase,
  makeRuleBook,
  makeViolation,
  placeInPhase,
  callerAs,
  makeHouse,
  makeOrganisation,
  makeResident,
  makeResidentUser,
  makeUser,
  todayIn,
} from '../factories';
import { testDb } from './db';

export const ACTORS = [
  'anonymous',
  'residentOfHouse',
  // a resident of the house holding offices there: secretary and chore coordinator
  'officerOfHouse',
  'residentOfOtherHouse',
  'managerOfHouse',
  'managerOfOtherHouse',
  'operator',
  'otherOrgOperator',
] as const;
export type ActorName = (typeof ACTORS)[number];

export async function buildWorld() {
  const handle = await testDb();
  const { db } = handle;
  const org = await makeOrganisation(db);
  const house = await makeHouse(db, org.id, { rooms: 2, bedsPerRoom: 2 });
  const otherHouse = await makeHouse(db, org.id, { rooms: 1, bedsPerRoom: 2 });
  const otherOrg = await makeOrganisation(db);
  const otherOrgHouse = await makeHouse(db, otherOrg.id, { rooms: 1, bedsPerRoom: 1 });

  const operator = await makeUser(db, org.id, 'operator');
  const managerOfHouse = await makeUser(db, org.id, 'manager', { houseIds: [house.id] });
  const managerOfOtherHouse = await makeUser(db, org.id, 'manager', { houseIds: [otherHouse.id] });
  const otherOrgOperator = await makeUser(db, otherOrg.id, 'operator');
  // a former manager of the house, deactivated by an operator
  const formerManager = await makeUser(db, org.id, 'manager', { houseIds: [house.id] });
  await db
    .update(schema.memberships)
    .set({ deactivatedAt: new Date() })
    .where(eq(schema.memberships.id, formerManager.membershipId));
  const residentOfHouse = await makeResidentUser(db, house, house.bedIds[0], {
    firstName: 'Riley',
    lastName: 'Tester',
  });
  const residentOfOtherHouse = await makeResidentUser(db, otherHouse, otherHouse.bedIds[0]);
  const officerOfHouse = await makeResidentUser(db, house, house.bedIds[2], {
    firstName: 'Olive',
    lastName: 'Officer',
  });
  // a resident without a login in a bed, and one waiting for a bed
  const placed = await makeResident(db, house, { bedId: house.bedIds[1] });
  const waiting = await makeResident(db, house);

  const ruleBook = await makeRuleBook(db, house);
  await acknowledge(
    db,
    residentOfHouse.residentId,
    ruleBook.versionIds[0] ?? '',
    'Resident Tester',
  );

  // rules records about the resident of the house, one in each state a procedure acts on
  const phase = await makePhase(db, house.id);
  const nextPhase = await makePhase(db, house.id, { position: 1 });
  await placeInPhase(
    db,
    residentOfHouse.residentId,
    phase.id,
    addDays(todayIn(house.timezone), -30),
  );
  const hour = 3_600_000;
  const passes = {
    requested: await makePass(db, house, residentOfHouse.residentId),
    away: await makePass(db, house, residentOfHouse.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - 3 * hour),
      expectedReturnAt: new Date(Date.now() + hour),
    }),
    lateReturn: await makePass(db, house, residentOfHouse.residentId, {
      status: 'approved',
      departAt: new Date(Date.now() - 30 * hour),
      expectedReturnAt: new Date(Date.now() - 26 * hour),
      returnedAt: new Date(Date.now() - 25 * hour),
    }),
  };
  const violation = await makeViolation(
    db,
    house,
    residentOfHouse.residentId,
    ruleBook.versionIds[0] ?? '',
  );
  const grievances = {
    open: await makeGrievance(db, house, residentOfHouse.residentId),
    decided: await makeGrievance(db, house, residentOfHouse.residentId, {
      level: 'house_manager',
      status: 'decided',
    }),
  };
  const checkIn = await makeCheckIn(db, house, residentOfHouse.residentId, {
    forDate: addDays(todayIn(house.timezone), -1),
    recordedAt: new Date(Date.now() - 20 * hour),
  });
  // out on an errand: the resident without a login, so the resident of the house can still sign out
  const signOut = await makeSignOut(db, house, placed.id);
  const drugTest = await makeDrugTest(db, house, residentOfHouse.residentId);
  const template = await makeRuleBook(db, { id: '', organisationId: org.id }, [], {
    template: true,
  });

  // chores: today's published rota with one chore of each kind a procedure acts on
  const today = todayIn(house.timezone);
  const chore = await makeChore(db, house);
  const otherChore = await makeChore(db, house, { frequency: 'weekly', weekdays: [7] });
  const rota = await makeRota(db, house, {
    startDate: today,
    occurrences: [
      // 0: the resident's chore for today, to mark done or offer in a swap
      { choreId: chore.id, date: today, residentId: residentOfHouse.residentId },
      // 1: done today, waiting for a check
      {
        choreId: otherChore.id,
        date: today,
        residentId: residentOfHouse.residentId,
        doneAt: new Date(),
      },
      // 2, 3: the other resident's, offered to the resident of the house in two swaps
      { choreId: chore.id, date: addDays(today, 1), residentId: placed.id },
      { choreId: chore.id, date: addDays(today, 2), residentId: placed.id },
      // 4: the resident's, offered to the other resident
      { choreId: chore.id, date: addDays(today, 3), residentId: residentOfHouse.residentId },
    ],
  });
  const draft = await makeRota(db, house, {
    startDate: addDays(today, 14),
    status: 'draft',
    occurrences: [{ choreId: chore.id, date: addDays(today, 14), residentId: placed.id }],
  });
  const swaps = {
    toAnswer: await makeSwap(db, house, {
      occurrenceId: rota.occurrenceIds[2] ?? '',
      requesterId: placed.id,
      counterpartId: residentOfHouse.residentId,
    }),
    accepted: await makeSwap(db, house, {
      occurrenceId: rota.occurrenceIds[3] ?? '',
      requesterId: placed.id,
      counterpartId: residentOfHouse.residentId,
      status: 'accepted',
    }),
    asked: await makeSwap(db, house, {
      occurrenceId: rota.occurrenceIds[4] ?? '',
      requesterId: residentOfHouse.residentId,
      counterpartId: placed.id,
    }),
  };
  const exclusionId = newId();
  await db.insert(schema.choreExclusions).values({
    id: exclusionId,
    choreId: otherChore.id,
    residentId: placed.id,
    reason: 'Doctor’s note: no lifting.',
  });
  const pinId = newId();
  await db
    .insert(schema.chorePins)
    .values({ id: pinId, choreId: chore.id, residentId: residentOfHouse.residentId });
  const chores = {
    chore,
    otherChore,
    rota,
    draft,
    swaps,
    exclusionId,
    pinId,
    mine: rota.occurrenceIds[0] ?? '',
    done: rota.occurrenceIds[1] ?? '',
  };

  // offices: the officer is secretary and chore coordinator for six months from a month ago
  const officeIds = new Map(
    (await db.select().from(schema.offices).where(eq(schema.offices.houseId, house.id))).map(
      (o) => [o.key, o.id],
    ),
  );
  for (const key of ['secretary', 'chore_coordinator'])
    await db.insert(schema.officerTerms).values({
      id: newId(),
      officeId: officeIds.get(key) ?? '',
      houseId: house.id,
      residentId: officerOfHouse.residentId,
      startDate: addDays(today, -30),
      endDate: addDays(today, 150),
    });
  // meetings: this week's, open, with the roll half taken; last week's, held
  const meetingId = newId();
  const heldId = newId();
  const at = new Date();
  await db.insert(schema.meetings).values([
    {
      id: heldId,
      organisationId: org.id,
      houseId: house.id,
      kind: 'house',
      title: 'House meeting',
      date: addDays(today, -7),
      time: '19:00',
      startsAt: new Date(at.getTime() - 7 * 86_400_000),
      status: 'closed',
      minutes: 'Called to order at 7:02.',
      closedAt: new Date(at.getTime() - 7 * 86_400_000 + 3_600_000),
    },
    {
      id: meetingId,
      organisationId: org.id,
      houseId: house.id,
      kind: 'house',
      title: 'House meeting',
      date: today,
      time: '00:00',
      startsAt: at,
      status: 'open',
      openedAt: at,
    },
  ]);
  const scheduledToday = newId();
  const future = newId();
  const approved = newId();
  const base = {
    organisationId: org.id,
    houseId: house.id,
    kind: 'house' as const,
    title: 'House meeting',
  };
  await db.insert(schema.meetings).values([
    {
      ...base,
      id: scheduledToday,
      date: today,
      time: '23:59',
      startsAt: new Date(at.getTime() + 60_000),
    },
    {
      ...base,
      id: future,
      date: addDays(today, 7),
      time: '19:00',
      startsAt: new Date(at.getTime() + 7 * 86_400_000),
    },
    {
      ...base,
      id: approved,
      date: addDays(today, -14),
      time: '19:00',
      startsAt: new Date(at.getTime() - 14 * 86_400_000),
      status: 'closed',
      minutes: 'Approved minutes.',
      minutesApprovedAt: new Date(at.getTime() - 7 * 86_400_000),
    },
  ]);
  for (const residentId of [residentOfHouse.residentId, officerOfHouse.residentId, placed.id])
    await db.insert(schema.meetingAttendance).values({
      id: newId(),
      meetingId,
      residentId,
      status: 'present',
      recordedAt: at,
    });
  const actionItemId = newId();
  await db.insert(schema.actionItems).values({
    id: actionItemId,
    organisationId: org.id,
    houseId: house.id,
    meetingId: heldId,
    text: 'Fix the porch light.',
    createdAt: new Date(at.getTime() - 7 * 86_400_000),
  });
  const termId = (
    await db
      .select({ id: schema.officerTerms.id })
      .from(schema.officerTerms)
      .where(eq(schema.officerTerms.officeId, officeIds.get('secretary') ?? ''))
      .get()
  )?.id;
  const meetingsWorld = {
    open: meetingId,
    held: heldId,
    scheduledToday,
    future,
    approved,
    actionItemId,
    termId: termId ?? '',
    officeIds,
  };

  // support: the resident's sponsor and a manager's suggestion, a share, the officer
  // mentoring the resident, a resource of the house, an hour of volunteering
  const memberBase = { organisationId: org.id, residentId: residentOfHouse.residentId };
  const supportWorld = {
    sponsor: newId(),
    suggested: newId(),
    share: newId(),
    mentorship: newId(),
    resource: newId(),
    volunteering: newId(),
  };
  await db.insert(schema.supportMembers).values([
    {
      ...memberBase,
      id: supportWorld.sponsor,
      name: 'Sam Sponsor',
      kind: 'sponsor',
      pillar: 'peers_mentors',
    },
    {
      ...memberBase,
      id: supportWorld.suggested,
      name: 'Clinic intake',
      kind: 'counsellor',
      pillar: 'professional',
      status: 'suggested',
      suggestedBy: managerOfHouse.userId,
    },
  ]);
  await db.insert(schema.shares).values({
    ...memberBase,
    id: supportWorld.share,
    tokenHash: 'world-share-token-hash',
    recipientName: 'Pat Officer',
    recipientRelationship: 'Probation officer',
    purpose: 'Supervision.',
    fields: ['check_in_compliance'],
    until: addDays(today, 30),
    consentText: 'I agree.',
    createdAt: new Date(),
  });
  await db.insert(schema.mentorships).values({
    id: supportWorld.mentorship,
    organisationId: org.id,
    houseId: house.id,
    mentorId: officerOfHouse.residentId,
    menteeId: residentOfHouse.residentId,
    startDate: addDays(today, -5),
    endDate: addDays(today, 60),
  });
  await db.insert(schema.resources).values({
    id: supportWorld.resource,
    organisationId: org.id,
    houseId: house.id,
    kind: 'meeting',
    name: 'Noon Serenity',
    fellowship: 'aa',
    weekdays: [1, 3, 5],
    time: '12:00',
  });
  await db.insert(schema.volunteering).values({
    ...memberBase,
    id: supportWorld.volunteering,
    date: addDays(today, -2),
    hours: 1,
    what: 'Made coffee',
  });

  const asOperator = await callerAs(db, operator.userId);
  const invite = await asOperator.invites.create({
    role: 'resident',
    name: 'Waiting Resident',
    email: `waiting-${randomUUID().slice(0, 6)}@test.example`,
    residentId: waiting.id,
    houseIds: [],
  });
  // a file copy then carries everything (a libSQL server forks its own committed state)
  if (handle.isEmbedded) await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  handle.close();

  const userIds: Record<ActorName, string | null> = {
    anonymous: null,
    residentOfHouse: residentOfHouse.userId,
    residentOfOtherHouse: residentOfOtherHouse.userId,
    officerOfHouse: officerOfHouse.userId,
    managerOfHouse: managerOfHouse.userId,
    managerOfOtherHouse: managerOfOtherHouse.userId,
    operator: operator.userId,
    otherOrgOperator: otherOrgOperator.userId,
  };

  return {
    file: handle.path,
    org,
    otherOrg,
    house,
    otherHouse,
    otherOrgHouse,
    residentOfHouse,
    residentOfOtherHouse,
    placed,
    waiting,
    invite,
    ruleBook,
    phase,
    nextPhase,
    passes,
    violation,
    grievances,
    checkIn,
    signOut,
    drugTest,
    template,
    chores,
    meetings: meetingsWorld,
    support: supportWorld,
    officerOfHouse,
    today: todayIn(house.timezone),
    userIds,
    /** Staff memberships, for the procedures that act on one. */
    staff: {
      operator: operator.membershipId,
      managerOfHouse: managerOfHouse.membershipId,
      managerOfOtherHouse: managerOfOtherHouse.membershipId,
      formerManager: formerManager.membershipId,
    },
    /** A fresh copy of the world, so each call starts from the same state. */
    async fork() {
      const copy = await handle.copy();
      return {
        db: copy.db,
        writeMark: () => copy.writeMark(),
        caller: (actor: ActorName) => callerAs(copy.db, userIds[actor]),
        destroy: () => copy.destroy(),
      };
    },
    destroy: () => handle.destroy(),
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
