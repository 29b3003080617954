// Demo data for each resident's support system: a circle for every current
// resident (some rich, some thin), who they were in touch with at their
// check-ins, two current peer-mentor pairings and one finished, volunteer
// hours, a community resource directory for each house's town (with the
// meetings residents log, so a logged meeting points to its directory entry),
// and Jordan Ellis's summary shared with their probation officer. On Maple's
// attention list Kevin Nguyen's thin circle and Andre Williams's week without
// sponsor contact are the support flags.
import { createHash, randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  addDays,
  consentWords,
  KIND_PILLAR,
  localDateAt,
  MENTOR_KINDS,
  type Pillar,
  type ResourceKind,
  type ShareField,
  type SupportKind,
} from '@porchlight/domain';
import type { Db } from '../client';
import { newId } from '../ids';
import * as s from '../schema';
import type { RulesSeedContext } from './rules';

/** Who plays which part on Maple's attention list. */
export const SPONSOR_LAPSED = 'Andre Williams';
export const THIN_CIRCLE = 'Kevin Nguyen';

type Contact = 'often' | 'weekly' | 'monthly' | 'lapsed' | 'never';
interface Extra {
  organisation?: string;
  phone?: string;
  email?: string;
  notes?: string;
  pillar?: Pillar;
}
type MemberSpec = readonly [name: string, kind: SupportKind, contact: Contact, extra?: Extra];

const CIRCLES: Record<string, readonly MemberSpec[]> = {
  'Jordan Ellis': [
    ['Maria Ellis', 'parent', 'often', { phone: '(614) 555-0190', notes: 'My mom. Sunday calls.' }],
    [
      'Curtis Hale',
      'sponsor',
      'often',
      { phone: '(614) 555-0177', notes: 'Home group: Tuesday Night Step Study.' },
    ],
    ['Dr. Anita Shah', 'counsellor', 'weekly', { organisation: 'Southside Behavioral Health' }],
    [
      'Renee Caldwell',
      'probation_officer',
      'monthly',
      { organisation: 'County Adult Probation', email: 'renee.caldwell@example.org' },
    ],
    ['Ben Ortiz', 'employer', 'weekly', { organisation: 'Northside Diner' }],
    ['Tuesday Night Step Study', 'group', 'weekly'],
    ['Tasha Green', 'friend', 'lapsed'],
  ],
  'T Moore': [
    ['Linda Moore', 'sibling', 'often'],
    ['Walt Simmons', 'sponsor', 'often', { phone: '(614) 555-0122' }],
    ['Keisha Moore', 'child', 'weekly'],
    ['Dr. Paul Reyes', 'doctor', 'monthly', { organisation: 'Southside Community Health Center' }],
    ['Eastside Men’s Group', 'group', 'weekly'],
    ['Pastor James Boyd', 'faith_leader', 'weekly', { organisation: 'Grace Community Church' }],
  ],
  'Luis Ortega': [
    ['James Ortega', 'parent', 'weekly'],
    ['Hector Ruiz', 'sponsor', 'often'],
    ['Maria Delgado', 'case_manager', 'monthly', { organisation: 'County Reentry Services' }],
    ['Habitat ReStore volunteers', 'group', 'weekly'],
  ],
  'Andre Williams': [
    ['Patricia Williams', 'other', 'often', { pillar: 'family_friends', notes: 'My aunt.' }],
    ['Ron Fletcher', 'sponsor', 'never', { phone: '(614) 555-0150' }],
    ['Gina Torres', 'counsellor', 'monthly', { organisation: 'Riverside Counseling' }],
    ['St. Stephen’s food pantry', 'group', 'lapsed'],
  ],
  // thin: family and an old friend, nobody else yet
  'Kevin Nguyen': [
    ['Robert Nguyen', 'sibling', 'weekly'],
    ['Danny Tran', 'friend', 'lapsed'],
  ],
  'Sam Brooks': [
    ['Maria Brooks', 'parent', 'often'],
    ['Greg Lawson', 'sponsor', 'often', { notes: 'New sponsor, met at Early Birds.' }],
    ['Dr. Helen Park', 'doctor', 'monthly', { organisation: 'Maple Street Medical' }],
    ['Saturday Morning Early Birds', 'group', 'weekly'],
  ],
  'Ray Castillo': [
    ['Patricia Castillo', 'other', 'weekly', { pillar: 'family_friends', notes: 'My aunt.' }],
    ['T Moore', 'peer_mentor', 'often', { notes: 'My peer mentor in the house.' }],
    ['Carmen Diaz', 'case_manager', 'weekly', { organisation: 'County Reentry Services' }],
  ],
  'Michael Foster': [
    ['Patricia Foster', 'other', 'weekly', { pillar: 'family_friends', notes: 'My aunt.' }],
    ['Dale Hutchins', 'sponsor', 'often'],
    ['Sarah Kim', 'counsellor', 'weekly', { organisation: 'Five Points Outpatient' }],
    ['Mile High Movers', 'employer', 'weekly'],
    ['Community kitchen volunteers', 'group', 'monthly'],
  ],
  'Brandon Lee': [
    ['Robert Lee', 'sibling', 'often'],
    ['Mike Sorensen', 'sponsor', 'often'],
    ['Alicia Romero', 'case_manager', 'monthly', { organisation: 'Coalition for the Homeless' }],
  ],
  'Chris Hall': [
    ['Maria Hall', 'parent', 'weekly'],
    ['Jess Alvarado', 'partner', 'often'],
    ['Tom Becker', 'sponsor', 'often'],
    ['Dr. Nina Patel', 'counsellor', 'weekly'],
    ['Father Miguel Santos', 'faith_leader', 'weekly', { organisation: 'St. Ignatius parish' }],
    ['Park Hill Hardware', 'employer', 'weekly'],
  ],
  'Ethan Price': [
    ['Linda Price', 'sibling', 'often'],
    ['Jordan Blake', 'case_manager', 'weekly', { organisation: 'Detox discharge planning' }],
  ],
  'Omar Haddad': [
    ['James Haddad', 'parent', 'weekly'],
    ['Ken Mitchell', 'sponsor', 'often', { notes: 'Twenty years sober. Calls every morning.' }],
    ['Dr. Ruth Okafor', 'doctor', 'monthly', { organisation: 'Eastside Community Clinic' }],
    ['Eastside Auto', 'employer', 'weekly'],
    ['Intergroup service committee', 'group', 'weekly'],
  ],
  'Victor Alvarez': [
    ['Patricia Alvarez', 'other', 'weekly', { pillar: 'family_friends', notes: 'My aunt.' }],
    ['Lou Garza', 'sponsor', 'often'],
    ['Integral counselling group', 'counsellor', 'weekly'],
    ['Saturday Morning Early Birds', 'group', 'weekly'],
  ],
  'Nathan Cole': [
    ['Robert Cole', 'sibling', 'weekly'],
    ['Frank Dawson', 'sponsor', 'often'],
    [
      'Officer Lena Ward',
      'probation_officer',
      'monthly',
      { organisation: 'State Parole Division' },
    ],
    ['City transit maintenance', 'employer', 'weekly'],
    ['Oxford House chapter meeting', 'group', 'monthly'],
  ],
  // no professional in the circle
  'Isaiah Grant': [
    ['Maria Grant', 'parent', 'often'],
    ['Andre Boyd', 'sponsor', 'often'],
    ['Celebrate Recovery at Grace Community Church', 'group', 'weekly'],
  ],
  'Dylan Reed': [
    ['Patricia Reed', 'other', 'weekly', { pillar: 'family_friends', notes: 'My aunt.' }],
    ['Chris Nolan', 'sponsor', 'often'],
    ['Dr. Sam Ortiz', 'counsellor', 'weekly', { organisation: 'Riverside Counseling' }],
    ['Sunday Serenity', 'group', 'weekly'],
  ],
  // no community yet
  'Jamal Carter': [
    ['Maria Carter', 'parent', 'often'],
    ['Nathan Cole', 'peer_mentor', 'often', { notes: 'My peer mentor in the house.' }],
    ['Tanya Brooks', 'case_manager', 'weekly', { organisation: 'County Reentry Services' }],
  ],
};

/** Whether the resident has a sponsor or peer mentor in their circle (their check-ins then say so). */
export function hasMentor(name: string) {
  return (CIRCLES[name] ?? []).some(([, kind]) => MENTOR_KINDS.includes(kind));
}

/** Residents who agreed to have their milestones celebrated at the house. */
const SHARE_MILESTONES = [
  'Jordan Ellis',
  'T Moore',
  'Luis Ortega',
  'Kevin Nguyen',
  'Sam Brooks',
  'Michael Foster',
  'Chris Hall',
  'Omar Haddad',
  'Nathan Cole',
  'Isaiah Grant',
  'Dylan Reed',
  'Jamal Carter',
];

/** Pairings: mentor, mentee, days ago it started, days it is planned for, notes (days ago, words). */
const PAIRINGS: Array<{
  house: string;
  mentor: string;
  mentee: string;
  from: number;
  days: number;
  notes: Array<[number, string]>;
}> = [
  {
    house: 'maple',
    mentor: 'T Moore',
    mentee: 'Ray Castillo',
    from: 9,
    days: 90,
    notes: [
      [8, 'Showed Ray around: bus to the clinic, the Tuesday noon meeting, how chores work.'],
      [5, 'Coffee after the house meeting. Nervous about court; we made a list of questions.'],
      [2, 'Went to Early Birds together. He spoke for the first time.'],
    ],
  },
  {
    house: 'oxford',
    mentor: 'Nathan Cole',
    mentee: 'Jamal Carter',
    from: 20,
    days: 90,
    notes: [
      [19, 'First week: went over the house rules and the meeting list together.'],
      [12, 'He is looking for work. Shared the job readiness program from the directory.'],
      [6, 'Had an interview at the warehouse. Practised with him the night before.'],
    ],
  },
  {
    house: 'oxford',
    mentor: 'Victor Alvarez',
    mentee: 'Dylan Reed',
    from: 54,
    days: 30,
    notes: [
      [50, 'Walked through the chore rota and the house meeting.'],
      [40, 'Found a home group. Doing well.'],
      [26, 'Last check-in as mentor: he is settled and has a sponsor.'],
    ],
  },
];

const VOLUNTEERING: Array<
  [name: string, daysAgo: number, hours: number, what: string, where?: string]
> = [
  ['Jordan Ellis', 24, 3, 'Sorting donations', 'Food pantry'],
  ['Jordan Ellis', 10, 4, 'Building crew', 'Habitat ReStore'],
  ['Jordan Ellis', 3, 1.5, 'Hospitals and institutions panel', 'County treatment center'],
  ['T Moore', 15, 2, 'Made coffee for the Tuesday noon meeting'],
  ['T Moore', 1, 2, 'Made coffee for the Tuesday noon meeting'],
  ['Omar Haddad', 30, 5, 'Intergroup phone line'],
  ['Omar Haddad', 9, 5, 'Intergroup phone line'],
  ['Nathan Cole', 12, 3, 'Community garden workday', 'Zilker community garden'],
];

// ---------- the resource directory ----------

interface CityPlaces {
  meetings: readonly string[];
  resources: ReadonlyArray<
    [kind: ResourceKind, name: string, extra: { place?: string; phone?: string; notes?: string }]
  >;
}

const PLACES: Record<string, CityPlaces> = {
  maple: {
    meetings: [
      'Eastside Alano Club, 3 blocks north of the house',
      'Grace Community Church hall',
      'St. Luke’s parish hall',
      'Maple Avenue library, community room',
    ],
    resources: [
      [
        'clinic',
        'Southside Community Health Center',
        {
          place: 'Parsons Ave',
          phone: '(614) 555-0300',
          notes: 'Sliding-scale fees; walk-ins before 10 am.',
        },
      ],
      [
        'counselling',
        'Riverside Counseling',
        {
          place: 'Riverside Dr',
          phone: '(614) 555-0310',
          notes: 'Outpatient groups Monday evening; Medicaid accepted.',
        },
      ],
      [
        'job_training',
        'Works job readiness program',
        { place: 'Downtown library, 2nd floor', notes: 'Resume help Tuesdays and Thursdays.' },
      ],
      [
        'education',
        'GED classes',
        { place: 'Maple Avenue library', notes: 'Free; register at the front desk.' },
      ],
      [
        'legal_aid',
        'Legal aid clinic: record sealing',
        { phone: '(614) 555-0330', notes: 'First Saturday of the month.' },
      ],
      [
        'volunteering',
        'Food pantry shifts',
        { place: 'St. Stephen’s', notes: 'Sign up for Saturday mornings.' },
      ],
      [
        'fitness',
        'Recovery run club',
        { place: 'Schiller Park', notes: 'Sundays 8 am, every pace.' },
      ],
    ],
  },
  cedar: {
    meetings: [
      'Cedar Lane Recovery Clubhouse',
      'Park Hill Methodist, basement',
      'Five Points recreation center',
      'St. Ignatius parish hall',
    ],
    resources: [
      ['clinic', 'Eastside Community Clinic', { phone: '(303) 555-0400' }],
      [
        'counselling',
        'Five Points Outpatient',
        { phone: '(303) 555-0410', notes: 'Evening groups; ask for the intake line.' },
      ],
      [
        'job_training',
        'Second-chance hiring fair',
        { place: 'Workforce center', notes: 'Monthly; bring ID.' },
      ],
      ['legal_aid', 'Legal clinic for reentry', { phone: '(303) 555-0430' }],
      ['volunteering', 'Community kitchen', { notes: 'Weekday lunch shifts.' }],
      [
        'fitness',
        'Phoenix-style sober climbing night',
        { place: 'Climbing gym on Blake St', notes: 'Free with 48 hours sober.' },
      ],
    ],
  },
  oxford: {
    meetings: [
      'South Congress Alano Club',
      'St. Ignatius parish hall',
      'Zilker community center',
      'Eastside library, meeting room B',
    ],
    resources: [
      ['clinic', 'Eastside Community Clinic', { phone: '(512) 555-0500' }],
      ['counselling', 'Integral counselling group', { phone: '(512) 555-0510' }],
      [
        'job_training',
        'Job readiness program',
        { place: 'Workforce Solutions, East side', notes: 'Forklift certification every month.' },
      ],
      ['education', 'Community college adult education', { notes: 'Free ESL and GED.' }],
      ['legal_aid', 'Reentry legal aid', { phone: '(512) 555-0530' }],
      ['volunteering', 'Community garden workdays', { place: 'Zilker community garden' }],
      [
        'faith',
        'Recovery church service',
        { place: 'Grace Community Church', notes: 'Sunday 11 am.' },
      ],
    ],
  },
};

/** A time for a directory meeting from its name. */
function timeOf(name: string) {
  if (/noon/i.test(name)) return '12:00';
  if (/morning|early|sit/i.test(name)) return '08:30';
  if (/night|candlelight|live|young/i.test(name)) return '20:00';
  return '19:00';
}

export interface ResourcesSeedContext {
  db: Db;
  organisationId: string;
  managerId: string | null;
  houses: Map<string, { id: string; timezone: string }>;
  /** Each weekday's meetings (Monday first), as the check-ins seed logs them. */
  meetings: ReadonlyArray<ReadonlyArray<readonly [string, string]>>;
}

/** The directory: each house's town, and the organisation's own lines. Gives the id of a logged meeting. */
export function seedResources(ctx: ResourcesSeedContext) {
  const rows: (typeof s.resources.$inferInsert)[] = [];
  const ids = new Map<string, string>();
  const base = { organisationId: ctx.organisationId, createdBy: ctx.managerId };
  rows.push(
    {
      ...base,
      id: newId(),
      kind: 'other',
      name: 'SAMHSA National Helpline',
      weekdays: [],
      phone: '1-800-662-4357',
      notes: 'Free, confidential, every day around the clock: treatment referral and information.',
    },
    {
      ...base,
      id: newId(),
      kind: 'other',
      name: '988 Suicide and Crisis Lifeline',
      weekdays: [],
      phone: '988',
      notes: 'Call or text 988, any time.',
    },
  );
  for (const [key, house] of ctx.houses) {
    const places = PLACES[key];
    if (!places) continue;
    let n = 0;
    for (const [weekday, list] of ctx.meetings.entries()) {
      for (const [type, name] of list) {
        // a resident's own session is not a directory entry
        if (type === 'therapy' && /my counselor/i.test(name)) continue;
        const id = newId();
        const online = /online/i.test(name);
        const kind: ResourceKind =
          type === 'therapy' ? 'counselling' : type === 'faith' ? 'faith' : 'meeting';
        rows.push({
          ...base,
          id,
          houseId: house.id,
          kind,
          name,
          fellowship: kind === 'meeting' ? type : null,
          weekdays: [weekday + 1],
          time: timeOf(name),
          place: online ? null : (places.meetings[n++ % places.meetings.length] ?? null),
          onlineLink: online ? 'https://meetings.example.org/smart-sunday' : null,
        });
        ids.set(`${key}:${name}`, id);
      }
    }
    for (const [kind, name, extra] of places.resources)
      rows.push({
        ...base,
        id: newId(),
        houseId: house.id,
        kind,
        name,
        weekdays: [],
        place: extra.place ?? null,
        phone: extra.phone ?? null,
        notes: extra.notes ?? null,
      });
  }
  const writes: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += 100)
    writes.push(ctx.db.insert(s.resources).values(rows.slice(i, i + 100)));
  return {
    writes,
    resourceFor: (house: string, name: string) => ids.get(`${house}:${name}`) ?? null,
  };
}

// ---------- circles, contacts, mentoring, sharing ----------

/** A daily check-in as the check-ins seed made it. */
export interface SeededDaily {
  checkInId: string;
  residentId: string;
  name: string;
  forDate: string;
  sponsorContact: boolean | null;
}

export interface SupportSeedContext {
  db: Db;
  now: Date;
  organisationId: string;
  managerId: string | null;
  houses: Map<string, { id: string; timezone: string }>;
  residents: RulesSeedContext['residents'];
  daily: readonly SeededDaily[];
}

function generator(key: string) {
  let state = 2166136261;
  for (let i = 0; i < key.length; i++) state = Math.imul(state ^ key.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATE: Record<Contact, number> = {
  often: 0.4,
  weekly: 0.15,
  monthly: 0.05,
  lapsed: 0,
  never: 0,
};

export function seedSupport(ctx: SupportSeedContext): BatchItem<'sqlite'>[] {
  const { db } = ctx;
  const members: (typeof s.supportMembers.$inferInsert)[] = [];
  const contacts: (typeof s.checkInContacts.$inferInsert)[] = [];
  const byName = new Map(ctx.residents.map((r) => [r.name, r]));
  const todayOf = (house: string) => localDateAt(ctx.now, ctx.houses.get(house)?.timezone ?? 'UTC');
  const memberIdOf = new Map<string, string>();

  for (const r of ctx.residents) {
    const specs = CIRCLES[r.name] ?? [];
    const today = todayOf(r.house);
    const theirs = ctx.daily.filter((d) => d.residentId === r.id);
    for (const [name, kind, contact, extra] of specs) {
      const id = newId();
      memberIdOf.set(`${r.name}:${name}`, id);
      members.push({
        id,
        organisationId: ctx.organisationId,
        residentId: r.id,
        name,
        kind,
        pillar: extra?.pillar ?? KIND_PILLAR[kind],
        organisation: extra?.organisation ?? null,
        phone: extra?.phone ?? null,
        email: extra?.email ?? null,
        notes: extra?.notes ?? null,
        status: 'active',
        createdBy: r.userId,
        createdAt: new Date(ctx.now.getTime() - r.daysIn * 86_400_000),
      });
      const random = generator(`support:${r.name}:${name}`);
      const mentor = MENTOR_KINDS.includes(kind);
      for (const d of theirs) {
        const touched = mentor
          ? // the sponsor or mentor is who "contact with sponsor or mentor" meant
            d.sponsorContact === true && contact !== 'never'
          : contact === 'lapsed'
            ? d.forDate === theirs.find((x) => x.forDate <= addDays(today, -35))?.forDate
            : random() < RATE[contact];
        if (touched) contacts.push({ id: newId(), checkInId: d.checkInId, memberId: id });
      }
    }
  }

  // Andre's sponsor: the last contact was before this week's silence
  const lapsed = byName.get(SPONSOR_LAPSED);
  const lapsedSponsor = memberIdOf.get(`${SPONSOR_LAPSED}:Ron Fletcher`);
  if (lapsed && lapsedSponsor) {
    const earlier = ctx.daily.filter(
      (d) => d.residentId === lapsed.id && d.forDate <= addDays(todayOf(lapsed.house), -10),
    );
    for (const d of earlier.filter((x) => x.sponsorContact === true))
      contacts.push({ id: newId(), checkInId: d.checkInId, memberId: lapsedSponsor });
  }

  const writes: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < members.length; i += 100)
    writes.push(db.insert(s.supportMembers).values(members.slice(i, i + 100)));
  for (let i = 0; i < contacts.length; i += 300)
    writes.push(db.insert(s.checkInContacts).values(contacts.slice(i, i + 300)));

  // a manager's suggestion, waiting for Kevin to accept it or not
  const kevin = byName.get(THIN_CIRCLE);
  if (kevin)
    writes.push(
      db.insert(s.supportMembers).values({
        id: newId(),
        organisationId: ctx.organisationId,
        residentId: kevin.id,
        name: 'Riverside Counseling intake',
        kind: 'counsellor',
        pillar: 'professional',
        organisation: 'Riverside Counseling',
        phone: '(614) 555-0310',
        notes: 'They have an opening on Thursday evenings. Want me to help you call?',
        status: 'suggested',
        suggestedBy: ctx.managerId,
        createdBy: ctx.managerId,
      }),
    );

  const agreed = SHARE_MILESTONES.map((n) => byName.get(n)?.id).filter(
    (id): id is string => id !== undefined,
  );
  if (agreed.length > 0)
    writes.push(
      db.update(s.residents).set({ shareMilestones: true }).where(inArray(s.residents.id, agreed)),
    );

  for (const p of PAIRINGS) {
    const mentor = byName.get(p.mentor);
    const mentee = byName.get(p.mentee);
    const house = ctx.houses.get(p.house);
    if (!mentor || !mentee || !house) continue;
    const today = todayOf(p.house);
    const id = newId();
    const startDate = addDays(today, -p.from);
    writes.push(
      db.insert(s.mentorships).values({
        id,
        organisationId: ctx.organisationId,
        houseId: house.id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        startDate,
        endDate: addDays(startDate, p.days - 1),
        createdBy: ctx.managerId,
        createdAt: new Date(ctx.now.getTime() - p.from * 86_400_000),
      }),
      db.insert(s.mentorNotes).values(
        p.notes.map(([ago, note]) => ({
          id: newId(),
          mentorshipId: id,
          date: addDays(today, -ago),
          note,
          createdBy: mentor.userId,
          createdAt: new Date(ctx.now.getTime() - ago * 86_400_000),
        })),
      ),
    );
  }

  const hours = VOLUNTEERING.flatMap(([name, ago, h, what, where]) => {
    const r = byName.get(name);
    return r
      ? [
          {
            id: newId(),
            organisationId: ctx.organisationId,
            residentId: r.id,
            date: addDays(todayOf(r.house), -ago),
            hours: h,
            what,
            where: where ?? null,
          },
        ]
      : [];
  });
  if (hours.length > 0) writes.push(db.insert(s.volunteering).values(hours));

  writes.push(...shares(ctx, memberIdOf));
  return writes;
}

/** Jordan's summary for their probation officer (active, viewed three times) and an earlier one, revoked. */
function shares(ctx: SupportSeedContext, memberIdOf: Map<string, string>): BatchItem<'sqlite'>[] {
  const jordan = ctx.residents.find((r) => r.name === 'Jordan Ellis');
  if (!jordan) return [];
  const today = localDateAt(ctx.now, ctx.houses.get(jordan.house)?.timezone ?? 'UTC');
  const day = 86_400_000;
  const list: Array<{
    to: string;
    relationship: string;
    member: string;
    purpose: string;
    fields: ShareField[];
    ago: number;
    until: string;
    revokedAgo?: number;
    views: number[];
  }> = [
    {
      to: 'Renee Caldwell',
      relationship: 'Probation officer',
      member: 'Renee Caldwell',
      purpose: 'Monthly report for my probation supervision.',
      fields: ['check_in_compliance', 'meetings_per_week', 'milestones'],
      ago: 20,
      until: addDays(today, 70),
      views: [19.8, 12.3, 2.1],
    },
    {
      to: 'Maria Ellis',
      relationship: 'My mom',
      member: 'Maria Ellis',
      purpose: 'So my mom can see how I am doing.',
      fields: ['milestones', 'house_meetings'],
      ago: 60,
      until: addDays(today, -10),
      revokedAgo: 31,
      views: [59.5, 45.2],
    },
  ];
  const writes: BatchItem<'sqlite'>[] = [];
  for (const x of list) {
    const id = newId();
    const memberId = memberIdOf.get(`Jordan Ellis:${x.member}`) ?? null;
    writes.push(
      ctx.db.insert(s.shares).values({
        id,
        organisationId: ctx.organisationId,
        residentId: jordan.id,
        // nobody holds the demo links: only a hash is kept, of a token thrown away
        tokenHash: createHash('sha256').update(randomBytes(24).toString('base64url')).digest('hex'),
        recipientName: x.to,
        recipientRelationship: x.relationship,
        memberId,
        purpose: x.purpose,
        fields: x.fields,
        until: x.until,
        consentText: consentWords({
          residentName: jordan.name,
          recipientName: x.to,
          recipientRelationship: x.relationship,
          purpose: x.purpose,
          fields: x.fields,
          until: x.until,
        }),
        createdAt: new Date(ctx.now.getTime() - x.ago * day),
        createdBy: jordan.userId,
        revokedAt: x.revokedAgo ? new Date(ctx.now.getTime() - x.revokedAgo * day) : null,
      }),
      ctx.db.insert(s.shareViews).values(
        x.views.map((ago, i) => ({
          id: newId(),
          shareId: id,
          at: new Date(ctx.now.getTime() - ago * day),
          ip: null,
          userAgent:
            i % 2 === 0
              ? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
              : 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
        })),
      ),
    );
  }
  return writes;
}
