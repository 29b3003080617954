// The demo organisation, added on first start into an empty database: three
// houses (one peer-run), rooms and beds, about twenty current residents with
// stay history (transfers and move-outs), and three logins. Dates are laid out
// relative to today so the demo always looks current.
import { addDays, localDateAt } from '@porchlight/domain';
import { count } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../client';
import { newId } from '../ids';
import * as s from '../schema';
import { DEMO_MEETINGS, seedCheckIns } from './check-ins';
import { type ChoresSeedContext, seedChores } from './chores';
import { seedMeetings } from './meetings';
import { seedRules, type RulesSeedContext } from './rules';
import { type SeededDaily, seedResources, seedSupport } from './support';

export { PEER_RUN_RULES, STANDARD_RULES } from './standard-rules';
export { DEMO_MEETINGS } from './check-ins';

export const DEMO_PASSWORD = 'porchlight-demo';
export const DEMO_ACCOUNTS = [
  { role: 'operator', email: 'operator@example.org', name: 'Dana Whitfield' },
  { role: 'manager', email: 'manager@example.org', name: 'Marcus Reyes' },
  { role: 'resident', email: 'resident@example.org', name: 'Jordan Ellis' },
  // a housemate of Jordan's, so a chore swap can be tried from two phones
  { role: 'resident', email: 'housemate@example.org', name: 'Luis Ortega' },
  // the elected secretary of the peer-run Oxford Street House
  { role: 'resident', email: 'secretary@example.org', name: 'Nathan Cole' },
] as const;
type DemoEmail = (typeof DEMO_ACCOUNTS)[number]['email'];
export const DEMO_ORGANISATION = 'Porchlight Demo';

interface HouseSpec {
  key: string;
  name: string;
  address: string;
  timezone: string;
  narrLevel: number;
  rooms: Array<[room: string, beds: string[]]>;
}

const HOUSES: HouseSpec[] = [
  {
    key: 'oxford',
    name: 'Oxford Street House',
    address: '412 Oxford Street, Austin, TX 78704',
    timezone: 'America/Chicago',
    narrLevel: 1,
    rooms: [
      ['Front room', ['1A', '1B']],
      ['Upstairs left', ['2A', '2B']],
      ['Upstairs right', ['3A', '3B']],
    ],
  },
  {
    key: 'maple',
    name: 'Maple House',
    address: '88 Maple Avenue, Columbus, OH 43215',
    timezone: 'America/New_York',
    narrLevel: 2,
    rooms: [
      ['Room 10', ['10A', '10B']],
      ['Room 11', ['11A', '11B']],
      ['Room 12', ['12A', '12B']],
      ['Garden room', ['14A', '14B']],
    ],
  },
  {
    key: 'cedar',
    name: 'Cedar House',
    address: '2150 Cedar Lane, Denver, CO 80205',
    timezone: 'America/Denver',
    narrLevel: 2,
    rooms: [
      ['North room', ['N1', 'N2', 'N3']],
      ['South room', ['S1', 'S2', 'S3']],
    ],
  },
];

type Reason = (typeof s.STAY_END_REASONS)[number];
interface StaySpec {
  house: string;
  bed: string;
  /** days before today */
  from: number;
  to?: number;
  reason?: Reason;
  note?: string;
  /** days from today of the planned move-out, for a stay still open */
  planned?: number;
}
interface ResidentSpec {
  first: string;
  last: string;
  preferred?: string;
  sober: number;
  stays: StaySpec[];
  /** The demo login that is this resident's. */
  account?: DemoEmail;
  phone?: string;
}

// [first, last, preferred?], sober days ago, stays oldest first
const RESIDENTS: ResidentSpec[] = [
  {
    first: 'Jordan',
    last: 'Ellis',
    sober: 140,
    stays: [{ house: 'maple', bed: '11A', from: 120 }],
    account: 'resident@example.org',
    phone: '(614) 555-0134',
  },
  {
    first: 'Terrence',
    last: 'Moore',
    preferred: 'T',
    sober: 400,
    // finishing the program: the operator sees the bed opening up
    stays: [{ house: 'maple', bed: '10A', from: 300, planned: 12 }],
  },
  {
    first: 'Luis',
    last: 'Ortega',
    sober: 95,
    stays: [{ house: 'maple', bed: '10B', from: 80 }],
    account: 'housemate@example.org',
  },
  {
    first: 'Andre',
    last: 'Williams',
    sober: 60,
    stays: [
      { house: 'cedar', bed: 'N1', from: 200, to: 45, reason: 'transferred' },
      { house: 'maple', bed: '11B', from: 45 },
    ],
  },
  { first: 'Kevin', last: 'Nguyen', sober: 33, stays: [{ house: 'maple', bed: '12A', from: 30 }] },
  {
    first: 'Samuel',
    last: 'Brooks',
    preferred: 'Sam',
    sober: 21,
    stays: [{ house: 'maple', bed: '14A', from: 14 }],
  },
  {
    first: 'Derek',
    last: 'Haines',
    sober: 190,
    stays: [{ house: 'maple', bed: '12B', from: 250, to: 20, reason: 'completed' }],
  },
  { first: 'Ray', last: 'Castillo', sober: 12, stays: [{ house: 'maple', bed: '12B', from: 10 }] },
  {
    first: 'Michael',
    last: 'Foster',
    sober: 300,
    stays: [{ house: 'cedar', bed: 'N2', from: 280, planned: 21 }],
  },
  { first: 'Brandon', last: 'Lee', sober: 75, stays: [{ house: 'cedar', bed: 'N3', from: 70 }] },
  {
    first: 'Christopher',
    last: 'Hall',
    preferred: 'Chris',
    sober: 150,
    stays: [{ house: 'cedar', bed: 'S1', from: 140 }],
  },
  {
    first: 'Patrick',
    last: 'Dunn',
    sober: 8,
    stays: [
      {
        house: 'cedar',
        bed: 'S2',
        from: 90,
        to: 9,
        reason: 'relapse',
        note: 'Left for detox; welcome to reapply.',
      },
    ],
  },
  { first: 'Ethan', last: 'Price', sober: 40, stays: [{ house: 'cedar', bed: 'S2', from: 5 }] },
  {
    first: 'Omar',
    last: 'Haddad',
    sober: 500,
    stays: [{ house: 'oxford', bed: '1A', from: 420, planned: 45 }],
  },
  {
    first: 'Victor',
    last: 'Alvarez',
    sober: 260,
    stays: [{ house: 'oxford', bed: '1B', from: 240 }],
  },
  {
    first: 'Nathan',
    last: 'Cole',
    sober: 180,
    stays: [{ house: 'oxford', bed: '2A', from: 175 }],
    account: 'secretary@example.org',
  },
  {
    first: 'Isaiah',
    last: 'Grant',
    sober: 110,
    stays: [{ house: 'oxford', bed: '2B', from: 100 }],
  },
  {
    first: 'Paul',
    last: 'Kowalski',
    sober: 365,
    stays: [
      {
        house: 'oxford',
        bed: '3A',
        from: 330,
        to: 60,
        reason: 'voluntary',
        note: 'Moved in with family.',
      },
    ],
  },
  { first: 'Dylan', last: 'Reed', sober: 50, stays: [{ house: 'oxford', bed: '3A', from: 55 }] },
  {
    first: 'Marcus',
    last: 'Bell',
    sober: 15,
    stays: [
      {
        house: 'oxford',
        bed: '3B',
        from: 200,
        to: 30,
        reason: 'rule_violation',
        note: 'Repeated curfew violations after a house vote.',
      },
    ],
  },
  { first: 'Jamal', last: 'Carter', sober: 26, stays: [{ house: 'oxford', bed: '3B', from: 25 }] },
  { first: 'Gabriel', last: 'Ruiz', sober: 3, stays: [] },
];

export interface SeedOptions {
  hashPassword: (password: string) => Promise<string>;
  now?: Date;
}

/** Adds the demo organisation if the database has no organisation yet. Returns whether it did. */
export async function seedDemo(db: Db, options: SeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(s.organisations);
  if ((existing?.n ?? 0) > 0) return false;
  const now = options.now ?? new Date();
  const orgId = newId();
  const writes: BatchItem<'sqlite'>[] = [];
  writes.push(db.insert(s.organisations).values({ id: orgId, name: DEMO_ORGANISATION }));

  const houseIds = new Map<string, string>();
  const bedIds = new Map<string, string>();
  for (const h of HOUSES) {
    const houseId = newId();
    houseIds.set(h.key, houseId);
    const bedCount = h.rooms.reduce((n, [, beds]) => n + beds.length, 0);
    writes.push(
      db.insert(s.houses).values({
        id: houseId,
        organisationId: orgId,
        name: h.name,
        address: h.address,
        timezone: h.timezone,
        narrLevel: h.narrLevel,
        capacity: bedCount,
      }),
    );
    for (const [room, beds] of h.rooms) {
      const roomId = newId();
      writes.push(db.insert(s.rooms).values({ id: roomId, houseId, name: room }));
      for (const label of beds) {
        const bedId = newId();
        bedIds.set(`${h.key}:${label}`, bedId);
        writes.push(db.insert(s.beds).values({ id: bedId, houseId, roomId, label }));
      }
    }
  }

  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  // by email; staff by role too (there is one of each)
  const userIds = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const userId = newId();
    userIds.set(account.email, userId);
    if (account.role !== 'resident') userIds.set(account.role, userId);
    writes.push(
      db
        .insert(s.users)
        .values({ id: userId, name: account.name, email: account.email, emailVerified: true }),
      db.insert(s.accounts).values({
        id: newId(),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: passwordHash,
      }),
    );
    const membershipId = newId();
    writes.push(
      db
        .insert(s.memberships)
        .values({ id: membershipId, organisationId: orgId, userId, role: account.role }),
    );
    if (account.role === 'manager') {
      for (const key of ['maple', 'cedar']) {
        writes.push(
          db.insert(s.membershipHouses).values({ membershipId, houseId: houseIds.get(key) ?? '' }),
        );
      }
    }
  }
  const managerId = userIds.get('manager') ?? null;

  const dateIn = (house: string, daysAgo: number) => {
    const tz = HOUSES.find((h) => h.key === house)?.timezone ?? 'UTC';
    return addDays(localDateAt(now, tz), -daysAgo);
  };

  const current: RulesSeedContext['residents'] = [];
  const allStays: ChoresSeedContext['stays'] = [];
  const userOf = new Map<string, string>();
  for (const [i, r] of RESIDENTS.entries()) {
    const residentId = newId();
    const login = r.account ? userIds.get(r.account) : undefined;
    if (login) userOf.set(residentId, login);
    for (const stay of r.stays)
      allStays.push({
        residentId,
        name: `${r.preferred ?? r.first} ${r.last}`,
        house: stay.house,
        from: stay.from,
        ...(stay.to === undefined ? {} : { to: stay.to }),
      });
    const last = r.stays.at(-1);
    if (last && last.to === undefined) {
      current.push({
        id: residentId,
        name: `${r.preferred ?? r.first} ${r.last}`,
        house: last.house,
        daysIn: last.from,
        userId: r.account ? (userIds.get(r.account) ?? null) : null,
      });
    }
    const lastHouse = r.stays.at(-1)?.house ?? 'cedar';
    writes.push(
      db.insert(s.residents).values({
        id: residentId,
        organisationId: orgId,
        houseId: houseIds.get(lastHouse) ?? '',
        userId: r.account ? (userIds.get(r.account) ?? null) : null,
        firstName: r.first,
        lastName: r.last,
        preferredName: r.preferred ?? null,
        phone: r.phone ?? `(555) 010-${String(1000 + i * 37).slice(-4)}`,
        email: r.account ?? null,
        dateOfBirth: dateIn(lastHouse, 365 * (24 + ((i * 7) % 30)) + i * 11),
        sobrietyDate: dateIn(lastHouse, r.sober),
        createdBy: managerId,
      }),
      db.insert(s.emergencyContacts).values({
        id: newId(),
        residentId,
        name: ['Maria', 'Linda', 'James', 'Patricia', 'Robert'][i % 5] + ' ' + r.last,
        relationship: ['Mother', 'Sister', 'Father', 'Aunt', 'Brother'][i % 5] ?? 'Family',
        phone: `(555) 020-${String(2000 + i * 41).slice(-4)}`,
        position: 0,
      }),
    );
    let previous: string | null = null;
    for (const stay of r.stays) {
      const stayId = newId();
      writes.push(
        db.insert(s.stays).values({
          id: stayId,
          organisationId: orgId,
          residentId,
          houseId: houseIds.get(stay.house) ?? '',
          bedId: bedIds.get(`${stay.house}:${stay.bed}`) ?? '',
          startDate: dateIn(stay.house, stay.from),
          endDate: stay.to === undefined ? null : dateIn(stay.house, stay.to),
          endReason: stay.reason ?? null,
          endNote: stay.note ?? null,
          expectedEndDate: stay.planned === undefined ? null : dateIn(stay.house, -stay.planned),
          previousStayId: previous,
          createdBy: managerId,
          endedBy: stay.to === undefined ? null : managerId,
          endedAt: stay.to === undefined ? null : new Date(now.getTime() - stay.to * 86_400_000),
        }),
      );
      previous = stay.reason === 'transferred' ? stayId : null;
    }
  }

  const context: RulesSeedContext = {
    db,
    now,
    organisationId: orgId,
    operatorId: userIds.get('operator') ?? null,
    managerId,
    houses: new Map(
      HOUSES.map((h) => [h.key, { id: houseIds.get(h.key) ?? '', timezone: h.timezone }]),
    ),
    residents: current,
  };
  const rules = seedRules(context);
  writes.push(...rules.writes);
  // the directory first: a meeting logged at a check-in points to its entry
  const directory = seedResources({
    db,
    organisationId: orgId,
    managerId,
    houses: context.houses,
    meetings: DEMO_MEETINGS,
  });
  writes.push(...directory.writes);
  // check-ins agree with the rules seeded: phases, passes, and when each resident signed
  const staffName = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)?.name ?? '';
  const daily: SeededDaily[] = [];
  writes.push(
    ...seedCheckIns({
      ...context,
      ...rules.seeded,
      managerName: staffName('manager'),
      operatorName: staffName('operator'),
      resourceFor: directory.resourceFor,
      daily,
    }),
  );
  writes.push(
    ...seedSupport({
      db,
      now,
      organisationId: orgId,
      managerId,
      houses: context.houses,
      residents: current,
      daily,
    }),
  );
  writes.push(
    ...seedChores({
      db,
      now,
      organisationId: orgId,
      managerId,
      operatorId: userIds.get('operator') ?? null,
      houses: context.houses,
      stays: allStays,
      passes: rules.seeded.passes,
      userOf,
    }),
  );
  writes.push(
    ...seedMeetings({
      db,
      now,
      organisationId: orgId,
      managerId,
      operatorId: userIds.get('operator') ?? null,
      houses: context.houses,
      stays: allStays,
      userOf,
    }),
  );
  writes.push(
    db.insert(s.auditLog).values({
      at: now,
      organisationId: orgId,
      actorUserId: null,
      action: 'demo.seed',
      recordType: 'organisation',
      recordId: orgId,
      details: { houses: HOUSES.length, residents: RESIDENTS.length },
    }),
  );
  const [first, ...rest] = writes;
  if (!first) return false;
  await db.batch([first, ...rest]);
  return true;
}
