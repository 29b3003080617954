// Writes the plan and its history: the organisation, staff and logins, houses,
// residents and stays, phases and rule books with signatures, then house by
// house every day lived there: passes, daily and curfew check-ins (with the
// recovery meetings logged, misses, late ones and a few corrections), sign-outs,
// drug tests, BARC-10 surveys, violations and grievances, chore rotas with what
// was done, and weekly house meetings with the roll. Records agree with each
// other the way the product makes them: nobody checks in while away on a pass
// or before signing the house rules, a violation cites a rule the resident
// signed, the roll lists who lived there. Today's daily check-ins are left open.
import { DEMO_MEETINGS } from '@porchlight/db/seed';
import {
  DEFAULT_OFFICES,
  HALT,
  KIND_PILLAR,
  motionOutcome,
  STANDARD_PANELS,
  type DrugTestMethod,
  type MotionThreshold,
  termEnd,
} from '@porchlight/domain';
import type { Calendar } from './calendar';
import { MINUTE_MS } from './calendar';
import {
  CHECK_IN_NOTES,
  CHORES,
  LABS,
  ORGANISATION_NAME,
  PASS_DESTINATIONS,
  SIGN_OUT_DESTINATIONS,
  STANDARD_RULES,
  SUPPORT_PEOPLE,
  VERIFICATIONS,
  VIOLATION_STORIES,
  FIRST_NAMES,
  LAST_NAMES,
} from './content';
import type { HousePlan, PhasePlan, Plan, ResidentPlan, StayPlan, VersionPlan } from './plan';
import { type Ids, Random } from './random';
import type { BenchTables, RowOf } from './tables';

export type Scale = 'full' | 'tenth';
/** Days of history kept at each scale, today included: a tenth is the last 73 days. */
export const HISTORY_DAYS: Record<Scale, number> = { full: 730, tenth: 73 };

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const POLICY = { curfewWindowBefore: 60, curfewGrace: 15 };

export interface HistoryContext {
  plan: Plan;
  calendar: Calendar;
  ids: Ids;
  scale: Scale;
  t: BenchTables;
  passwordHash: string;
  /** each resident's habits, worked out once */
  profiles: Map<number, Profile>;
  /** the office ids of each house, in DEFAULT_OFFICES order */
  officeIds: Map<string, string[]>;
}
type Context = HistoryContext;

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const firstDayOf = (ctx: Context, house: HousePlan) => house.today - (HISTORY_DAYS[ctx.scale] - 1);
/** A stay belongs to the scale's history when some of it falls in its days. */
const included = (ctx: Context, stay: StayPlan) =>
  stay.end === null || stay.end > firstDayOf(ctx, stay.house);
const managerOf = (house: HousePlan) => house.manager?.userId ?? null;

// ---------------------------------------------------------------------------
// the organisation, staff, houses and residents

export function writePlan(ctx: Context) {
  const { plan, calendar: cal, t } = ctx;
  const orgCreated = new Date(
    Math.min(...plan.houses.map((h) => cal.at(h.timezone, h.historyStart - 45, 10 * 60))),
  );
  t.organisations.push({ id: plan.organisationId, name: ORGANISATION_NAME, createdAt: orgCreated });
  for (const staff of [plan.operator, ...plan.managers]) {
    t.users.push({
      id: staff.userId,
      name: staff.name,
      email: staff.email,
      emailVerified: true,
      createdAt: orgCreated,
      updatedAt: orgCreated,
    });
    t.accounts.push({
      id: ctx.ids.next(),
      accountId: staff.userId,
      providerId: 'credential',
      userId: staff.userId,
      password: ctx.passwordHash,
      createdAt: orgCreated,
      updatedAt: orgCreated,
    });
    const role = staff === plan.operator ? 'operator' : 'manager';
    t.memberships.push({
      id: staff.membershipId,
      organisationId: plan.organisationId,
      userId: staff.userId,
      role,
      createdAt: orgCreated,
    });
    for (const house of staff.houses)
      t.membershipHouses.push({ membershipId: staff.membershipId, houseId: house.id });
  }
  t.ruleBooks.push({
    id: plan.templateRuleBookId,
    organisationId: plan.organisationId,
    houseId: null,
    name: 'Bench standard house rules',
    draft: STANDARD_RULES,
    draftUpdatedAt: orgCreated,
    createdAt: orgCreated,
    createdBy: plan.operator.userId,
  });

  for (const house of plan.houses) {
    const opened = new Date(cal.at(house.timezone, house.historyStart - 40, 10 * 60));
    t.houses.push({
      id: house.id,
      organisationId: plan.organisationId,
      name: house.name,
      address: house.address,
      timezone: house.timezone,
      narrLevel: house.narrLevel,
      capacity: house.beds.length,
      dailyCheckInBy: house.dailyCheckInBy,
      curfewWindowBefore: POLICY.curfewWindowBefore,
      curfewGrace: POLICY.curfewGrace,
      choreRotaDays: house.rotaDays,
      choreSwapsNeedApproval: !house.peerRun,
      officerTermMonths: 6,
      officerConsecutiveAllowed: false,
      createdAt: opened,
      updatedAt: opened,
    });
    for (const room of house.rooms)
      t.rooms.push({ id: room.id, houseId: house.id, name: room.name, createdAt: opened });
    for (const bed of house.beds)
      t.beds.push({
        id: bed.id,
        houseId: house.id,
        roomId: bed.roomId,
        label: bed.label,
        createdAt: opened,
      });
    for (const phase of house.phases)
      t.phases.push({
        id: phase.id,
        houseId: house.id,
        name: phase.name,
        position: phase.position,
        curfewWeeknights: phase.curfewWeeknights,
        curfewWeekends: phase.curfewWeekends,
        overnightPassesAllowed: phase.overnightPassesAllowed,
        passTypesAllowed: phase.passTypesAllowed,
        minDaysBeforePasses: phase.minDaysBeforePasses,
        dailyCheckIn: phase.dailyCheckIn,
        curfewCheckIn: phase.curfewCheckIn,
        meetingsPerWeek: phase.meetingsPerWeek,
        createdAt: opened,
        updatedAt: opened,
      });
    t.ruleBooks.push({
      id: house.ruleBookId,
      organisationId: plan.organisationId,
      houseId: house.id,
      name: house.peerRun ? `${house.name} rules` : 'House rules',
      createdAt: opened,
      createdBy: plan.operator.userId,
    });
    for (const v of house.versions)
      t.ruleBookVersions.push({
        id: v.id,
        ruleBookId: house.ruleBookId,
        version: v.version,
        rules: v.rules,
        changeNote: v.changeNote,
        publishedAt: new Date(v.publishedAt),
        publishedBy: house.peerRun ? null : managerOf(house),
      });
    const officeIds: string[] = [];
    ctx.officeIds.set(house.id, officeIds);
    for (const [position, office] of DEFAULT_OFFICES.entries()) {
      const id = ctx.ids.next();
      officeIds.push(id);
      t.offices.push({
        id,
        organisationId: plan.organisationId,
        houseId: house.id,
        key: office.key,
        name: office.name,
        description: office.description,
        powers: [...office.powers],
        position,
        createdAt: opened,
      });
    }
  }

  for (const resident of plan.residents) {
    const stays = resident.stays.filter((s) => included(ctx, s));
    const first = stays[0];
    const last = stays.at(-1);
    if (!first || !last) continue;
    const created = new Date(cal.at(first.house.timezone, first.start, 9 * 60));
    if (resident.userId && resident.email && resident.membershipId) {
      t.users.push({
        id: resident.userId,
        name: `${resident.firstName} ${resident.lastName}`,
        email: resident.email,
        emailVerified: true,
        createdAt: created,
        updatedAt: created,
      });
      t.memberships.push({
        id: resident.membershipId,
        organisationId: plan.organisationId,
        userId: resident.userId,
        role: 'resident',
        createdAt: created,
      });
    }
    t.residents.push({
      id: resident.id,
      organisationId: plan.organisationId,
      houseId: last.house.id,
      userId: resident.userId,
      firstName: resident.firstName,
      lastName: resident.lastName,
      preferredName: resident.preferredName,
      phone: resident.phone,
      email: resident.email,
      dateOfBirth: resident.dateOfBirth,
      sobrietyDate: resident.sobrietyDate,
      shareLocation: false,
      shareMilestones: resident.index % 3 === 0,
      createdAt: created,
      updatedAt: created,
      createdBy: managerOf(first.house),
    });
    t.emergencyContacts.push({
      id: ctx.ids.next(),
      residentId: resident.id,
      name: `${FIRST_NAMES[(resident.index * 31) % FIRST_NAMES.length] ?? 'Maria'} ${resident.lastName}`,
      relationship:
        ['Mother', 'Sister', 'Father', 'Aunt', 'Brother'][resident.index % 5] ?? 'Family',
      phone: `(555) 020-${String(resident.index % 10_000).padStart(4, '0')}`,
      position: 0,
    });
    for (const stay of stays) {
      const tz = stay.house.timezone;
      const manager = managerOf(stay.house);
      t.stays.push({
        id: stay.id,
        organisationId: plan.organisationId,
        residentId: resident.id,
        houseId: stay.house.id,
        bedId: stay.bedId,
        startDate: cal.date(stay.start),
        endDate: stay.end === null ? null : cal.date(stay.end),
        expectedEndDate: stay.expectedEnd === null ? null : cal.date(stay.expectedEnd),
        endReason: stay.reason,
        endNote: stay.note,
        previousStayId: stay.previous && included(ctx, stay.previous) ? stay.previous.id : null,
        createdAt: new Date(cal.at(tz, stay.start, 9 * 60)),
        createdBy: manager,
        endedAt: stay.end === null ? null : new Date(cal.at(tz, stay.end, 10 * 60)),
        endedBy: stay.end === null ? null : manager,
      });
      for (const [i, span] of stay.phases.entries())
        t.residentPhases.push({
          id: ctx.ids.next(),
          residentId: resident.id,
          phaseId: span.phase.id,
          startDate: cal.date(span.start),
          reason:
            i > 0
              ? 'Met the requirements of the previous phase'
              : stay.previous
                ? 'Transferred in'
                : 'Moved in',
          decidedBy: manager,
          createdAt: new Date(cal.at(tz, span.start, 9 * 60 + 30)),
        });
    }
  }
  ctx.t.auditLog.push({
    at: new Date(cal.nowMs),
    organisationId: plan.organisationId,
    actorUserId: null,
    action: 'bench.generate',
    recordType: 'organisation',
    recordId: plan.organisationId,
    details: { scale: ctx.scale, houses: plan.houses.length },
  });
}

// ---------------------------------------------------------------------------
// one resident's habits, the same in every stay

export interface Profile {
  missRate: number;
  lateRate: number;
  morning: boolean;
  eveningFrom: number;
  mood: number;
  craving: number;
  wave: number;
  sponsorRate: number;
  workRate: number;
  meetingFactor: number;
  fellowship: (typeof DEMO_MEETINGS)[number][number][0];
  reliability: number;
  trouble: number;
}

function profileOf(ctx: Context, resident: ResidentPlan): Profile {
  const cached = ctx.profiles.get(resident.index);
  if (cached) return cached;
  const r = new Random(`profile:${resident.index}`);
  const struggling = r.chance(0.06);
  const profile: Profile = {
    missRate: struggling ? 0.12 + r.next() * 0.13 : 0.01 + r.next() * 0.06,
    lateRate: 0.02 + r.next() * 0.05,
    morning: r.chance(0.4),
    eveningFrom: r.int(17 * 60, 19 * 60 + 30),
    mood: 2.6 + r.next() * 0.8,
    craving: 0.3 + r.next() * 1.6,
    wave: r.int(0, 16),
    sponsorRate: 0.3 + r.next() * 0.55,
    workRate: 0.4 + r.next() * 0.5,
    meetingFactor: 0.6 + r.next() * 0.5,
    fellowship: r.weighted([
      ['aa', 45],
      ['na', 30],
      ['smart_recovery', 10],
      ['celebrate_recovery', 10],
      ['refuge_recovery', 5],
    ] as const),
    reliability: struggling ? 0.7 + r.next() * 0.15 : 0.86 + r.next() * 0.12,
    trouble: struggling ? 2 + r.next() * 2 : 0.3 + r.next() * 1.2,
  };
  ctx.profiles.set(resident.index, profile);
  return profile;
}

// ---------------------------------------------------------------------------
// approved passes: when a resident is excused, and when they were really out

class Away {
  /** [departAt, end the pass excuses, when they were really back] sorted by departure */
  readonly spans: Array<[number, number, number]> = [];

  add(departAt: number, expectedReturnAt: number, returnedAt: number | null) {
    const excusedUntil =
      returnedAt !== null && returnedAt < expectedReturnAt ? returnedAt : expectedReturnAt;
    this.spans.push([departAt, excusedUntil, returnedAt ?? expectedReturnAt]);
  }

  #find(at: number): [number, number, number] | undefined {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found: [number, number, number] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = this.spans[mid];
      if (!span) break;
      if (span[0] <= at) {
        found = span;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** An approved pass excuses the resident at `at` (passCovers). */
  covers(at: number): boolean {
    const span = this.#find(at);
    return span !== undefined && at < span[1];
  }

  /** When they were back, if they were out at `at`. */
  outUntil(at: number): number | null {
    const span = this.#find(at);
    return span !== undefined && at < span[2] ? span[2] : null;
  }
}

interface Signature {
  version: VersionPlan;
  at: number;
}

interface LatePass {
  id: string;
  returnedAt: number;
}

interface StayFacts {
  stay: StayPlan;
  away: Away;
  signatures: Signature[];
  latePasses: LatePass[];
  /** approved non-work passes they came back from: a test often follows */
  returns: number[];
}

const phaseOn = (stay: StayPlan, day: number): PhasePlan | undefined => {
  let found: PhasePlan | undefined;
  for (const span of stay.phases) if (span.start <= day) found = span.phase;
  return found;
};

/** The last day of the stay with anything to record: the day before moving out, or yesterday. */
const lastDayOf = (stay: StayPlan) =>
  Math.min(stay.end === null ? stay.house.today : stay.end, stay.house.today) - 1;

// ---------------------------------------------------------------------------
// signatures

/** Which rule book versions each resident has signed, per generation run. */
const signedIn = new WeakMap<Context, Set<string>>();

function signatures(ctx: Context, stay: StayPlan): Signature[] {
  const { calendar: cal, t } = ctx;
  const house = stay.house;
  const tz = house.timezone;
  const r = new Random(`signatures:${stay.index}`);
  const resident = stay.resident;
  const out: Signature[] = [];
  const sign = (version: VersionPlan, at: number) => {
    out.push({ version, at });
    // a resident who comes back to a house (or moves within it) has signed its book before:
    // a version is signed once
    const signed = signedIn.get(ctx) ?? new Set<string>();
    signedIn.set(ctx, signed);
    const key = `${resident.id}:${version.id}`;
    if (signed.has(key)) return;
    signed.add(key);
    t.ruleAcknowledgements.push({
      id: ctx.ids.next(),
      residentId: resident.id,
      ruleBookVersionId: version.id,
      typedName: `${resident.firstName} ${resident.lastName}`,
      acknowledgedAt: new Date(at),
      userId: resident.userId,
    });
  };
  const movedIn = cal.at(tz, stay.start, r.int(10 * 60, 15 * 60));
  const inForce = house.versions.filter((v) => v.publishedAt <= movedIn).at(-1);
  if (inForce) sign(inForce, movedIn);
  const endAt = stay.end === null ? Infinity : cal.at(tz, stay.end, 0);
  for (const version of house.versions) {
    if (version.publishedAt <= movedIn || version.publishedAt >= endAt) continue;
    if (version.day >= house.today - 10 && r.chance(0.35)) continue;
    const at = cal.at(tz, version.day + r.int(0, 6), r.int(18 * 60, 21 * 60 + 30));
    if (at >= cal.nowMs || at >= endAt || at <= version.publishedAt) continue;
    sign(version, at);
  }
  return out;
}

// ---------------------------------------------------------------------------
// passes

const PASS_KINDS = [
  ['work', 30],
  ['family', 25],
  ['job_search', 15],
  ['recreation', 15],
  ['overnight', 10],
  ['other', 5],
] as const;

function passes(ctx: Context, facts: StayFacts) {
  const { calendar: cal, t, plan } = ctx;
  const { stay } = facts;
  const house = stay.house;
  const tz = house.timezone;
  const manager = managerOf(house);
  const resident = stay.resident;
  const r = new Random(`passes:${stay.index}`);
  const shownFrom = cal.at(tz, firstDayOf(ctx, house), 0);
  const endAt = stay.end === null ? Infinity : cal.at(tz, stay.end, 0);
  const lastDay = stay.end === null ? house.today + 5 : stay.end - 1;
  const movedIn = facts.signatures[0]?.at ?? cal.at(tz, stay.start, 15 * 60);
  for (let day = stay.start + 7; day <= lastDay;) {
    if (!r.chance(1 / 22)) {
      day += 1;
      continue;
    }
    const phase = phaseOn(stay, Math.min(day, house.today));
    const allowed = PASS_KINDS.filter(
      ([kind]) =>
        phase?.passTypesAllowed.includes(kind) &&
        (kind !== 'overnight' || phase.overnightPassesAllowed),
    );
    if (!phase || allowed.length === 0) {
      day += 1;
      continue;
    }
    const type = r.weighted(allowed);
    const departMinutes =
      type === 'overnight'
        ? r.int(17 * 60, 19 * 60 + 30)
        : type === 'work'
          ? r.int(6 * 60, 14 * 60)
          : r.int(9 * 60, 17 * 60);
    const departAt = cal.at(tz, day, departMinutes);
    let returnDay = day;
    let expectedReturnAt: number;
    if (type === 'overnight') {
      returnDay = day + (r.chance(0.1) ? 2 : 1);
      expectedReturnAt = cal.at(tz, returnDay, r.int(12 * 60, 18 * 60));
    } else {
      const hours = type === 'work' ? r.int(8, 10) : r.int(3, 7);
      expectedReturnAt = cal.at(tz, day, Math.min(departMinutes + hours * 60, 21 * 60 + 30));
    }
    if (expectedReturnAt >= endAt) break;
    day = returnDay + 1;
    const future = departAt > cal.nowMs;
    const status = future
      ? r.chance(0.6)
        ? 'requested'
        : 'approved'
      : r.weighted([
          ['approved', 82],
          ['declined', 10],
          ['cancelled', 8],
        ] as const);
    let createdAt = Math.max(
      departAt - r.int(18, 72) * HOUR_MS,
      movedIn + HOUR_MS,
      cal.at(tz, stay.start, 16 * 60),
    );
    if (createdAt >= cal.nowMs) createdAt = cal.nowMs - r.int(5, 240) * MINUTE_MS;
    if (createdAt >= departAt) continue;
    const decided = status === 'approved' || status === 'declined';
    const decidedAt = decided
      ? Math.min(
          createdAt + r.int(1, 16) * HOUR_MS,
          departAt - 10 * MINUTE_MS,
          cal.nowMs - MINUTE_MS,
        )
      : null;
    if (decidedAt !== null && decidedAt <= createdAt) continue;
    let returnedAt: number | null = null;
    let late = false;
    if (status === 'approved' && departAt < cal.nowMs) {
      if (expectedReturnAt > cal.nowMs) returnedAt = null;
      else if (r.chance(0.12)) {
        returnedAt = expectedReturnAt + r.int(10, 150) * MINUTE_MS;
        late = true;
        if (returnedAt > cal.nowMs) {
          // still out and overdue: the most urgent state there is
          returnedAt = stay.end === null && r.chance(0.3) ? null : cal.nowMs - MINUTE_MS;
          late = returnedAt !== null;
        }
      } else
        returnedAt = Math.max(
          departAt + 30 * MINUTE_MS,
          expectedReturnAt - r.int(0, 90) * MINUTE_MS,
        );
    }
    const id = ctx.ids.next();
    if (status === 'approved') facts.away.add(departAt, expectedReturnAt, returnedAt);
    if (status === 'approved' && returnedAt !== null && type !== 'work')
      facts.returns.push(returnedAt);
    const excuse = late && returnedAt !== null && r.chance(0.4);
    if (expectedReturnAt < shownFrom) continue;
    if (late && returnedAt !== null && !excuse && r.chance(0.5))
      facts.latePasses.push({ id, returnedAt });
    const recorder = resident.userId ?? manager;
    t.passes.push({
      id,
      organisationId: plan.organisationId,
      houseId: house.id,
      residentId: resident.id,
      type,
      destination: r.pick(PASS_DESTINATIONS[type] ?? ['Errand']),
      departAt: new Date(departAt),
      expectedReturnAt: new Date(expectedReturnAt),
      contact: r.chance(0.4) ? `(555) 014-${String(r.int(0, 9999)).padStart(4, '0')}` : null,
      note: null,
      status,
      eligibilityNotes: [],
      decidedBy: decided ? manager : null,
      decidedAt: decidedAt === null ? null : new Date(decidedAt),
      decisionReason:
        status === 'declined' ? 'Not this week: let’s talk about it at your check-in.' : null,
      returnedAt: returnedAt === null ? null : new Date(returnedAt),
      returnedRecordedBy: returnedAt === null ? null : recorder,
      lateExcusedAt:
        excuse && returnedAt !== null
          ? new Date(Math.min(returnedAt + r.int(1, 20) * HOUR_MS, cal.nowMs - MINUTE_MS))
          : null,
      lateExcusedBy: excuse ? manager : null,
      lateExcuseReason: excuse ? 'Bus was late; called the house ahead of time.' : null,
      createdAt: new Date(createdAt),
      createdBy: resident.userId,
    });
  }
}

// ---------------------------------------------------------------------------
// check-ins

const HALT_ONE: string[][] = HALT.map((h) => [h]);

function checkIns(ctx: Context, facts: StayFacts) {
  const { calendar: cal, t, plan } = ctx;
  const { stay, away } = facts;
  const house = stay.house;
  const tz = house.timezone;
  const resident = stay.resident;
  const profile = profileOf(ctx, resident);
  const r = new Random(`check-ins:${stay.index}`);
  const first = firstDayOf(ctx, house);
  const [dueH, dueM] = house.dailyCheckInBy.split(':').map(Number);
  const dueMinutes = (dueH ?? 21) * 60 + (dueM ?? 0);
  const eveningFrom = Math.min(profile.eveningFrom, dueMinutes - 90);
  const chainStart = resident.stays[0]?.start ?? stay.start;
  const lastDay = lastDayOf(stay);
  const thisMonday = house.today - ((cal.weekdays[house.today] ?? 1) - 1);
  const base = {
    organisationId: plan.organisationId,
    houseId: house.id,
    residentId: resident.id,
    recordedBy: resident.userId,
  };

  const meetingsFor = (checkInId: string, day: number, count: number) => {
    const options = DEMO_MEETINGS[(cal.weekdays[day] ?? 1) - 1] ?? [];
    const own = options.filter(([type]) => type === profile.fellowship);
    const rows: Array<{ type: string; name: string; verification: string | null }> = [];
    for (let k = 0; k < count; k++) {
      const pool = own.length > 0 && r.chance(0.75) ? own : options;
      const [type, name] = r.pick(pool);
      if (rows.some((m) => m.name === name)) continue;
      rows.push({ type, name, verification: r.chance(0.3) ? r.pick(VERIFICATIONS) : null });
    }
    for (const m of rows) t.checkInMeetings.push({ id: ctx.ids.next(), checkInId, ...m });
    return rows;
  };

  for (let day = Math.max(stay.start + 1, first); day <= lastDay; day++) {
    const phase = phaseOn(stay, day);
    if (phase && !phase.dailyCheckIn) continue;
    const dueAt = cal.at(tz, day, dueMinutes);
    if (away.covers(dueAt)) continue;
    const settling = day <= stay.start + 3;
    if (!settling && r.chance(profile.missRate)) continue;
    const lateOne = r.chance(profile.lateRate);
    const minutes = lateOne
      ? r.int(dueMinutes + 5, 23 * 60 + 40)
      : profile.morning && r.chance(0.7)
        ? r.int(7 * 60, 9 * 60 + 30)
        : r.int(eveningFrom, dueMinutes - 5);
    let recordedAt = cal.at(tz, day, minutes) + r.int(0, 59_000);
    const back = away.outUntil(recordedAt);
    if (back !== null) {
      recordedAt = back + r.int(10, 40) * MINUTE_MS;
      if (recordedAt > cal.at(tz, day, 23 * 60 + 55)) continue;
    }
    if (recordedAt > cal.nowMs) continue;
    const daysIn = day - chainStart;
    const wave = Math.sin(((day + profile.wave) / 17) * 2 * Math.PI) * 0.5;
    const bad = r.chance(0.05);
    const mood = Math.round(
      clamp(
        profile.mood +
          (0.9 * Math.min(daysIn, 150)) / 150 +
          wave +
          r.wobble() * 0.9 -
          (bad ? 1.4 : 0),
        1,
        5,
      ),
    );
    const craving = Math.round(
      clamp(
        profile.craving + 2.5 * Math.exp(-daysIn / 45) - wave + r.wobble() + (bad ? 2.5 : 0),
        0,
        10,
      ),
    );
    const haltChance = mood <= 2 ? 0.6 : mood === 3 ? 0.2 : 0.06;
    const halt = r.chance(haltChance)
      ? r.chance(0.3)
        ? [r.pick(HALT), 'tired'].filter((h, i, a) => a.indexOf(h) === i)
        : r.pick(HALT_ONE)
      : [];
    const weekday = (cal.weekdays[day] ?? 1) <= 5;
    const id = ctx.ids.next();
    const late = recordedAt > dueAt;
    const row = {
      ...base,
      id,
      kind: 'daily' as const,
      forDate: cal.date(day),
      recordedAt: new Date(recordedAt),
      late,
      mood,
      craving,
      halt,
      sleepHours: r.chance(0.12)
        ? null
        : halt.includes('tired')
          ? r.int(9, 12) / 2
          : r.int(12, 17) / 2,
      sponsorContact: r.chance(0.1) ? null : r.chance(profile.sponsorRate),
      workOrSchool: r.chance(0.15) ? null : r.chance(profile.workRate * (weekday ? 1 : 0.3)),
      note:
        late && r.chance(0.3)
          ? 'Forgot until I was in bed.'
          : r.chance(0.04)
            ? r.pick(CHECK_IN_NOTES)
            : null,
    };
    t.checkIns.push(row);
    const perWeek = phase?.meetingsPerWeek ?? 3;
    // most have logged a meeting by now this week (the attention list asks)
    const meetingChance =
      day >= thisMonday ? Math.max(0.85, perWeek / 7) : (perWeek / 7) * profile.meetingFactor;
    const meetings = r.chance(meetingChance) ? meetingsFor(id, day, r.chance(0.08) ? 2 : 1) : [];
    // now and then the resident corrects an entry soon after making it
    if (r.chance(0.002) && recordedAt + 75 * MINUTE_MS < cal.nowMs) {
      const kind = r.int(0, 2);
      const correctionId = ctx.ids.next();
      t.checkIns.push({
        ...row,
        id: correctionId,
        recordedAt: new Date(recordedAt + r.int(12, 70) * MINUTE_MS),
        correctsId: id,
        correctionReason: [
          'Tapped the wrong mood by mistake.',
          'My craving was higher than I put. Being honest about it.',
          'Put the wrong hours of sleep; it was 7.',
        ][kind],
        mood: kind === 0 ? clamp(mood + (mood > 3 ? -2 : 2), 1, 5) : mood,
        craving: kind === 1 ? clamp(craving + 2, 0, 10) : craving,
        sleepHours: kind === 2 ? 7 : row.sleepHours,
      });
      for (const m of meetings)
        t.checkInMeetings.push({ id: ctx.ids.next(), checkInId: correctionId, ...m });
    }
  }

  // "I'm home", on the nights the phase asks for it, from the move-in night to last night
  for (let night = Math.max(stay.start, first); night <= lastDay; night++) {
    const phase = phaseOn(stay, night);
    if (!phase?.curfewCheckIn) continue;
    const curfewAt = cal.curfewAt(phase, tz, night);
    if (away.covers(curfewAt)) continue;
    if (r.chance(profile.missRate)) continue;
    const opensAt = curfewAt - POLICY.curfewWindowBefore * MINUTE_MS;
    const closesAt = curfewAt + POLICY.curfewGrace * MINUTE_MS;
    let recordedAt = r.chance(profile.lateRate)
      ? curfewAt + r.int(POLICY.curfewGrace + 1, 55) * MINUTE_MS
      : opensAt + Math.floor(74 * r.next() ** 1.5 * MINUTE_MS) + r.int(0, 59_000);
    const back = away.outUntil(recordedAt);
    if (back !== null) {
      recordedAt = back + r.int(1, 6) * MINUTE_MS;
      if (recordedAt > curfewAt + 6 * HOUR_MS) continue;
    }
    if (recordedAt > cal.nowMs || recordedAt < opensAt) continue;
    t.checkIns.push({
      ...base,
      id: ctx.ids.next(),
      kind: 'curfew',
      forDate: cal.date(night),
      recordedAt: new Date(recordedAt),
      late: recordedAt > closesAt,
    });
  }
}

// ---------------------------------------------------------------------------
// sign-outs, tests, surveys

function signOuts(ctx: Context, facts: StayFacts) {
  const { calendar: cal, t, plan } = ctx;
  const { stay, away } = facts;
  const house = stay.house;
  const tz = house.timezone;
  const userId = stay.resident.userId;
  const r = new Random(`sign-outs:${stay.index}`);
  const base = {
    organisationId: plan.organisationId,
    houseId: house.id,
    residentId: stay.resident.id,
    createdBy: userId,
  };
  const lastDay = lastDayOf(stay);
  for (let day = Math.max(stay.start + 1, firstDayOf(ctx, house)); day <= lastDay; day++) {
    if (!r.chance(0.06)) continue;
    const out = cal.at(tz, day, r.int(12 * 60, 17 * 60 + 30));
    const expected = out + r.int(30, 150) * MINUTE_MS;
    const signedIn = expected + (r.chance(0.1) ? r.int(5, 30) : -r.int(0, 25)) * MINUTE_MS;
    if (away.outUntil(out) !== null || away.outUntil(signedIn) !== null) continue;
    t.signOuts.push({
      ...base,
      id: ctx.ids.next(),
      destination: r.pick(SIGN_OUT_DESTINATIONS),
      signedOutAt: new Date(out),
      expectedReturnAt: new Date(expected),
      signedInAt: new Date(signedIn),
      signedInRecordedBy: userId,
    });
  }
  // a few are out on an errand right now (in the daytime of their house)
  if (stay.end === null && r.chance(0.012)) {
    const out = cal.nowMs - r.int(10, 120) * MINUTE_MS;
    if (
      out >= cal.at(tz, house.today, 10 * 60) &&
      out <= cal.at(tz, house.today, 20 * 60) &&
      away.outUntil(out) === null
    )
      t.signOuts.push({
        ...base,
        id: ctx.ids.next(),
        destination: r.pick(SIGN_OUT_DESTINATIONS),
        signedOutAt: new Date(out),
        expectedReturnAt: new Date(out + r.int(45, 180) * MINUTE_MS),
        signedInAt: null,
        signedInRecordedBy: null,
      });
  }
}

const RESULTS = [
  ['negative', 972],
  ['dilute', 10],
  ['invalid', 4],
  ['positive', 10],
  ['refused', 4],
] as const;
const METHODS = [
  ['urine_cup', 55],
  ['saliva', 25],
  ['breathalyser', 20],
] as const;

function drugTests(ctx: Context, facts: StayFacts) {
  const { calendar: cal, t, plan } = ctx;
  const { stay, away } = facts;
  const house = stay.house;
  const tz = house.timezone;
  const manager = house.manager;
  const r = new Random(`tests:${stay.index}`);
  const shownFrom = cal.at(tz, firstDayOf(ctx, house), 0);
  const witness = house.peerRun ? 'House president' : (manager?.name ?? null);
  const add = (type: string, method: Exclude<DrugTestMethod, 'lab'>, collectedAt: number) => {
    if (collectedAt < shownFrom || collectedAt > cal.nowMs - 40 * MINUTE_MS) return;
    const result = type === 'intake' ? 'negative' : r.weighted(RESULTS);
    const panel = [...STANDARD_PANELS[method]];
    const positiveFor = result === 'positive' ? [r.pick(panel)] : [];
    const id = ctx.ids.next();
    const row = {
      id,
      organisationId: plan.organisationId,
      houseId: house.id,
      residentId: stay.resident.id,
      confirmsId: null,
      type,
      method,
      panel,
      result,
      positiveFor,
      lab: null,
      witness,
      notes:
        result === 'refused'
          ? 'Would not give a sample. Told him a refusal counts as a positive.'
          : result === 'dilute'
            ? 'Sample pale and the creatinine strip low. Retest tomorrow.'
            : null,
      collectedAt: new Date(collectedAt),
      recordedAt: new Date(collectedAt + r.int(5, 30) * MINUTE_MS),
      recordedBy: manager?.userId ?? null,
    };
    t.drugTests.push(row);
    const labAt = collectedAt + 2 * DAY_MS + 3 * HOUR_MS;
    if (result === 'positive' && r.chance(0.5) && labAt < cal.nowMs) {
      const confirmed = r.chance(0.85);
      t.drugTests.push({
        ...row,
        id: ctx.ids.next(),
        confirmsId: id,
        method: 'lab',
        result: confirmed ? 'positive' : 'negative',
        positiveFor: confirmed ? positiveFor : [],
        lab: r.pick(LABS),
        witness: null,
        notes: confirmed ? 'GC-MS confirmed above the cutoff.' : 'Below the cutoff on GC-MS.',
        recordedAt: new Date(labAt),
      });
    }
  };
  if (!stay.previous) add('intake', 'urine_cup', cal.at(tz, stay.start, r.int(15 * 60, 17 * 60)));
  const lastDay = lastDayOf(stay);
  for (let day = stay.start + r.int(2, 9); day <= lastDay; day += r.int(5, 11)) {
    const at = cal.at(tz, day, r.int(17 * 60, 21 * 60 + 30));
    if (away.outUntil(at) !== null) continue;
    add(r.chance(0.03) ? 'suspicion' : 'random', r.weighted(METHODS), at);
  }
  for (const back of facts.returns)
    if (r.chance(0.5)) add('post_pass', 'saliva', back + r.int(15, 30) * MINUTE_MS);
}

function surveys(ctx: Context, stay: StayPlan) {
  const { calendar: cal, t, plan } = ctx;
  const house = stay.house;
  const r = new Random(`surveys:${stay.index}`);
  const first = firstDayOf(ctx, house);
  let total = r.int(26, 40);
  const lastDay = lastDayOf(stay);
  for (let day = stay.start + r.int(1, 3); day <= lastDay; day += r.int(28, 35)) {
    total = clamp(total + r.int(-2, 4), 10, 58);
    if (day < first) continue;
    const answers = Array.from({ length: 10 }, () => Math.floor(total / 10));
    for (let k = 0; k < total % 10; k++) answers[k] = (answers[k] ?? 0) + 1;
    for (let k = 0; k < 5; k++) {
      const up = r.int(0, 9);
      const down = r.int(0, 9);
      const a = answers[up] ?? 0;
      const b = answers[down] ?? 0;
      if (up !== down && a < 6 && b > 1) {
        answers[up] = a + 1;
        answers[down] = b - 1;
      }
    }
    const submittedAt = new Date(cal.at(house.timezone, day, r.int(18 * 60, 21 * 60 + 30)));
    if (submittedAt.getTime() > cal.nowMs) continue;
    t.surveys.push({
      id: ctx.ids.next(),
      organisationId: plan.organisationId,
      houseId: house.id,
      residentId: stay.resident.id,
      answers,
      total: answers.reduce((a, b) => a + b, 0),
      forDate: cal.date(day),
      submittedAt,
      createdAt: submittedAt,
    });
  }
}

// ---------------------------------------------------------------------------
// violations and grievances

const RULE_WEIGHTS: Record<string, number> = {
  curfew: 30,
  chores: 30,
  'house-meeting': 15,
  guests: 10,
  'phones-at-meetings': 5,
  rent: 4,
  'equal-share': 4,
  respect: 2,
  'no-substances': 2,
  testing: 1,
};

function violations(ctx: Context, facts: StayFacts) {
  const { calendar: cal, t, plan } = ctx;
  const { stay } = facts;
  const house = stay.house;
  const tz = house.timezone;
  const manager = managerOf(house);
  const resident = stay.resident;
  const r = new Random(`violations:${stay.index}`);
  const shownFrom = cal.at(tz, firstDayOf(ctx, house), 0);
  const rate = 0.008 * profileOf(ctx, resident).trouble;
  const signedAt = (at: number) => facts.signatures.filter((s) => s.at < at).at(-1)?.version;

  const record = (at: number, ruleKey: string | null, passId: string | null) => {
    if (at < shownFrom || at > cal.nowMs - 30 * MINUTE_MS) return;
    const version = signedAt(at);
    if (!version) return;
    const rule = ruleKey
      ? version.rules.find((x) => x.key === ruleKey)
      : r.weighted(version.rules.map((x) => [x, RULE_WEIGHTS[x.key] ?? 1] as const));
    if (!rule) return;
    const consequence = r.chance(0.7) ? rule.consequences[0] : r.pick(rule.consequences);
    if (!consequence) return;
    const responded = r.chance(0.15) ? at + r.int(10, 30) * HOUR_MS : null;
    const voided = r.chance(0.03) ? at + r.int(1, 3) * DAY_MS : null;
    const id = ctx.ids.next();
    t.violations.push({
      id,
      organisationId: plan.organisationId,
      houseId: house.id,
      residentId: resident.id,
      ruleBookVersionId: version.id,
      ruleKey: rule.key,
      category: rule.category,
      passId,
      occurredAt: new Date(at),
      description: passId
        ? 'Back from a pass well after the agreed time without calling the house.'
        : r.pick(VIOLATION_STORIES[rule.key] ?? ['Broke a house rule.']),
      consequence,
      reportedBy: manager,
      residentResponse:
        responded !== null && responded < cal.nowMs
          ? 'I know I messed up. It won’t happen again.'
          : null,
      respondedAt: responded !== null && responded < cal.nowMs ? new Date(responded) : null,
      voidedAt: voided !== null && voided < cal.nowMs ? new Date(voided) : null,
      voidedBy: voided !== null && voided < cal.nowMs ? manager : null,
      voidReason:
        voided !== null && voided < cal.nowMs
          ? 'Recorded against the wrong resident; the guest was visiting someone else.'
          : null,
      createdAt: new Date(Math.min(at + r.int(20, 120) * MINUTE_MS, cal.nowMs)),
    });
    if ((voided === null || voided >= cal.nowMs) && r.chance(0.02))
      grievance(ctx, r, facts, id, at);
  };

  const lastDay = lastDayOf(stay);
  for (let day = stay.start + 2; day <= lastDay; day++)
    if (r.chance(rate)) record(cal.at(tz, day, r.int(19 * 60, 23 * 60 + 30)), null, null);
  for (const late of facts.latePasses) record(late.returnedAt, 'curfew', late.id);
}

function grievance(ctx: Context, r: Random, facts: StayFacts, violationId: string, at: number) {
  const { calendar: cal, t, plan } = ctx;
  const { stay } = facts;
  const manager = managerOf(stay.house);
  const userId = stay.resident.userId;
  const id = ctx.ids.next();
  const filed = at + r.int(20, 60) * HOUR_MS;
  if (filed >= cal.nowMs) return;
  let status = r.weighted([
    ['closed', 40],
    ['decided', 25],
    ['escalated', 15],
    ['open', 12],
    ['withdrawn', 8],
  ] as const);
  const steps: Array<{
    level: 'house_manager' | 'operator';
    action: 'file' | 'decide' | 'escalate' | 'accept' | 'withdraw';
    at: number;
    actor: string | null;
    decision?: string;
    reason?: string;
  }> = [{ level: 'house_manager', action: 'file', at: filed, actor: userId }];
  if (status === 'withdrawn') {
    const w = filed + r.int(2, 30) * HOUR_MS;
    if (w < cal.nowMs)
      steps.push({ level: 'house_manager', action: 'withdraw', at: w, actor: userId });
    else status = 'open';
  } else if (status !== 'open') {
    const decided = filed + r.int(1, 4) * DAY_MS;
    if (decided >= cal.nowMs) status = 'open';
    else {
      steps.push({
        level: 'house_manager',
        action: 'decide',
        at: decided,
        actor: manager,
        decision: r.pick(['upheld', 'partly_upheld', 'not_upheld']),
        reason: 'Talked it through with the resident and looked at the house log.',
      });
      const next = decided + r.int(1, 3) * DAY_MS;
      if (status === 'closed' || status === 'escalated') {
        if (next >= cal.nowMs) status = 'decided';
        else
          steps.push({
            level: status === 'escalated' ? 'operator' : 'house_manager',
            action: status === 'escalated' ? 'escalate' : 'accept',
            at: next,
            actor: userId,
            ...(status === 'escalated'
              ? { reason: 'I do not think the decision took my side into account.' }
              : {}),
          });
      }
    }
  }
  const level = status === 'escalated' ? 'operator' : 'house_manager';
  t.grievances.push({
    id,
    organisationId: plan.organisationId,
    houseId: stay.house.id,
    residentId: stay.resident.id,
    violationId,
    subject: 'About the violation recorded against me',
    body: 'I would like this looked at again. There is more to what happened than what was written down.',
    level,
    status,
    createdAt: new Date(filed),
    updatedAt: new Date(steps.at(-1)?.at ?? filed),
  });
  for (const step of steps)
    t.grievanceSteps.push({
      id: ctx.ids.next(),
      grievanceId: id,
      level: step.level,
      action: step.action,
      decision: step.decision ?? null,
      reason: step.reason ?? null,
      actorUserId: step.actor,
      at: new Date(step.at),
    });
}

// ---------------------------------------------------------------------------
// chores: a rota per period, assigned fairly, and what was done

interface Rostered {
  stay: StayPlan;
  away: Away;
  from: number;
  until: number;
}

function chores(ctx: Context, house: HousePlan, facts: StayFacts[]) {
  const { calendar: cal, t, plan } = ctx;
  const tz = house.timezone;
  const manager = managerOf(house);
  const r = new Random(`chores:${house.index}:${ctx.scale}`);
  const created = new Date(cal.at(tz, house.historyStart - 30, 12 * 60));
  const specs = CHORES.map((spec) => ({
    ...spec,
    id: ctx.ids.next(),
    residents: spec.name === 'Dishes after dinner' && house.beds.length < 24 ? 1 : spec.residents,
  }));
  for (const c of specs)
    t.chores.push({
      id: c.id,
      organisationId: plan.organisationId,
      houseId: house.id,
      name: c.name,
      area: c.area,
      instructions: c.instructions,
      frequency: c.frequency,
      weekdays: c.weekdays,
      effort: c.effort,
      needsVerification: c.verify,
      residentsNeeded: c.residents,
      createdAt: created,
      updatedAt: created,
    });
  const days = house.rotaDays;
  let start = firstDayOf(ctx, house);
  while (cal.weekdays[start] !== 1) start += 1;
  const currentStart = start + Math.floor((house.today - start) / days) * days;
  const balances = new Map<string, number>();
  let lastPeriod = new Map<string, Set<string>>();
  for (; start <= currentStart + days; start += days) {
    const end = start + days - 1;
    const roster: Rostered[] = [];
    for (const f of facts) {
      const from = Math.max(f.stay.start + 1, start);
      const until = Math.min(f.stay.end === null ? end : f.stay.end - 1, end);
      if (from <= until) roster.push({ stay: f.stay, away: f.away, from, until });
    }
    const available = (p: Rostered, day: number) =>
      day >= p.from && day <= p.until && !p.away.covers(cal.at(tz, day, 12 * 60));
    const shares = new Map<string, number>();
    const given = new Map<string, number>();
    const thisPeriod = new Map<string, Set<string>>();
    const rotaId = ctx.ids.next();
    const planned = cal.at(tz, start - 2, 19 * 60 + 30);
    const generatedAt = Math.min(planned, cal.nowMs - HOUR_MS);
    for (let day = start; day <= end; day++) {
      const weekday = cal.weekdays[day] ?? 1;
      const due = specs
        .filter((c) => c.frequency === 'daily' || c.weekdays.includes(weekday))
        .sort((a, b) => b.effort - a.effort);
      const present = roster.filter((p) => available(p, day));
      const effort = due.reduce((n, c) => n + c.effort * c.residents, 0);
      for (const p of present)
        shares.set(
          p.stay.resident.id,
          (shares.get(p.stay.resident.id) ?? 0) + effort / present.length,
        );
      for (const chore of due) {
        const taken = new Set<string>();
        for (let slot = 0; slot < chore.residents; slot++) {
          // the lowest balance (effort given minus fair share) takes it; not last
          // period's chore again, while that keeps it fair
          let lowest: { p: Rostered; s: number } | null = null;
          let second: number | null = null;
          let fresh: { p: Rostered; s: number } | null = null;
          let candidates = 0;
          const scored: Array<{ p: Rostered; s: number }> = [];
          for (const p of present) {
            const id = p.stay.resident.id;
            if (taken.has(id)) continue;
            const s =
              (balances.get(id) ?? 0) +
              (given.get(id) ?? 0) -
              (shares.get(id) ?? 0) +
              r.next() * 0.01;
            candidates += 1;
            scored.push({ p, s });
            if (!lowest || s < lowest.s) {
              if (lowest) second = second === null ? lowest.s : Math.min(second, lowest.s);
              lowest = { p, s };
            } else second = second === null ? s : Math.min(second, s);
          }
          if (lowest)
            for (const c of scored)
              if (
                !lastPeriod.get(c.p.stay.resident.id)?.has(chore.id) &&
                c.s <= lowest.s + chore.effort &&
                (!fresh || c.s < fresh.s)
              )
                fresh = c;
          const pick = fresh ?? lowest;
          const residentId = pick?.p.stay.resident.id ?? null;
          const reasons: Array<Record<string, unknown>> = !pick
            ? [{ code: 'nobody' }]
            : candidates === 1
              ? [{ code: 'only_one' }]
              : pick !== lowest
                ? [{ code: 'not_last_time', skipped: 1 }]
                : [
                    {
                      code: 'lowest_balance',
                      balance: Math.round(pick.s * 100) / 100,
                      next: Math.round((second ?? pick.s) * 100) / 100,
                    },
                  ];
          if (pick && residentId) {
            taken.add(residentId);
            given.set(residentId, (given.get(residentId) ?? 0) + chore.effort);
            const set = thisPeriod.get(residentId) ?? new Set<string>();
            set.add(chore.id);
            thisPeriod.set(residentId, set);
          }
          const occurrenceId = ctx.ids.next();
          const row: RowOf<BenchTables['choreOccurrences']> = {
            id: occurrenceId,
            organisationId: plan.organisationId,
            houseId: house.id,
            rotaId,
            choreId: chore.id,
            date: cal.date(day),
            slot,
            effort: chore.effort,
            needsVerification: chore.verify,
            residentId,
            pinned: false,
            reasons,
            doneAt: null,
            doneNote: null,
            checkedAt: null,
            checkedBy: null,
            checkResult: null,
            checkReason: null,
          };
          if (pick && residentId && day <= house.today) {
            const doer = pick.p.stay.resident;
            const reliable = profileOf(ctx, doer).reliability;
            const doneAt = cal.at(tz, day, r.int(8 * 60, 20 * 60 + 59));
            if (r.chance(reliable) && doneAt < cal.nowMs) {
              const actor = doer.userId;
              row.doneAt = new Date(doneAt);
              t.choreEvents.push({
                id: ctx.ids.next(),
                occurrenceId,
                at: new Date(doneAt),
                actorUserId: actor,
                kind: 'done',
                toResidentId: residentId,
              });
              const checkedAt = doneAt + r.int(20, 600) * MINUTE_MS;
              if (chore.verify && day < house.today && checkedAt < cal.nowMs && r.chance(0.9)) {
                if (r.chance(0.04)) {
                  const redone = checkedAt + r.int(15, 90) * MINUTE_MS;
                  const passed = redone + r.int(10, 60) * MINUTE_MS;
                  if (passed < cal.nowMs) {
                    t.choreEvents.push({
                      id: ctx.ids.next(),
                      occurrenceId,
                      at: new Date(checkedAt),
                      actorUserId: manager,
                      kind: 'rejected',
                      toResidentId: residentId,
                      note: 'Not finished: the floor behind the door was missed.',
                    });
                    t.choreEvents.push({
                      id: ctx.ids.next(),
                      occurrenceId,
                      at: new Date(redone),
                      actorUserId: actor,
                      kind: 'done',
                      toResidentId: residentId,
                      note: 'Did behind the door and under the sink.',
                    });
                    row.doneAt = new Date(redone);
                    row.doneNote = 'Did behind the door and under the sink.';
                    row.checkedAt = new Date(passed);
                  } else row.checkedAt = new Date(checkedAt);
                } else row.checkedAt = new Date(checkedAt);
                row.checkedBy = manager;
                row.checkResult = 'verified';
                t.choreEvents.push({
                  id: ctx.ids.next(),
                  occurrenceId,
                  at: row.checkedAt,
                  actorUserId: manager,
                  kind: 'verified',
                  toResidentId: residentId,
                });
              }
            }
          }
          t.choreOccurrences.push(row);
        }
      }
    }
    for (const p of roster) {
      const id = p.stay.resident.id;
      balances.set(id, (balances.get(id) ?? 0) + (given.get(id) ?? 0) - (shares.get(id) ?? 0));
    }
    lastPeriod = thisPeriod;
    t.choreRotas.push({
      id: rotaId,
      organisationId: plan.organisationId,
      houseId: house.id,
      startDate: cal.date(start),
      days,
      status: 'published',
      shares: Object.fromEntries(
        [...shares].map(([id, share]) => [id, Math.round(share * 100) / 100]),
      ),
      generatedAt: new Date(generatedAt),
      generatedBy: manager,
      publishedAt: new Date(Math.min(generatedAt + 20 * MINUTE_MS, cal.nowMs - MINUTE_MS)),
      publishedBy: manager,
    });
  }
}

// ---------------------------------------------------------------------------
// house meetings

const GENERAL_MOTIONS: ReadonlyArray<readonly [string, MotionThreshold, number]> = [
  ['Buy a second vacuum for upstairs, up to $120.', 'majority', 1],
  ['Move quiet hours to 10 pm on weeknights.', 'two_thirds', 3],
  ['Start a Sunday potluck once a month.', 'majority', 0],
];
const ACTIONS = [
  'Get a quote for fixing the back steps.',
  'Replace the smoke detector batteries.',
  'Ask the landlord about the dryer.',
  'Post the new chore list on the fridge.',
];

function meetings(ctx: Context, house: HousePlan, facts: StayFacts[]) {
  const { calendar: cal, t, plan } = ctx;
  const tz = house.timezone;
  const chair = managerOf(house);
  const r = new Random(`meetings:${house.index}:${ctx.scale}`);
  const scheduleId = ctx.ids.next();
  const created = new Date(cal.at(tz, house.historyStart - 30, 12 * 60));
  t.meetingSchedules.push({
    id: scheduleId,
    organisationId: plan.organisationId,
    houseId: house.id,
    weekday: house.meeting.weekday,
    time: house.meeting.time,
    title: 'House meeting',
    createdAt: created,
    createdBy: chair,
  });
  type MeetingRow = RowOf<BenchTables['meetings']>;
  type ActionRow = RowOf<BenchTables['actionItems']>;
  // the last held meeting, not written yet
  let previous: MeetingRow | null = null;
  const actions: Array<ActionRow & { meetingIndex: number }> = [];
  let day = firstDayOf(ctx, house);
  while (cal.weekdays[day] !== house.meeting.weekday) day += 1;
  for (let index = 0; day <= house.today + 28; day += 7, index++) {
    const id = ctx.ids.next();
    const startsAt = cal.at(tz, day, house.meeting.minutes);
    const row: MeetingRow = {
      id,
      organisationId: plan.organisationId,
      houseId: house.id,
      scheduleId,
      kind: 'house',
      title: 'House meeting',
      date: cal.date(day),
      time: house.meeting.time,
      startsAt: new Date(startsAt),
      status: 'scheduled',
      minutes: '',
      createdAt: created,
      createdBy: chair,
    };
    const held = day < house.today;
    if (held && r.chance(0.02)) {
      Object.assign(row, {
        status: 'cancelled',
        cancelledAt: new Date(startsAt - r.int(1, 5) * HOUR_MS),
        cancelledBy: chair,
        cancelReason: 'The manager is out sick; we meet next week.',
      });
    } else if (held) {
      const openedAt = startsAt + r.int(0, 6) * MINUTE_MS;
      const closedAt = openedAt + r.int(45, 80) * MINUTE_MS;
      // held meetings go in open, get their roll, then close (a closed roll cannot change)
      Object.assign(row, {
        status: 'open',
        openedAt: new Date(openedAt),
        openedBy: chair,
        closedAt: new Date(closedAt),
        closedBy: chair,
        minutesUpdatedAt: new Date(closedAt),
        minutesUpdatedBy: chair,
      });
      const members = facts.filter(
        (f) => f.stay.start <= day && (f.stay.end === null || day < f.stay.end),
      );
      const inRoom: string[] = [];
      for (const f of members) {
        const onPass = f.away.covers(startsAt);
        const status = onPass
          ? 'excused'
          : r.weighted([
              ['present', 80],
              ['late', 10],
              ['excused', 7],
              ['unexcused', 3],
            ] as const);
        if (status === 'present' || status === 'late') inRoom.push(f.stay.resident.id);
        t.meetingAttendance.push({
          id: ctx.ids.next(),
          meetingId: id,
          residentId: f.stay.resident.id,
          status,
          note: onPass
            ? 'On an approved pass.'
            : status === 'excused'
              ? 'Working a late shift.'
              : null,
          recordedAt: new Date(openedAt + 3 * MINUTE_MS),
          recordedBy: chair,
        });
      }
      const business: string[] = [];
      const vote = (
        text: string,
        kind: 'general' | 'minutes',
        threshold: MotionThreshold,
        against: number,
      ) => {
        const mover = inRoom[r.int(0, Math.max(0, inRoom.length - 1))];
        if (!mover) return false;
        const seconder = inRoom.find((x) => x !== mover) ?? null;
        const abstain = inRoom.length > 3 && r.chance(0.3) ? 1 : 0;
        const votesAgainst = Math.min(against, inRoom.length - abstain);
        const votes = {
          for: inRoom.length - votesAgainst - abstain,
          against: votesAgainst,
          abstain,
        };
        const outcome = motionOutcome(threshold, votes, inRoom.length, members.length);
        t.motions.push({
          id: ctx.ids.next(),
          meetingId: id,
          kind,
          text,
          movedBy: mover,
          secondedBy: seconder,
          threshold,
          votesFor: votes.for,
          votesAgainst: votes.against,
          votesAbstain: votes.abstain,
          present: inRoom.length,
          members: members.length,
          result: outcome.result,
          recordedAt: new Date(openedAt + r.int(10, 40) * MINUTE_MS),
          recordedBy: chair,
        });
        return outcome.result === 'passed';
      };
      if (
        previous &&
        vote('Accept the minutes of the last meeting as read.', 'minutes', 'majority', 0)
      )
        Object.assign(previous, {
          minutesApprovedAt: new Date(openedAt + 12 * MINUTE_MS),
          minutesApprovedBy: chair,
          minutesApprovedInMeetingId: id,
        });
      if (index % 4 === 2) {
        const [text, threshold, against] = r.pick(GENERAL_MOTIONS);
        business.push(
          vote(text, 'general', threshold, against) ? `Passed: ${text}` : `Failed: ${text}`,
        );
      }
      for (const a of actions)
        if (!a.doneAt && a.meetingIndex <= index - 2 && r.chance(0.7))
          Object.assign(a, {
            doneAt: new Date(openedAt + 30 * MINUTE_MS),
            doneBy: chair,
            doneInMeetingId: id,
          });
      if (index % 3 === 0) {
        const owner = inRoom[r.int(0, Math.max(0, inRoom.length - 1))] ?? null;
        actions.push({
          id: ctx.ids.next(),
          organisationId: plan.organisationId,
          houseId: house.id,
          meetingId: id,
          text: r.pick(ACTIONS),
          ownerResidentId: owner,
          dueDate: cal.date(day + 7),
          createdAt: new Date(openedAt + 45 * MINUTE_MS),
          createdBy: chair,
          meetingIndex: index,
        });
      }
      row.minutes = [
        `Called to order. ${inRoom.length} of ${members.length} members present.`,
        previous ? 'Minutes of the last meeting read and accepted.' : 'First meeting on record.',
        `Treasurer: $${r.int(300, 900)} in the house account.`,
        `Chore coordinator: ${r.int(0, 4)} chores missed last week.`,
        ...business,
        'Adjourned.',
      ].join('\n');
    }
    // a held meeting waits until the next one has accepted its minutes
    if (row.status === 'open') {
      if (previous) t.meetings.push(previous);
      previous = row;
    } else t.meetings.push(row);
  }
  if (previous) t.meetings.push(previous);
  for (const { meetingIndex: _index, ...a } of actions) t.actionItems.push(a);
}

// ---------------------------------------------------------------------------
// officers of peer-run houses, and support circles

function officers(ctx: Context, house: HousePlan) {
  if (!house.peerRun) return;
  const { calendar: cal, t } = ctx;
  const r = new Random(`officers:${house.index}`);
  const seniors = house.stays
    .filter((s) => s.end === null && house.today - s.start >= 45)
    .sort((a, b) => a.start - b.start);
  const offices = ['president', 'secretary', 'treasurer', 'comptroller', 'chore_coordinator'];
  // the office rows were written with the house, in DEFAULT_OFFICES order
  for (const [k, key] of offices.entries()) {
    const stay = seniors[k];
    const position = DEFAULT_OFFICES.findIndex((o) => o.key === key);
    if (!stay || position < 0) continue;
    const start = Math.max(stay.start + 30, house.today - r.int(10, 150));
    t.officerTerms.push({
      id: ctx.ids.next(),
      officeId: officeIdOf(ctx, house, position),
      houseId: house.id,
      residentId: stay.resident.id,
      startDate: cal.date(start),
      endDate: termEnd(cal.date(start), 6),
      endedEarly: false,
      createdAt: new Date(cal.at(house.timezone, start, 20 * 60 + 30)),
      createdBy: stay.resident.userId,
    });
  }
}

function officeIdOf(ctx: Context, house: HousePlan, position: number): string {
  const id = ctx.officeIds.get(house.id)?.[position];
  if (!id) throw new Error(`office ${position} of ${house.name} was not written`);
  return id;
}

function supportCircle(ctx: Context, stay: StayPlan) {
  const { calendar: cal, t, plan } = ctx;
  const resident = stay.resident;
  if (stay.end !== null || !resident.userId) return;
  const r = new Random(`support:${resident.index}`);
  const created = Math.min(
    cal.at(stay.house.timezone, stay.start + r.int(1, 5), 19 * 60),
    cal.nowMs - HOUR_MS,
  );
  const add = (
    name: string,
    kind: keyof typeof KIND_PILLAR,
    organisation: string | null,
    notes: string | null = null,
  ) =>
    t.supportMembers.push({
      id: ctx.ids.next(),
      organisationId: plan.organisationId,
      residentId: resident.id,
      name,
      kind,
      pillar: KIND_PILLAR[kind],
      organisation,
      phone: `(555) 013-${String(r.int(0, 9999)).padStart(4, '0')}`,
      email: null,
      notes,
      status: 'active',
      createdAt: new Date(created),
      createdBy: resident.userId,
      updatedAt: new Date(created),
    });
  for (let k = 0; k < r.int(1, 2); k++) {
    const [kind, relation] = r.pick(SUPPORT_PEOPLE);
    add(
      `${r.pick(FIRST_NAMES)} ${kind === 'friend' ? r.pick(LAST_NAMES) : resident.lastName}`,
      kind,
      null,
      relation,
    );
  }
  if (r.chance(0.85)) add(`${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`, 'sponsor', null);
  if (r.chance(0.8))
    add(
      `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
      r.chance(0.5) ? 'counsellor' : 'case_manager',
      'Riverside Counseling',
    );
  if (r.chance(0.75)) add('Home group', 'group', 'Tuesday Night Step Study');
}

// ---------------------------------------------------------------------------

/** Everything that happened in one house, written in the scale's days. */
export function writeHouse(ctx: Context, house: HousePlan) {
  const facts: StayFacts[] = [];
  for (const stay of house.stays) {
    if (!included(ctx, stay)) continue;
    const f: StayFacts = {
      stay,
      away: new Away(),
      signatures: signatures(ctx, stay),
      latePasses: [],
      returns: [],
    };
    passes(ctx, f);
    facts.push(f);
  }
  for (const f of facts) {
    checkIns(ctx, f);
    signOuts(ctx, f);
    drugTests(ctx, f);
    surveys(ctx, f.stay);
    violations(ctx, f);
    supportCircle(ctx, f.stay);
  }
  chores(ctx, house, facts);
  meetings(ctx, house, facts);
  officers(ctx, house);
}
