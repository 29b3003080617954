// Demo data for house meetings: a weekly schedule in every house with eight
// weeks of held meetings (roll, minutes accepted at the next meeting, motions
// with their votes, action items, some still open), the meetings ahead, and
// Oxford Street's elected officers with their terms. Oxford meets on the
// weekday the demo is made, so its secretary (secretary@example.org) can open
// this week's meeting on first start.
import { inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  addDays,
  type AttendanceStatus,
  inTheRoom,
  localDateAt,
  meetingStart,
  motionOutcome,
  quorumOf,
  type MotionThreshold,
  scheduledMeetings,
  termEnd,
} from '@porchlight/domain';
import type { Db } from '../client';
import { newId } from '../ids';
import { defaultOfficeRows } from '../offices';
import * as s from '../schema';
import type { ChoresSeedContext } from './chores';

export interface MeetingsSeedContext {
  db: Db;
  now: Date;
  organisationId: string;
  managerId: string | null;
  operatorId: string | null;
  houses: Map<string, { id: string; timezone: string }>;
  stays: ChoresSeedContext['stays'];
  userOf: Map<string, string>;
}

const SCHEDULES: Record<string, { weekdayOffset: number | null; weekday: number; time: string }> = {
  // Oxford: the weekday the demo is made (weekday is then worked out)
  oxford: { weekdayOffset: 0, weekday: 0, time: '19:00' },
  maple: { weekdayOffset: null, weekday: 1, time: '19:00' },
  cedar: { weekdayOffset: null, weekday: 3, time: '19:30' },
};
const WEEKS_BACK = 8;
const WEEKS_AHEAD = 8;
const MINUTE = 60_000;

function generator(key: string) {
  let state = 2166136261;
  for (let i = 0; i < key.length; i++) state = Math.imul(state ^ key.charCodeAt(i), 16777619);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}

/** Oxford Street's officers: who, which office, and from how many days ago. */
const OXFORD_OFFICERS: Array<{ office: string; name: string; since: number; elected: boolean }> = [
  { office: 'president', name: 'Omar Haddad', since: 70, elected: false },
  { office: 'treasurer', name: 'Victor Alvarez', since: 100, elected: false },
  { office: 'secretary', name: 'Nathan Cole', since: 42, elected: true },
  { office: 'comptroller', name: 'Isaiah Grant', since: 42, elected: true },
  { office: 'chore_coordinator', name: 'Dylan Reed', since: 28, elected: true },
];
/** Earlier holders whose terms ended when they moved out. */
const OXFORD_PAST: Array<{ office: string; name: string; from: number; to: number; why: string }> =
  [
    {
      office: 'secretary',
      name: 'Paul Kowalski',
      from: 200,
      to: 61,
      why: 'Moved out of the house.',
    },
    { office: 'chore_coordinator', name: 'Marcus Bell', from: 150, to: 31, why: 'Left the house.' },
    { office: 'president', name: 'Victor Alvarez', from: 250, to: 71, why: 'Term ended.' },
  ];

type Motion = typeof s.motions.$inferInsert;

export function seedMeetings(ctx: MeetingsSeedContext): BatchItem<'sqlite'>[] {
  const { db, now } = ctx;
  const writes: BatchItem<'sqlite'>[] = [];
  const meetings: (typeof s.meetings.$inferInsert)[] = [];
  const attendance: (typeof s.meetingAttendance.$inferInsert)[] = [];
  const motions: Motion[] = [];
  const actions: (typeof s.actionItems.$inferInsert)[] = [];
  const terms: (typeof s.officerTerms.$inferInsert)[] = [];

  for (const [key, house] of ctx.houses) {
    const tz = house.timezone;
    const today = localDateAt(now, tz);
    const local = (daysAgo: number) => addDays(today, -daysAgo);
    const rng = generator(`meetings:${key}`);
    const offices = defaultOfficeRows({ id: house.id, organisationId: ctx.organisationId });
    writes.push(db.insert(s.offices).values(offices));
    const officeId = (k: string) => offices.find((o) => o.key === k)?.id ?? '';

    const stays = ctx.stays.filter((st) => st.house === key);
    const people = [...new Map(stays.map((st) => [st.residentId, st.name])).entries()];
    const idOf = (name: string) => people.find(([, n]) => n === name)?.[0] ?? null;
    const livesThere = (residentId: string, date: string) =>
      stays.some(
        (st) =>
          st.residentId === residentId &&
          date >= local(st.from) &&
          (st.to === undefined || date < local(st.to)),
      );
    const membersOn = (date: string) => people.filter(([id]) => livesThere(id, date));

    const spec = SCHEDULES[key] ?? { weekdayOffset: null, weekday: 7, time: '19:00' };
    const weekday =
      spec.weekdayOffset === null
        ? spec.weekday
        : ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const scheduleId = newId();
    const staffed = key !== 'oxford';
    const chairUser = staffed ? ctx.managerId : (ctx.userOf.get(idOf('Nathan Cole') ?? '') ?? null);
    writes.push(
      db.insert(s.meetingSchedules).values({
        id: scheduleId,
        organisationId: ctx.organisationId,
        houseId: house.id,
        weekday,
        time: spec.time,
        title: 'House meeting',
        createdAt: new Date(now.getTime() - 300 * 86_400_000),
        createdBy: staffed ? ctx.managerId : null,
      }),
    );

    // officers of the peer-run house
    if (!staffed) {
      for (const o of OXFORD_OFFICERS) {
        const rid = idOf(o.name);
        if (!rid) continue;
        const start = local(o.since);
        terms.push({
          id: newId(),
          officeId: officeId(o.office),
          houseId: house.id,
          residentId: rid,
          startDate: start,
          endDate: termEnd(start, 6),
          createdAt: new Date(now.getTime() - o.since * 86_400_000),
        });
      }
      for (const p of OXFORD_PAST) {
        const rid = idOf(p.name);
        if (!rid) continue;
        terms.push({
          id: newId(),
          officeId: officeId(p.office),
          houseId: house.id,
          residentId: rid,
          startDate: local(p.from),
          endDate: local(p.to),
          endedEarly: p.why !== 'Term ended.',
          endReason: p.why,
          createdAt: new Date(now.getTime() - p.from * 86_400_000),
        });
      }
    }

    const dates = scheduledMeetings(
      { weekday, time: spec.time },
      local(WEEKS_BACK * 7),
      addDays(today, WEEKS_AHEAD * 7),
      tz,
    );
    let previousId: string | null = null;
    const open: Array<{ id: string; dueAfter: number }> = [];
    for (const [index, { date, startsAt }] of dates.entries()) {
      const id = newId();
      const held = date < today;
      const row: typeof s.meetings.$inferInsert = {
        id,
        organisationId: ctx.organisationId,
        houseId: house.id,
        scheduleId,
        kind: 'house',
        title: 'House meeting',
        date,
        time: spec.time,
        startsAt: meetingStart(date, spec.time, tz),
        // held meetings go in open, get their roll, then close (a closed roll cannot change)
        status: held ? 'open' : 'scheduled',
        createdAt: new Date(now.getTime() - 300 * 86_400_000),
      };
      meetings.push(row);
      if (!held) continue;
      const members = membersOn(date);
      const openedAt = new Date(startsAt.getTime() + rng.int(0, 6) * MINUTE);
      const closedAt = new Date(openedAt.getTime() + rng.int(45, 80) * MINUTE);
      Object.assign(row, { openedAt, openedBy: chairUser, closedAt, closedBy: chairUser });
      // the roll: most are there, a few late, now and then one excused or missing
      const statuses = new Map<string, AttendanceStatus>();
      for (const [rid] of members) {
        const r = rng.next();
        statuses.set(
          rid,
          r < 0.8 ? 'present' : r < 0.9 ? 'late' : r < 0.97 ? 'excused' : 'unexcused',
        );
      }
      // the demo's meetings reach a quorum, whatever weekday the demo is made on
      for (const [rid, status] of statuses) {
        if ([...statuses.values()].filter(inTheRoom).length >= quorumOf(members.length)) break;
        if (!inTheRoom(status)) statuses.set(rid, 'present');
      }
      for (const [rid, status] of statuses) {
        attendance.push({
          id: newId(),
          meetingId: id,
          residentId: rid,
          status,
          note: status === 'excused' ? 'Working a late shift.' : null,
          recordedAt: new Date(openedAt.getTime() + 3 * MINUTE),
          recordedBy: chairUser,
        });
      }
      const inRoom = [...statuses].filter(([, st]) => inTheRoom(st)).map(([rid]) => rid);
      const mover = (n: number) => inRoom[n % Math.max(1, inRoom.length)] ?? null;
      const vote = (
        text: string,
        kind: Motion['kind'],
        threshold: MotionThreshold,
        against: number,
        extra: Partial<Motion> = {},
        abstentions = true,
      ) => {
        const abstain = abstentions && inRoom.length > 3 && rng.chance(0.3) ? 1 : 0;
        const votesAgainst = Math.min(against, inRoom.length - abstain);
        const votes = {
          for: inRoom.length - votesAgainst - abstain,
          against: votesAgainst,
          abstain,
        };
        const outcome = motionOutcome(threshold, votes, inRoom.length, members.length);
        const motionId = newId();
        const by = rng.int(0, 9);
        const movedBy = mover(by);
        if (!movedBy) return { motionId, passed: false };
        motions.push({
          id: motionId,
          meetingId: id,
          kind,
          text,
          movedBy,
          secondedBy: inRoom.length > 1 ? mover(by + 1) : null,
          threshold,
          votesFor: votes.for,
          votesAgainst: votes.against,
          votesAbstain: votes.abstain,
          present: inRoom.length,
          members: members.length,
          result: outcome.result,
          recordedAt: new Date(openedAt.getTime() + rng.int(10, 40) * MINUTE),
          recordedBy: chairUser,
          ...extra,
        });
        return { motionId, passed: outcome.result === 'passed' };
      };
      if (previousId) {
        const accepted = vote(
          'Accept the minutes of the last meeting as read.',
          'minutes',
          'majority',
          0,
        );
        const prev = meetings.find((m) => m.id === previousId);
        if (prev && accepted.passed)
          Object.assign(prev, {
            minutesApprovedAt: new Date(openedAt.getTime() + 12 * MINUTE),
            minutesApprovedBy: chairUser,
            minutesApprovedInMeetingId: id,
          });
      }
      const daysAgo = Math.round((now.getTime() - startsAt.getTime()) / 86_400_000);
      const business: string[] = [];
      if (!staffed) {
        // elections and an admission vote, on the days the officers above began
        for (const o of OXFORD_OFFICERS.filter(
          (x) => x.elected && Math.abs(x.since - daysAgo) <= 3,
        )) {
          const rid = idOf(o.name);
          if (!rid) continue;
          const office = offices.find((x) => x.key === o.office);
          const elected = vote(
            `Elect ${o.name} ${office?.name.toLowerCase() ?? ''} for six months.`,
            'election',
            'majority',
            0,
            { electionOfficeId: office?.id ?? null, electedResidentId: rid },
            false,
          );
          const term = terms.find((t) => t.residentId === rid && t.officeId === office?.id);
          if (term && elected.passed) term.motionId = elected.motionId;
          business.push(
            elected.passed
              ? `${o.name} elected ${office?.name.toLowerCase() ?? ''}.`
              : `The election for ${office?.name.toLowerCase() ?? ''} is held over.`,
          );
        }
        const jamal = idOf('Jamal Carter');
        if (jamal && daysAgo >= 25 && daysAgo <= 31) {
          const admitted = vote(
            'Admit Jamal Carter as a member of the house.',
            'admit_member',
            'eighty_percent',
            0,
            {},
            false,
          );
          business.push(
            admitted.passed
              ? 'Jamal Carter interviewed and admitted by 80% vote.'
              : 'Jamal Carter interviewed; the vote on admitting him is held over.',
          );
        }
      }
      if (index % 3 === 1) {
        const r = vote('Buy a second vacuum for upstairs, up to $120.', 'general', 'majority', 1);
        business.push(r.passed ? 'Second vacuum approved.' : 'Second vacuum turned down.');
      }
      if (index % 4 === 2) {
        const r = vote(
          'Move quiet hours to 10 pm on weeknights.',
          'general',
          'two_thirds',
          Math.max(2, Math.ceil(inRoom.length / 2)),
        );
        business.push(r.passed ? 'Quiet hours now start at 10 pm.' : 'Quiet hours stay at 11 pm.');
      }
      // action items: done at a later meeting, except the last two
      const owner = mover(rng.int(0, 9));
      if (index % 2 === 0) {
        const text =
          [
            'Get a quote for fixing the back steps.',
            'Replace the smoke detector batteries.',
            'Ask the landlord about the dryer.',
            'Post the new chore list on the fridge.',
          ][(index / 2) % 4] ?? 'Follow up.';
        const actionId = newId();
        actions.push({
          id: actionId,
          organisationId: ctx.organisationId,
          houseId: house.id,
          meetingId: id,
          text,
          ownerResidentId: owner,
          dueDate: addDays(date, 7),
          createdAt: new Date(openedAt.getTime() + 45 * MINUTE),
          createdBy: chairUser,
        });
        open.push({ id: actionId, dueAfter: index });
      }
      for (const item of open.filter((o) => o.dueAfter < index - 1 && index < dates.length - 1)) {
        const a = actions.find((x) => x.id === item.id);
        if (a && !a.doneAt && date < local(14))
          Object.assign(a, {
            doneAt: new Date(openedAt.getTime() + 30 * MINUTE),
            doneBy: chairUser,
            doneInMeetingId: id,
          });
      }
      const present = inRoom.length;
      const clock = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hour: 'numeric',
        minute: '2-digit',
      });
      row.minutes = [
        `Called to order at ${clock.format(openedAt)}. ${present} of ${members.length} members present.`,
        previousId
          ? 'Minutes of the last meeting read and accepted.'
          : 'Minutes of the last meeting read.',
        `Treasurer: rent collected from everyone; $${rng.int(300, 900)} in the house account.`,
        `Comptroller: ${rng.chance(0.6) ? 'nobody is behind.' : 'one member is behind on house dues and has a plan to catch up.'}`,
        `Chore coordinator: chores went well; ${rng.int(0, 3)} missed last week.`,
        ...business,
        `Adjourned at ${clock.format(closedAt)}.`,
      ].join('\n');
      previousId = id;
    }
  }
  writes.push(db.insert(s.meetings).values(meetings));
  if (attendance.length)
    writes.push(...chunks(attendance, (rows) => db.insert(s.meetingAttendance).values(rows)));
  const held = meetings.filter((m) => m.status === 'open').map((m) => m.id ?? '');
  if (held.length)
    writes.push(
      db.update(s.meetings).set({ status: 'closed' }).where(inArray(s.meetings.id, held)),
    );
  if (motions.length) writes.push(...chunks(motions, (rows) => db.insert(s.motions).values(rows)));
  if (actions.length) writes.push(db.insert(s.actionItems).values(actions));
  if (terms.length) writes.push(db.insert(s.officerTerms).values(terms));
  return writes;
}

function chunks<T>(rows: T[], insert: (chunk: T[]) => BatchItem<'sqlite'>) {
  const out: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += 200) out.push(insert(rows.slice(i, i + 200)));
  return out;
}
