// The benchmark organisation's shape, the same at every scale: houses with rooms,
// beds, phases, rule books and a meeting schedule; staff; and every bed's
// occupants over two years (stays, move-outs with their reasons, transfers
// between houses), with the residents those stays belong to. Days are the
// calendar's day numbers; each house counts them on its own clock.
import type { Calendar } from './calendar';
import {
  type BenchRule,
  CITIES,
  FIRST_NAMES,
  LAST_NAMES,
  NICKNAMES,
  PEER_RUN_RULES,
  revised,
  STANDARD_RULES,
  STREET_KINDS,
  STREETS,
} from './content';
import { type Ids, Random } from './random';

export const HOUSES = 200;
export const CURRENT_RESIDENTS = 5_000;
export const MANAGERS = 40;
/** Days of history at full scale, today included. */
export const FULL_HISTORY_DAYS = 730;

export type StayEndReason =
  'transferred' | 'completed' | 'voluntary' | 'relapse' | 'rule_violation' | 'other';

export interface PhasePlan {
  id: string;
  position: number;
  name: string;
  curfewWeeknights: string;
  curfewWeekends: string;
  overnightPassesAllowed: boolean;
  passTypesAllowed: string[];
  minDaysBeforePasses: number;
  dailyCheckIn: boolean;
  curfewCheckIn: boolean;
  meetingsPerWeek: number;
}

export interface VersionPlan {
  id: string;
  version: number;
  /** the house-local day it was published, and the instant */
  day: number;
  publishedAt: number;
  rules: BenchRule[];
  changeNote: string;
}

export interface HousePlan {
  index: number;
  id: string;
  name: string;
  address: string;
  timezone: string;
  narrLevel: number;
  peerRun: boolean;
  /** the house's today and the first day of its two years */
  today: number;
  historyStart: number;
  rooms: Array<{ id: string; name: string }>;
  beds: Array<{ id: string; roomId: string; label: string }>;
  dailyCheckInBy: string;
  rotaDays: number;
  phases: PhasePlan[];
  ruleBookId: string;
  versions: VersionPlan[];
  meeting: { weekday: number; time: string; minutes: number };
  manager: StaffPlan | null;
  stays: StayPlan[];
}

export interface PhaseSpan {
  phase: PhasePlan;
  start: number;
}

export interface StayPlan {
  index: number;
  id: string;
  house: HousePlan;
  bedId: string;
  start: number;
  /** the move-out day (the night of it is not part of the stay); null while it lasts */
  end: number | null;
  reason: StayEndReason | null;
  note: string | null;
  expectedEnd: number | null;
  previous: StayPlan | null;
  next: StayPlan | null;
  resident: ResidentPlan;
  phases: PhaseSpan[];
}

export interface ResidentPlan {
  index: number;
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  phone: string;
  dateOfBirth: string;
  sobrietyDate: string;
  stays: StayPlan[];
  current: StayPlan | null;
  /** current residents have a login */
  userId: string | null;
  email: string | null;
  membershipId: string | null;
}

export interface StaffPlan {
  userId: string;
  membershipId: string;
  name: string;
  email: string;
  houses: HousePlan[];
}

export interface Plan {
  organisationId: string;
  templateRuleBookId: string;
  houses: HousePlan[];
  stays: StayPlan[];
  residents: ResidentPlan[];
  operator: StaffPlan;
  managers: StaffPlan[];
}

const DAY_MS = 86_400_000;

function phasesFor(ids: Ids, peerRun: boolean): PhasePlan[] {
  const all = ['work', 'job_search', 'family', 'recreation', 'overnight', 'other'];
  if (peerRun)
    return [
      {
        id: ids.next(),
        position: 0,
        name: 'Member',
        curfewWeeknights: '23:00',
        curfewWeekends: '00:00',
        overnightPassesAllowed: true,
        passTypesAllowed: all,
        minDaysBeforePasses: 0,
        dailyCheckIn: true,
        curfewCheckIn: false,
        meetingsPerWeek: 3,
      },
    ];
  return [
    {
      id: ids.next(),
      position: 0,
      name: 'Phase 1',
      curfewWeeknights: '22:00',
      curfewWeekends: '23:00',
      overnightPassesAllowed: false,
      passTypesAllowed: ['work', 'job_search', 'family'],
      minDaysBeforePasses: 7,
      dailyCheckIn: true,
      curfewCheckIn: true,
      meetingsPerWeek: 5,
    },
    {
      id: ids.next(),
      position: 1,
      name: 'Phase 2',
      curfewWeeknights: '23:00',
      curfewWeekends: '00:00',
      overnightPassesAllowed: true,
      passTypesAllowed: ['work', 'job_search', 'family', 'recreation', 'overnight'],
      minDaysBeforePasses: 0,
      dailyCheckIn: true,
      curfewCheckIn: true,
      meetingsPerWeek: 4,
    },
    {
      id: ids.next(),
      position: 2,
      name: 'Phase 3',
      curfewWeeknights: '00:00',
      curfewWeekends: '01:00',
      overnightPassesAllowed: true,
      passTypesAllowed: all,
      minDaysBeforePasses: 0,
      dailyCheckIn: true,
      curfewCheckIn: false,
      meetingsPerWeek: 3,
    },
  ];
}

/** How many houses each city gets: by weight, adding up to HOUSES. */
function housesPerCity(): number[] {
  const total = CITIES.reduce((n, c) => n + c[4], 0);
  const exact = CITIES.map((c) => (c[4] * HOUSES) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < HOUSES; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Residents living in each house today: 20–28, adding up to CURRENT_RESIDENTS. */
function residentsPerHouse(random: Random): number[] {
  const counts = Array.from({ length: HOUSES }, () => CURRENT_RESIDENTS / HOUSES);
  for (let k = 0; k < 2_000; k++) {
    const a = random.int(0, HOUSES - 1);
    const b = random.int(0, HOUSES - 1);
    if (a === b || (counts[a] ?? 0) >= 28 || (counts[b] ?? 0) <= 20) continue;
    counts[a] = (counts[a] ?? 0) + 1;
    counts[b] = (counts[b] ?? 0) - 1;
  }
  return counts;
}

const span = (random: Random, ranges: ReadonlyArray<readonly [number, number, number]>) => {
  const [min, max] = random.weighted(ranges.map((r) => [[r[0], r[1]] as const, r[2]] as const));
  return random.int(min, max);
};

const PAST_STAYS: ReadonlyArray<readonly [StayEndReason, number, number, number]> = [
  ['completed', 120, 420, 35],
  ['voluntary', 20, 260, 25],
  ['relapse', 7, 150, 18],
  ['rule_violation', 14, 200, 12],
  ['other', 10, 200, 10],
];
const END_NOTES: Partial<Record<StayEndReason, readonly string[]>> = {
  completed: ['Finished the program; moving into an apartment.', 'Completed all phases.'],
  voluntary: ['Moved in with family.', 'Took a job in another city.'],
  relapse: ['Left for detox; welcome to reapply.', 'Relapsed; referred to treatment.'],
  rule_violation: ['Repeated curfew violations after a warning and a contract.'],
};

interface Segment {
  house: HousePlan;
  bedId: string;
  start: number;
  end: number | null;
  reason: StayEndReason | null;
  previous: Segment | null;
  next: Segment | null;
}

/** One bed's occupants, walking back from today to the day the house opened. */
function bedSegments(random: Random, house: HousePlan, bedId: string, occupied: boolean) {
  const out: Segment[] = [];
  const seg = (start: number, end: number | null, reason: StayEndReason | null): Segment => ({
    house,
    bedId,
    start,
    end,
    reason,
    previous: null,
    next: null,
  });
  const gap = () =>
    span(random, [
      [0, 2, 60],
      [3, 10, 30],
      [11, 30, 10],
    ]);
  let cursor: number;
  if (occupied) {
    const daysIn = span(random, [
      [2, 30, 20],
      [31, 120, 35],
      [121, 365, 30],
      [366, FULL_HISTORY_DAYS - 1, 15],
    ]);
    const start = Math.max(house.historyStart, house.today - daysIn);
    out.push(seg(start, null, null));
    cursor = start - gap();
  } else {
    cursor = house.today - random.int(1, 40);
  }
  while (cursor > house.historyStart + 7) {
    const [reason, min, max] = random.weighted(PAST_STAYS.map((p) => [p, p[3]] as const));
    let start = cursor - random.int(min, max);
    if (start < house.historyStart) {
      start = house.historyStart;
      if (cursor - start < 7) break;
    }
    out.push(seg(start, cursor, reason));
    cursor = start - gap();
  }
  return out.reverse();
}

/**
 * Some move-ins are transfers from another house: a stay elsewhere that was
 * still going then ends that day instead (its bed stays empty a while longer).
 */
function linkTransfers(random: Random, segments: Segment[]) {
  const sources = segments.filter((s) => s.end !== null);
  for (const target of segments) {
    if (target.start < target.house.historyStart + 45 || !random.chance(0.05)) continue;
    for (let tries = 0; tries < 40; tries++) {
      const source = random.pick(sources);
      if (
        source.house === target.house ||
        source.next !== null ||
        source.end === null ||
        source.start > target.start - 30 ||
        source.end <= target.start
      )
        continue;
      source.end = target.start;
      source.reason = 'transferred';
      source.next = target;
      target.previous = source;
      break;
    }
  }
}

export function buildPlan(calendar: Calendar, ids: Ids): Plan {
  const random = new Random('plan');
  const organisationId = ids.next();
  const templateRuleBookId = ids.next();
  const houses: HousePlan[] = [];
  const perCity = housesPerCity();
  const nowResidents = residentsPerHouse(random);
  for (const [c, city] of CITIES.entries()) {
    const [name, state, zip, timezone] = city;
    for (let k = 0; k < (perCity[c] ?? 0); k++) {
      const index = houses.length;
      const street = STREETS[(index * 7 + c) % STREETS.length] ?? 'Maple';
      const narrLevel = random.weighted([
        [1, 20],
        [2, 40],
        [3, 25],
        [4, 15],
      ] as const);
      const peerRun = narrLevel === 1;
      const today = calendar.today(timezone);
      const living = nowResidents[index] ?? 25;
      const bedCount = Math.min(
        30,
        living +
          random.weighted([
            [0, 50],
            [1, 30],
            [2, 20],
          ] as const),
      );
      const rooms: HousePlan['rooms'] = [];
      const beds: HousePlan['beds'] = [];
      while (beds.length < bedCount) {
        const roomId = ids.next();
        const number = rooms.length + 1;
        rooms.push({ id: roomId, name: `Room ${number}` });
        const inRoom = Math.min(bedCount - beds.length, random.chance(0.25) ? 3 : 2);
        for (let b = 0; b < inRoom; b++)
          beds.push({ id: ids.next(), roomId, label: `${number}${'ABC'[b] ?? b}` });
      }
      const historyStart = today - (FULL_HISTORY_DAYS - 1);
      const at = (day: number, minutes: number) => calendar.at(timezone, day, minutes);
      const baseRules = peerRun ? PEER_RUN_RULES : STANDARD_RULES;
      const version = (day: number, minutes: number, rules: BenchRule[], changeNote: string) => ({
        id: ids.next(),
        version: versions.length + 1,
        day,
        publishedAt: at(day, minutes),
        rules,
        changeNote,
      });
      const versions: VersionPlan[] = [];
      versions.push(
        version(
          historyStart - 30,
          12 * 60,
          baseRules,
          peerRun ? 'Adopted by vote of the membership' : 'First rule book',
        ),
      );
      if (random.chance(0.4))
        versions.push(
          version(
            random.int(historyStart + 60, today - 60),
            11 * 60,
            revised(baseRules, 1),
            'Longer weekend guest hours; phones away at house meetings',
          ),
        );
      if (random.chance(0.12))
        versions.push(
          version(
            random.int(today - 45, today - 3),
            11 * 60,
            revised(baseRules, 2),
            'Guests until 22:00 on weekends',
          ),
        );
      const time = random.pick(['18:30', '19:00', '19:30', '20:00']);
      const [h, m] = time.split(':').map(Number);
      houses.push({
        index,
        id: ids.next(),
        name: `${name} ${street} House`,
        address: `${random.int(100, 8999)} ${street} ${random.pick(STREET_KINDS)}, ${name}, ${state} ${zip}${String(random.int(1, 99)).padStart(2, '0')}`,
        timezone,
        narrLevel,
        peerRun,
        today,
        historyStart,
        rooms,
        beds,
        dailyCheckInBy: random.weighted([
          ['21:00', 75],
          ['20:00', 15],
          ['22:00', 10],
        ] as const),
        rotaDays: peerRun ? 14 : 7,
        phases: phasesFor(ids, peerRun),
        ruleBookId: ids.next(),
        versions,
        meeting: { weekday: random.int(1, 7), time, minutes: (h ?? 19) * 60 + (m ?? 0) },
        manager: null,
        stays: [],
      });
    }
  }

  // staff: one operator; each manager runs five neighbouring houses
  const staff = (name: string, email: string): StaffPlan => ({
    userId: ids.next(),
    membershipId: ids.next(),
    name,
    email,
    houses: [],
  });
  const operator = staff('Dana Whitfield', 'operator@bench.example');
  const managers: StaffPlan[] = [];
  for (let m = 0; m < MANAGERS; m++) {
    const first = FIRST_NAMES[(m * 13 + 5) % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[(m * 17 + 3) % LAST_NAMES.length] ?? 'Smith';
    const manager = staff(
      `${first} ${last}`,
      `manager-${String(m + 1).padStart(2, '0')}@bench.example`,
    );
    manager.houses = houses.slice((m * HOUSES) / MANAGERS, ((m + 1) * HOUSES) / MANAGERS);
    for (const house of manager.houses) house.manager = manager;
    managers.push(manager);
  }

  // every bed's occupants, then transfers, then who each chain of stays is
  const segments: Segment[] = [];
  for (const house of houses) {
    const occupiedNow = nowResidents[house.index] ?? 25;
    const order = random.shuffle(house.beds.map((b) => b.id));
    for (const [i, bedId] of order.entries())
      segments.push(...bedSegments(random, house, bedId, i < occupiedNow));
  }
  linkTransfers(random, segments);

  const stays: StayPlan[] = [];
  const residents: ResidentPlan[] = [];
  const heads = segments.filter((s) => s.previous === null).sort((a, b) => a.start - b.start);
  for (const head of heads) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const nickname = NICKNAMES[firstName];
    const firstStartMs = Date.parse(`${calendar.date(head.start)}T00:00:00Z`);
    const resident: ResidentPlan = {
      index: residents.length,
      id: ids.next(),
      firstName,
      lastName,
      preferredName: nickname && random.chance(0.35) ? nickname : null,
      phone: `(555) ${String(random.int(200, 989))}-${String(random.int(0, 9999)).padStart(4, '0')}`,
      dateOfBirth: new Date(firstStartMs - (random.int(20, 60) * 365 + random.int(0, 364)) * DAY_MS)
        .toISOString()
        .slice(0, 10),
      sobrietyDate: new Date(firstStartMs - random.int(2, 150) * DAY_MS).toISOString().slice(0, 10),
      stays: [],
      current: null,
      userId: null,
      email: null,
      membershipId: null,
    };
    residents.push(resident);
    // phases are reached by time in the program, carried through a transfer
    const phase2 = head.start + 30 + random.int(0, 10);
    const phase3 = head.start + 90 + random.int(0, 20);
    let previous: StayPlan | null = null;
    for (let s: Segment | null = head; s; s = s.next) {
      const house = s.house;
      const stay: StayPlan = {
        index: stays.length,
        id: ids.next(),
        house,
        bedId: s.bedId,
        start: s.start,
        end: s.end,
        reason: s.reason,
        note:
          s.reason && random.chance(0.5) ? random.pick(END_NOTES[s.reason] ?? ['']) || null : null,
        expectedEnd: null,
        previous,
        next: null,
        resident,
        phases: [],
      };
      if (previous) previous.next = stay;
      const last = Math.min(stay.end === null ? house.today : stay.end - 1, house.today);
      if (house.peerRun) {
        const member = house.phases[0];
        if (member) stay.phases.push({ phase: member, start: stay.start });
      } else {
        const positionOn = (day: number) => (day >= phase3 ? 2 : day >= phase2 ? 1 : 0);
        const first = house.phases[positionOn(stay.start)];
        if (first) stay.phases.push({ phase: first, start: stay.start });
        for (const boundary of [phase2, phase3]) {
          const phase = house.phases[positionOn(boundary)];
          if (phase && boundary > stay.start && boundary <= last)
            stay.phases.push({ phase, start: boundary });
        }
      }
      if (stay.end === null) {
        resident.current = stay;
        if (random.chance(0.15))
          stay.expectedEnd = Math.max(stay.start + 1, house.today + random.int(-5, 90));
      }
      house.stays.push(stay);
      resident.stays.push(stay);
      stays.push(stay);
      previous = stay;
    }
  }
  for (const resident of residents) {
    if (!resident.current) continue;
    resident.userId = ids.next();
    resident.membershipId = ids.next();
    resident.email =
      `${resident.firstName}.${resident.lastName}.${resident.index}@bench.example`.toLowerCase();
  }
  for (const house of houses) house.stays.sort((a, b) => a.start - b.start);
  return { organisationId, templateRuleBookId, houses, stays, residents, operator, managers };
}
