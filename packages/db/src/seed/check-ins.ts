// Demo data for check-ins: twelve weeks of daily and curfew check-ins with the
// meetings residents went to, a few corrections, sign-outs, drug tests (random
// draws that verify, one refusal, one positive confirmed by a lab, one dilute)
// and monthly BARC-10 surveys. Everything is laid out relative to `now` from
// fixed seeds, so Maple's attention list shows one of each kind on first start
// and Jordan Ellis, who has the resident login, still has today to check in.
import type { BatchItem } from 'drizzle-orm/batch';
import {
  addDays,
  barc10Due,
  barc10Total,
  barc10Trend,
  type CheckInPolicy,
  cravingSpike,
  curfewWindow,
  dailyDueAt,
  daysBetween,
  drawResidents,
  drawSize,
  type DrugTestMethod,
  type DrugTestResult,
  type DrugTestType,
  HALT,
  instantAt,
  localDateAt,
  type MeetingType,
  nightOf,
  passCovers,
  type Substance,
  STANDARD_PANELS,
  weekStart,
} from '@porchlight/domain';
import { newId } from '../ids';
import * as s from '../schema';
import type { RulesSeedContext, RulesSeeded, SeededPass, SeededPhase } from './rules';
import { hasMentor, type SeededDaily, SPONSOR_LAPSED } from './support';

export interface CheckInsSeedContext extends RulesSeedContext, RulesSeeded {
  managerName: string;
  operatorName: string;
  /** The directory entry of a meeting residents of a house log, when there is one. */
  resourceFor?: (house: string, name: string) => string | null;
  /** Filled with every daily check-in made, for the support seed to say who they were in touch with. */
  daily?: SeededDaily[];
}

// who plays which part on Maple's attention list (names as RulesSeedContext gives them)
const RESIDENT_LOGIN = 'Jordan Ellis';
// Luis has a login too: his daily check-in of today is left to make (the support browser test makes it)
const HOUSEMATE_LOGIN = 'Luis Ortega';
const OVERDUE_RETURN = 'Andre Williams';
const MISSED_YESTERDAY = 'T Moore';
const REFUSED_TEST = 'Kevin Nguyen';
const CRAVING_UP = 'Sam Brooks';
const BARC10_FALLING = 'Luis Ortega';
const NO_MEETINGS = 'Ray Castillo';
// and elsewhere
const POSITIVE_TEST = 'Brandon Lee';
const DILUTE_TEST = 'Dylan Reed';
const CORRECTED = [
  'Jordan Ellis',
  'Luis Ortega',
  'Chris Hall',
  'Michael Foster',
  'Nathan Cole',
  'Isaiah Grant',
];

// the houses' defaults (migration 0004): the seed leaves every house on them
const POLICY: CheckInPolicy = { dailyCheckInBy: '21:00', curfewWindowBefore: 60, curfewGrace: 15 };
const WINDOW_DAYS = 84;
const MINUTE = 60_000;
const DAY = 86_400_000;
// rows per insert: well under SQLite's limit on bound variables
const CHUNK = 200;

/** A small seeded generator (FNV-1a into mulberry32): the same demo on every start. */
function generator(key: string) {
  let state = 2166136261;
  for (let i = 0; i < key.length; i++) state = Math.imul(state ^ key.charCodeAt(i), 16777619);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    /** -1 to 1, most often near 0. */
    wobble: () => next() + next() - 1,
    pick: <T>(list: readonly [T, ...T[]]): T => list[int(0, list.length - 1)] ?? list[0],
    shuffle: <T>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const a = out[i];
        const b = out[j];
        if (a === undefined || b === undefined) continue;
        out[i] = b;
        out[j] = a;
      }
      return out;
    },
  };
}
type Random = ReturnType<typeof generator>;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const later = (a: string, b: string) => (a > b ? a : b);
const plusMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);
/** 0 Monday … 6 Sunday */
const weekdayOf = (date: string) => daysBetween(weekStart(date), date);
const localTime = (date: string, minutes: number, timeZone: string) =>
  instantAt(date, Math.floor(minutes / 60), minutes % 60, timeZone);

// real-sounding meetings for each day of the week, Monday first
export const DEMO_MEETINGS: ReadonlyArray<ReadonlyArray<readonly [MeetingType, string]>> = [
  [
    ['aa', 'Monday Night Big Book Study'],
    ['na', 'Just for Today'],
    ['smart_recovery', 'SMART Recovery Monday Evening'],
    ['therapy', 'Outpatient group at Riverside Counseling'],
  ],
  [
    ['aa', 'Tuesday Night Step Study'],
    ['aa', 'Tuesday Noon Serenity Group'],
    ['na', 'Clean and Serene'],
    ['celebrate_recovery', 'Celebrate Recovery at Grace Community Church'],
  ],
  [
    ['aa', 'Wednesday Big Book Discussion'],
    ['na', 'Basic Text Study'],
    ['refuge_recovery', 'Refuge Recovery Meditation Meeting'],
    ['therapy', 'Session with my counselor'],
  ],
  [
    ['aa', 'Thursday Men’s Stag'],
    ['na', 'Miracles Happen'],
    ['smart_recovery', 'SMART Recovery Thursday'],
    ['faith', 'Thursday Bible study at St. Luke’s'],
  ],
  [
    ['aa', 'Friday Night Candlelight'],
    ['na', 'Friday Night Live'],
    ['celebrate_recovery', 'Celebrate Recovery large group'],
  ],
  [
    ['aa', 'Saturday Morning Early Birds'],
    ['aa', 'Saturday Night Young People’s Group'],
    ['na', 'Saturday Speaker Meeting'],
    ['refuge_recovery', 'Saturday Morning Sit'],
  ],
  [
    ['aa', 'Sunday Big Book Speaker Meeting'],
    ['na', 'Sunday Serenity'],
    ['smart_recovery', 'SMART Recovery Sunday (online)'],
    ['faith', 'Sunday service and recovery class'],
  ],
];
const VERIFICATIONS = [
  'Chair signed sheet',
  'Secretary initialed attendance card',
  'Signed attendance card',
  'Sponsor was there',
  'Showed the sign-in sheet to the house manager',
] as const;

const NOTES = {
  low: [
    'Rough day at work. Called my sponsor instead of isolating.',
    'Could not sleep much, anxious about court next week.',
    'Thought about using this afternoon. Went to a meeting instead.',
    'Missing my kids today.',
    'Argument in the kitchen about dishes. Talked it out.',
  ],
  okay: [
    'Long shift, tired but okay.',
    'Bus was late again, walked the last mile.',
    'Quiet day. Laundry and chores.',
    'Worked on my resume at the library.',
  ],
  good: [
    'Good day. Did step work with my sponsor.',
    'Cooked dinner for the house tonight.',
    'Got my first paycheck from the new job.',
    'Picked up a service commitment at my home group.',
    'Called my mom. Good talk.',
  ],
} as const;

type CheckInRow = typeof s.checkIns.$inferInsert;
type MeetingRow = typeof s.checkInMeetings.$inferInsert;
type TestRow = typeof s.drugTests.$inferInsert;
type Resident = RulesSeedContext['residents'][number];

interface Meeting {
  type: MeetingType;
  name: string;
  verification: string | null;
}

interface Daily {
  id: string;
  forDate: string;
  recordedAt: Date;
  late: boolean;
  mood: number;
  craving: number;
  halt: string[];
  sleepHours: number | null;
  sponsorContact: boolean | null;
  workOrSchool: boolean | null;
  note: string | null;
  meetings: Meeting[];
  correction?: { id: string; recordedAt: Date; reason: string; fields: Partial<Daily> };
}

/** How one resident tends to check in: their own baselines, habits and fellowship. */
function profileOf(r: Resident, rng: Random) {
  const fellowship = rng.pick([
    'aa',
    'aa',
    'aa',
    'na',
    'na',
    'smart_recovery',
    'celebrate_recovery',
  ] as const);
  const extra = rng.pick(['therapy', 'faith', 'refuge_recovery', 'aa', 'na'] as const);
  return {
    mood: 2.6 + rng.next() * 0.8,
    craving: 0.3 + rng.next() * 1.6,
    wave: rng.int(0, 16),
    eveningFrom: rng.int(17 * 60, 19 * 60 + 30),
    morning: rng.chance(0.45),
    lateRate: 0.02 + rng.next() * 0.05,
    missRate: 0.02 + rng.next() * 0.06,
    sponsorRate: 0.35 + rng.next() * 0.5,
    workRate: r.daysIn < 30 ? 0.3 : 0.55 + rng.next() * 0.35,
    fellowship,
    extra,
  };
}

/** A meeting held on the weekday of `date`: mostly of the resident's own fellowship. */
function meetingOn(
  date: string,
  profile: { fellowship: MeetingType; extra: MeetingType },
  rng: Random,
): Meeting {
  const day = DEMO_MEETINGS[weekdayOf(date)] ?? [];
  const preferred = rng.chance(0.25) ? profile.extra : profile.fellowship;
  const ofType = (type: MeetingType) => day.filter(([t]) => t === type);
  const choices = [ofType(preferred), ofType(profile.fellowship)].find((l) => l.length > 0) ?? day;
  const [type, name] = choices[rng.int(0, choices.length - 1)] ?? ['aa', 'Daily Reflections'];
  const verification = rng.chance(0.3)
    ? type === 'therapy'
      ? 'Counselor signed attendance form'
      : rng.pick(VERIFICATIONS)
    : null;
  return { type, name, verification };
}

/** Ten answers from 1 to 6 adding up to `total`. */
function barc10Answers(total: number, rng: Random): number[] {
  const answers = Array.from({ length: 10 }, () => Math.floor(total / 10));
  for (const i of rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, total % 10))
    answers[i] = (answers[i] ?? 0) + 1;
  for (let k = 0; k < 6; k++) {
    const up = rng.int(0, 9);
    const down = rng.int(0, 9);
    const a = answers[up] ?? 0;
    const b = answers[down] ?? 0;
    if (up !== down && a < 6 && b > 1) {
      answers[up] = a + 1;
      answers[down] = b - 1;
    }
  }
  return answers;
}

function inChunks<T>(rows: T[], insert: (chunk: T[]) => BatchItem<'sqlite'>) {
  const out: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(insert(rows.slice(i, i + CHUNK)));
  return out;
}

interface Rows {
  checkIns: CheckInRow[];
  corrections: CheckInRow[];
  meetings: MeetingRow[];
  signOuts: (typeof s.signOuts.$inferInsert)[];
  draws: (typeof s.randomDraws.$inferInsert)[];
  tests: TestRow[];
  confirmations: TestRow[];
  surveys: (typeof s.recoveryCapitalSurveys.$inferInsert)[];
}

const approvedPasses = (ctx: CheckInsSeedContext, r: Resident) =>
  ctx.passes.filter((p) => p.residentId === r.id && p.status === 'approved');

/** The pass a resident was out on at `at`, counting a late return as still out. */
const outOn = (passes: readonly SeededPass[], at: Date) =>
  passes.find(
    (p) =>
      at.getTime() >= p.departAt.getTime() &&
      at.getTime() < (p.returnedAt ?? p.expectedReturnAt).getTime(),
  );

const phaseOn = (phases: readonly SeededPhase[], date: string) =>
  phases.filter((p) => p.startDate <= date).at(-1) ?? null;

// Andre is out now, and overdue; a curfew check-in would have signed him back in
const andreOutAt = (now: Date) => new Date(now.getTime() - 95 * MINUTE);

export function seedCheckIns(ctx: CheckInsSeedContext): BatchItem<'sqlite'>[] {
  const { db } = ctx;
  const rows: Rows = {
    checkIns: [],
    corrections: [],
    meetings: [],
    signOuts: [],
    draws: [],
    tests: [],
    confirmations: [],
    surveys: [],
  };
  for (const r of ctx.residents) {
    const scope = scopeOf(ctx, r);
    if (!scope) continue;
    const daily = dailyCheckIns(scope);
    logMeetings(scope, daily);
    correctOne(scope, daily);
    settleCravings(scope, daily);
    sponsorContacts(scope, daily);
    addDaily(scope, daily, rows);
    for (const d of daily)
      ctx.daily?.push({
        checkInId: d.id,
        residentId: r.id,
        name: r.name,
        forDate: d.forDate,
        sponsorContact: d.sponsorContact,
      });
    curfewCheckIns(scope, rows);
    outings(scope, rows);
    surveys(scope, rows);
  }
  drugTests(ctx, rows);
  // originals before the corrections and meetings that point to them
  return [
    ...inChunks(rows.checkIns, (c) => db.insert(s.checkIns).values(c)),
    ...inChunks(rows.corrections, (c) => db.insert(s.checkIns).values(c)),
    ...inChunks(rows.meetings, (c) => db.insert(s.checkInMeetings).values(c)),
    ...inChunks(rows.signOuts, (c) => db.insert(s.signOuts).values(c)),
    ...inChunks(rows.draws, (c) => db.insert(s.randomDraws).values(c)),
    ...inChunks(rows.tests, (c) => db.insert(s.drugTests).values(c)),
    ...inChunks(rows.confirmations, (c) => db.insert(s.drugTests).values(c)),
    ...inChunks(rows.surveys, (c) => db.insert(s.recoveryCapitalSurveys).values(c)),
  ];
}

/**
 * Contact with a sponsor or mentor agrees with the support circles: whoever has
 * one was in touch in the last few days, except Andre, silent for ten.
 */
function sponsorContacts(sc: Scope, daily: Daily[]) {
  const { r, today } = sc;
  if (r.name === SPONSOR_LAPSED) {
    for (const d of daily)
      if (d.forDate > addDays(today, -10)) {
        d.sponsorContact = false;
        if (d.correction) delete d.correction.fields.sponsorContact;
      }
    return;
  }
  if (!hasMentor(r.name)) return;
  const recent = daily.filter((d) => d.forDate >= addDays(today, -3));
  if (recent.some((d) => d.sponsorContact === true)) return;
  const last = recent.at(-1) ?? daily.at(-1);
  if (last) last.sponsorContact = true;
}

/** One resident's days on their house's clock, their phases, passes and habits. */
function scopeOf(ctx: CheckInsSeedContext, r: Resident) {
  const house = ctx.houses.get(r.house);
  if (!house) return null;
  const tz = house.timezone;
  const today = localDateAt(ctx.now, tz);
  const signedAt = ctx.firstSignedAt.get(r.id) ?? null;
  const rng = generator(`check-ins:${r.name}`);
  return {
    ctx,
    r,
    house,
    tz,
    today,
    yesterday: addDays(today, -1),
    moveIn: addDays(today, -r.daysIn),
    first: addDays(today, -(WINDOW_DAYS - 1)),
    phases: ctx.phases.get(r.id) ?? [],
    passes: approvedPasses(ctx, r),
    rng,
    profile: profileOf(r, rng),
    /** Before the resident first signed the house rules, when a check-in would not count. */
    unsignedAt: (at: Date) => signedAt === null || at.getTime() < signedAt.getTime(),
  };
}
type Scope = NonNullable<ReturnType<typeof scopeOf>>;

/** Daily check-ins from the first whole day in the house, with a few missed and a few late. */
function dailyCheckIns(sc: Scope): Daily[] {
  const { r, rng, profile, tz, today, yesterday, moveIn, first } = sc;
  const daily: Daily[] = [];
  for (let date = later(first, addDays(moveIn, 1)); date <= today; date = addDays(date, 1)) {
    const dueAt = dailyDueAt(date, POLICY, tz);
    // away on a pass when it was due: not expected, so not made
    if (sc.passes.some((p) => passCovers(p, dueAt))) continue;
    if ((r.name === RESIDENT_LOGIN || r.name === HOUSEMATE_LOGIN) && date === today) continue;
    if (r.name === MISSED_YESTERDAY && date === yesterday) continue;
    // today and yesterday are on time, so only the intended flags show
    const recent = date >= yesterday;
    // nobody misses in their first days in the house
    const settling = date <= addDays(moveIn, 3);
    if (!recent && !settling && rng.chance(profile.missRate)) continue;
    const lateOne = !recent && rng.chance(profile.lateRate);
    const minutes = lateOne
      ? rng.int(21 * 60 + 5, 23 * 60 + 40)
      : profile.morning && rng.chance(0.7)
        ? rng.int(7 * 60, 9 * 60 + 30)
        : rng.int(profile.eveningFrom, 20 * 60 + 55);
    let recordedAt = plusMinutes(localTime(date, minutes, tz), rng.next());
    const away = outOn(sc.passes, recordedAt);
    if (away) recordedAt = plusMinutes(away.returnedAt ?? away.expectedReturnAt, rng.int(10, 40));
    if (recordedAt.getTime() > sc.ctx.now.getTime() || sc.unsignedAt(recordedAt)) continue;

    // settling in: mood rises and craving eases over the first months, on a slow wave
    const daysInThen = r.daysIn - daysBetween(date, today);
    const wave = Math.sin(((daysBetween(first, date) + profile.wave) / 17) * 2 * Math.PI) * 0.5;
    const bad = !recent && rng.chance(0.05);
    const mood = Math.round(
      clamp(
        profile.mood +
          (0.9 * Math.min(daysInThen, 150)) / 150 +
          wave +
          rng.wobble() * 0.9 -
          (bad ? 1.4 : 0),
        1,
        5,
      ),
    );
    const craving = Math.round(
      clamp(
        profile.craving + 2.5 * Math.exp(-daysInThen / 45) - wave + rng.wobble() + (bad ? 2.5 : 0),
        0,
        10,
      ),
    );
    const halt: string[] = [];
    if (rng.chance(mood <= 2 ? 0.65 : mood === 3 ? 0.25 : 0.08)) {
      for (const h of rng.shuffle(HALT).slice(0, rng.chance(0.3) ? 2 : 1)) halt.push(h);
      if (!halt.includes('tired') && rng.chance(0.3)) halt.push('tired');
    }
    const weekday = weekdayOf(date) < 5;
    const notes = mood <= 2 ? NOTES.low : mood >= 4 ? NOTES.good : NOTES.okay;
    daily.push({
      id: newId(),
      forDate: date,
      recordedAt,
      late: recordedAt.getTime() > dueAt.getTime(),
      mood,
      craving,
      halt,
      sleepHours: rng.chance(0.12)
        ? null
        : halt.includes('tired')
          ? rng.int(9, 12) / 2
          : rng.int(12, 17) / 2,
      sponsorContact: rng.chance(0.1) ? null : rng.chance(profile.sponsorRate),
      workOrSchool: rng.chance(0.15) ? null : rng.chance(profile.workRate * (weekday ? 1 : 0.3)),
      note:
        lateOne && rng.chance(0.5)
          ? 'Forgot until I was in bed.'
          : rng.chance(0.08)
            ? (notes[rng.int(0, notes.length - 1)] ?? null)
            : null,
      meetings: [],
    });
  }
  return daily;
}

/** Meetings, week by week, roughly what the phase asks for. */
function logMeetings(sc: Scope, daily: Daily[]) {
  const { r, rng, today, moveIn } = sc;
  const thisWeek = weekStart(today);
  for (const week of new Set(daily.map((d) => weekStart(d.forDate)))) {
    const entries = daily.filter((d) => weekStart(d.forDate) === week);
    const end = addDays(week, 6);
    const to = end < today ? end : today;
    const required = phaseOn(sc.phases, to)?.meetingsPerWeek ?? 0;
    const share = (daysBetween(later(week, addDays(moveIn, 1)), to) + 1) / 7;
    let target = Math.max(1, Math.round(required * share));
    if (week === thisWeek) {
      target = r.name === NO_MEETINGS ? 0 : Math.max(1, Math.floor(required * share));
    } else if (share === 1) {
      // some full weeks fall short (never to none), now and then one goes over
      const roll = rng.next();
      if (roll < 0.2) target -= 1;
      else if (roll < 0.27) target -= 2;
      else if (roll > 0.92) target += 1;
    }
    if (target <= 0) continue;
    const days = rng.shuffle(entries);
    for (let k = 0; k < target; k++) {
      const entry = days[k % days.length];
      if (!entry) continue;
      // two meetings in a day are two different meetings
      let meeting = meetingOn(entry.forDate, sc.profile, rng);
      for (let tries = 0; tries < 5 && entry.meetings.some((m) => m.name === meeting.name); tries++)
        meeting = meetingOn(entry.forDate, sc.profile, rng);
      entry.meetings.push(meeting);
    }
  }
}

/** For a few residents, one correction, recorded soon after the entry it corrects. */
function correctOne(sc: Scope, daily: Daily[]) {
  const { r, rng, today } = sc;
  const kind = CORRECTED.indexOf(r.name) % 4;
  if (kind < 0) return;
  const candidates = daily.filter(
    (d) =>
      d.forDate <= addDays(today, -3) &&
      d.forDate >= addDays(today, -20) &&
      // a meeting forgotten: the entry had none
      (kind !== 0 || d.meetings.length === 0),
  );
  const target = candidates[rng.int(0, candidates.length - 1)];
  if (!target) return;
  const fields: Partial<Daily> =
    kind === 0
      ? { meetings: [meetingOn(target.forDate, sc.profile, rng)] }
      : kind === 1
        ? { mood: clamp(target.mood + (target.mood > 3 ? -2 : 2), 1, 5) }
        : kind === 2
          ? { craving: clamp(target.craving + 2, 0, 10) }
          : { sleepHours: 7 };
  const reason = [
    'Forgot to add the meeting I went to.',
    'Tapped the wrong mood by mistake.',
    'My craving was higher than I put. Being honest about it.',
    'Put the wrong hours of sleep; it was 7.',
  ][kind];
  target.correction = {
    id: newId(),
    recordedAt: plusMinutes(target.recordedAt, rng.int(12, 70)),
    reason: reason ?? 'Corrected a mistake.',
    fields,
  };
}

const corrected = (d: Daily): Daily => ({ ...d, ...d.correction?.fields });

/**
 * Cravings as the attention list reads them, the latest against the 14 days
 * before: Sam's jumps; nobody else's does by chance.
 */
function settleCravings(sc: Scope, daily: Daily[]) {
  const latest = daily.at(-1);
  if (!latest || latest.correction) return;
  const before = daily.filter(
    (d) => d.forDate >= addDays(latest.forDate, -14) && d.forDate < latest.forDate,
  );
  const average =
    before.reduce((sum, d) => sum + corrected(d).craving, 0) / Math.max(1, before.length);
  if (sc.r.name === CRAVING_UP) {
    latest.craving = clamp(Math.ceil(average + 4), 0, 10);
    latest.mood = 2;
    latest.halt = ['lonely', 'tired'];
    latest.note = 'Ran into someone I used to use with. Hard to shake it tonight.';
    return;
  }
  const cravings = daily
    .filter((d) => d.forDate >= addDays(sc.today, -15))
    .map((d) => ({ date: d.forDate, craving: corrected(d).craving, checkInId: d.id }));
  if (cravingSpike(cravings, sc.today)) latest.craving = Math.round(average);
}

function addDaily(sc: Scope, daily: Daily[], rows: Rows) {
  const { ctx, r, house } = sc;
  for (const d of daily) {
    const base = {
      organisationId: ctx.organisationId,
      houseId: house.id,
      residentId: r.id,
      kind: 'daily' as const,
      forDate: d.forDate,
      late: d.late,
      recordedBy: r.userId,
    };
    const values = (v: Daily) => ({
      mood: v.mood,
      craving: v.craving,
      halt: v.halt,
      sleepHours: v.sleepHours,
      sponsorContact: v.sponsorContact,
      workOrSchool: v.workOrSchool,
      note: v.note,
    });
    rows.checkIns.push({ ...base, id: d.id, recordedAt: d.recordedAt, ...values(d) });
    const resourceId = (m: Meeting) => ctx.resourceFor?.(r.house, m.name) ?? null;
    for (const m of d.meetings)
      rows.meetings.push({ id: newId(), checkInId: d.id, ...m, resourceId: resourceId(m) });
    if (!d.correction) continue;
    // a correction is the whole entry as it should have been, meetings included
    const fixed = corrected(d);
    rows.corrections.push({
      ...base,
      id: d.correction.id,
      recordedAt: d.correction.recordedAt,
      correctsId: d.id,
      correctionReason: d.correction.reason,
      ...values(fixed),
    });
    for (const m of fixed.meetings)
      rows.meetings.push({
        id: newId(),
        checkInId: d.correction.id,
        ...m,
        resourceId: resourceId(m),
      });
  }
}

/** "I'm home" on most nights from the move-in night, within the window and a few late. */
function curfewCheckIns(sc: Scope, rows: Rows) {
  const { ctx, r, rng, profile, tz, today, yesterday, moveIn, first } = sc;
  for (let night = later(first, moveIn); night <= today; night = addDays(night, 1)) {
    const phase = phaseOn(sc.phases, night);
    if (!phase?.curfewCheckIn) continue;
    // Jordan can still say "I'm home" tonight (or for last night, in the small hours)
    if (r.name === RESIDENT_LOGIN && (night === today || night === nightOf(ctx.now, tz))) continue;
    const window = curfewWindow(phase, night, POLICY, tz);
    if (sc.passes.some((p) => passCovers(p, window.curfewAt))) continue;
    const recent = night >= yesterday;
    // the night Kevin came home late and was given a curfew warning
    const kevinsLateNight = r.name === REFUSED_TEST && night === addDays(today, -5);
    if (!recent && !kevinsLateNight && rng.chance(profile.missRate)) continue;
    let recordedAt = kevinsLateNight
      ? localTime(night, 23 * 60 + 10, tz)
      : !recent && rng.chance(profile.lateRate)
        ? plusMinutes(window.curfewAt, rng.int(POLICY.curfewGrace + 1, 55))
        : plusMinutes(window.opensAt, Math.floor(74 * rng.next() ** 1.5) + rng.next());
    const away = outOn(sc.passes, recordedAt);
    if (away) recordedAt = plusMinutes(away.returnedAt ?? away.expectedReturnAt, rng.int(1, 6));
    if (recordedAt.getTime() > ctx.now.getTime() || sc.unsignedAt(recordedAt)) continue;
    if (r.name === OVERDUE_RETURN && recordedAt.getTime() >= andreOutAt(ctx.now).getTime())
      continue;
    rows.checkIns.push({
      id: newId(),
      organisationId: ctx.organisationId,
      houseId: sc.house.id,
      residentId: r.id,
      kind: 'curfew',
      forDate: night,
      recordedAt,
      late: recordedAt.getTime() > window.closesAt.getTime(),
      recordedBy: r.userId,
    });
  }
}

const DESTINATIONS = [
  'Grocery store',
  'Pharmacy',
  'Library',
  'Laundromat',
  'Job interview',
  'Barber',
  'Gym',
  'Bank',
  'Coffee with my sponsor',
] as const;

/** Short outings over the last two weeks, all back; Andre is out now, and overdue. */
function outings(sc: Scope, rows: Rows) {
  const { ctx, r, rng, tz, today, moveIn } = sc;
  const base = {
    organisationId: ctx.organisationId,
    houseId: sc.house.id,
    residentId: r.id,
    createdBy: r.userId,
  };
  for (let date = later(addDays(today, -14), addDays(moveIn, 1)); date < today;) {
    const out = localTime(date, rng.int(12 * 60, 17 * 60 + 30), tz);
    const back = plusMinutes(out, rng.int(30, 150));
    const signedInAt = plusMinutes(back, rng.chance(0.1) ? rng.int(5, 30) : -rng.int(0, 25));
    if (rng.chance(0.3) && !outOn(sc.passes, out) && !outOn(sc.passes, signedInAt))
      rows.signOuts.push({
        ...base,
        id: newId(),
        destination: rng.pick(DESTINATIONS),
        signedOutAt: out,
        expectedReturnAt: back,
        signedInAt,
        signedInRecordedBy: r.userId,
      });
    date = addDays(date, 1);
  }
  if (r.name === OVERDUE_RETURN)
    rows.signOuts.push({
      ...base,
      id: newId(),
      destination: 'Grocery store',
      signedOutAt: andreOutAt(ctx.now),
      expectedReturnAt: new Date(ctx.now.getTime() - 40 * MINUTE),
      signedInAt: null,
    });
}

/** BARC-10 once a month from move-in, the last six; never today, so anyone can do it now. */
function surveys(sc: Scope, rows: Rows) {
  const { ctx, r, rng, tz, today, moveIn } = sc;
  const taken: Array<{ on: string; total: number }> = [];
  let total = clamp(30 + rng.int(0, 8), 10, 60);
  for (let due = moveIn; ;) {
    const on = addDays(due, rng.int(0, 3));
    if (on >= today) break;
    taken.push({ on, total });
    total = clamp(total + rng.int(-1, 4), 10, 58);
    due = barc10Due(on, today, moveIn).dueOn;
  }
  // Jordan's next one is due, for him to fill in
  while (r.name === RESIDENT_LOGIN && taken.length > 0) {
    const last = taken.at(-1);
    if (!last || barc10Due(last.on, today, moveIn).due) break;
    taken.pop();
  }
  const kept = taken.slice(-6);
  const last = kept.at(-1);
  const previous = kept.at(-2);
  if (last && previous) {
    if (r.name === BARC10_FALLING) last.total = previous.total - 6;
    else if (barc10Trend(kept) === 'falling') last.total = previous.total;
  }
  for (const t of kept) {
    const answers = barc10Answers(t.total, rng);
    rows.surveys.push({
      id: newId(),
      organisationId: ctx.organisationId,
      houseId: sc.house.id,
      residentId: r.id,
      answers,
      total: barc10Total(answers),
      forDate: t.on,
      submittedAt: localTime(t.on, rng.int(18 * 60, 21 * 60 + 30), tz),
    });
  }
}

/** Intake and post-pass tests, weekly random ones, draws that verify, and the notable few. */
function drugTests(ctx: CheckInsSeedContext, rows: Rows) {
  const { now } = ctx;
  const random = generator('drug-tests');
  const staffOf = (key: string) =>
    key === 'oxford'
      ? { userId: ctx.operatorId, witness: null }
      : { userId: ctx.managerId, witness: ctx.managerName };
  // in the peer-run house a senior member witnesses
  const senior = (r: Resident) =>
    ctx.residents
      .filter((x) => x.house === r.house && x.id !== r.id)
      .sort((a, b) => b.daysIn - a.daysIn)[0]?.name ?? ctx.operatorName;
  const addTest = (
    r: Resident,
    fields: {
      type: DrugTestType;
      method: Exclude<DrugTestMethod, 'lab'>;
      collectedAt: Date;
      result?: DrugTestResult;
      positiveFor?: Substance[];
      notes?: string;
      drawId?: string | undefined;
    },
  ) => {
    const house = ctx.houses.get(r.house);
    if (!house) return null;
    const staff = staffOf(r.house);
    const row: TestRow = {
      id: newId(),
      organisationId: ctx.organisationId,
      houseId: house.id,
      residentId: r.id,
      drawId: fields.drawId ?? null,
      type: fields.type,
      method: fields.method,
      panel: [...STANDARD_PANELS[fields.method]],
      result: fields.result ?? 'negative',
      positiveFor: fields.positiveFor ?? [],
      witness: staff.witness ?? senior(r),
      notes: fields.notes ?? null,
      collectedAt: fields.collectedAt,
      recordedAt: plusMinutes(fields.collectedAt, random.int(5, 30)),
      recordedBy: staff.userId,
    };
    rows.tests.push(row);
    return row;
  };
  const byName = (name: string) => ctx.residents.find((r) => r.name === name);
  const localOf = (r: Resident, daysAgo: number, minutes: number) => {
    const tz = ctx.houses.get(r.house)?.timezone ?? 'UTC';
    return localTime(addDays(localDateAt(now, tz), -daysAgo), minutes, tz);
  };
  const methods = ['urine_cup', 'saliva', 'urine_cup', 'breathalyser'] as const;

  for (const r of ctx.residents) {
    if (r.daysIn < WINDOW_DAYS)
      addTest(r, {
        type: 'intake',
        method: 'urine_cup',
        collectedAt: localOf(r, r.daysIn, 15 * 60),
      });
    // a test after a visit away from the house
    for (const p of approvedPasses(ctx, r))
      if (p.returnedAt && p.type !== 'work' && p.returnedAt.getTime() < now.getTime())
        addTest(r, {
          type: 'post_pass',
          method: 'saliva',
          collectedAt: plusMinutes(p.returnedAt, 15),
        });
  }

  // the weeks before the draws below: one or two random tests a week in each house
  for (const [key] of ctx.houses) {
    const offset = random.int(0, 3);
    for (let daysAgo = 10 + offset; daysAgo < WINDOW_DAYS; daysAgo += 7) {
      const living = ctx.residents.filter((r) => r.house === key && r.daysIn > daysAgo);
      for (const r of random.shuffle(living).slice(0, random.int(1, 2))) {
        if (r.name === DILUTE_TEST) continue;
        const collectedAt = localOf(r, daysAgo, random.int(17 * 60, 21 * 60));
        if (outOn(approvedPasses(ctx, r), collectedAt)) continue;
        addTest(r, { type: 'random', method: random.pick(methods), collectedAt });
      }
    }
  }
  const dylan = byName(DILUTE_TEST);
  if (dylan) {
    addTest(dylan, {
      type: 'random',
      method: 'urine_cup',
      result: 'dilute',
      collectedAt: localOf(dylan, 18, 19 * 60 + 40),
      notes: 'Sample pale and the creatinine strip low. Retest first thing tomorrow.',
    });
    addTest(dylan, {
      type: 'suspicion',
      method: 'urine_cup',
      collectedAt: localOf(dylan, 17, 7 * 60 + 15),
      notes: 'Retest after yesterday’s dilute sample: first void of the morning.',
    });
  }

  /**
   * A random draw as the app makes it: those living in the house and not out on
   * a pass, sorted, drawn with a seed; the seed is the first from a fixed start
   * that draws `wanted`, so the demo's story holds and the draw still verifies.
   */
  const draw = (
    key: string,
    daysAgo: number,
    amount: { count?: number; percent?: number },
    wanted: Resident | undefined,
    reason: string | null,
  ) => {
    const house = ctx.houses.get(key);
    const requestedBy = staffOf(key).userId;
    if (!house || !requestedBy) return { id: undefined, requestedAt: now, drawn: [] };
    const today = localDateAt(now, house.timezone);
    const requestedAt = localTime(addDays(today, -daysAgo), 18 * 60, house.timezone);
    const eligible = ctx.residents
      .filter(
        (r) =>
          r.house === key && r.daysIn >= daysAgo && !outOn(approvedPasses(ctx, r), requestedAt),
      )
      .map((r) => r.id)
      .sort();
    const size = drawSize(eligible.length, amount);
    const start = random.int(1, 2 ** 31);
    let seed = start;
    let drawn = drawResidents(eligible, size, seed);
    while (wanted && !drawn.includes(wanted.id) && seed < start + 10_000) {
      seed += 1;
      drawn = drawResidents(eligible, size, seed);
    }
    const id = newId();
    rows.draws.push({
      id,
      organisationId: ctx.organisationId,
      houseId: house.id,
      requestedBy,
      requestedAt,
      count: amount.count ?? null,
      percent: amount.percent ?? null,
      reason,
      eligible,
      drawn,
      seed,
    });
    return {
      id,
      requestedAt,
      drawn: drawn
        .map((rid) => ctx.residents.find((r) => r.id === rid))
        .filter((r) => r !== undefined),
    };
  };

  const oxford = draw('oxford', 8, { percent: 50 }, undefined, 'Monthly random testing');
  for (const [i, r] of oxford.drawn.entries())
    addTest(r, {
      type: 'random',
      method: i === 1 ? 'saliva' : 'urine_cup',
      drawId: oxford.id,
      collectedAt: plusMinutes(oxford.requestedAt, 20 + 15 * i),
    });

  // a positive in Cedar that the resident disputes, and the lab confirms
  const brandon = byName(POSITIVE_TEST);
  const cedar = draw('cedar', 4, { count: 1 }, brandon, null);
  for (const [i, r] of cedar.drawn.entries()) {
    const positive = r.id === brandon?.id;
    const row = addTest(r, {
      type: 'random',
      method: 'urine_cup',
      drawId: cedar.id,
      collectedAt: plusMinutes(cedar.requestedAt, 25 + 15 * i),
      ...(positive
        ? {
            result: 'positive' as const,
            positiveFor: ['marijuana' as const],
            notes: 'Says he has not used. Split sample sent to the lab.',
          }
        : {}),
    });
    if (row && positive)
      rows.confirmations.push({
        ...row,
        id: newId(),
        confirmsId: row.id,
        drawId: null,
        method: 'lab',
        lab: 'Front Range Toxicology',
        witness: null,
        notes: 'GC-MS confirmed THC metabolite above the 15 ng/mL cutoff.',
        recordedAt: new Date(row.collectedAt.getTime() + 2 * DAY + 3 * 60 * MINUTE),
      });
  }

  // Kevin, drawn two days ago, refused
  const kevin = byName(REFUSED_TEST);
  const maple = draw('maple', 2, { count: 2 }, kevin, 'Weekly random testing');
  for (const [i, r] of maple.drawn.entries())
    addTest(r, {
      type: 'random',
      method: 'urine_cup',
      drawId: maple.id,
      collectedAt: plusMinutes(maple.requestedAt, 20 + 15 * i),
      ...(r.id === kevin?.id
        ? {
            result: 'refused' as const,
            notes:
              'Would not give a sample and left the bathroom. Told him a refusal counts as a positive.',
          }
        : {}),
    });
}
