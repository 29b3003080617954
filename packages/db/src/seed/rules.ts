// Demo data for house rules: an organisation template, each house's rule book
// (Maple on its second version, which not everyone has signed yet), phases and
// who is in which, passes in every state, violations (one voided) and a
// grievance that has gone up to the operator.
import type { BatchItem } from 'drizzle-orm/batch';
import { addDays, instantAt, localDateAt } from '@porchlight/domain';
import type { Db } from '../client';
import { newId } from '../ids';
import * as s from '../schema';
import { PEER_RUN_RULES, STANDARD_RULES } from './standard-rules';

type Rule = s.StoredRule;

const MAPLE_V2: Rule[] = STANDARD_RULES.map((r) =>
  r.key === 'guests'
    ? {
        ...r,
        text: 'Guests visit in the common areas between 10:00 and 21:00 on weekends and 10:00 and 20:00 on weekdays, and sign the guest book. No overnight guests.',
      }
    : r,
).concat({
  key: 'phones-at-meetings',
  category: 'meetings',
  text: 'Phones are silenced and put away during house meetings.',
  consequences: [{ kind: 'warning' }],
});

export interface RulesSeedContext {
  db: Db;
  now: Date;
  organisationId: string;
  operatorId: string | null;
  managerId: string | null;
  houses: Map<string, { id: string; timezone: string }>;
  /** Current residents by house key: id, display name, and days since move-in. */
  residents: Array<{
    id: string;
    name: string;
    house: string;
    daysIn: number;
    userId: string | null;
  }>;
}

/** A phase a resident was placed in, from its first day. */
export interface SeededPhase {
  startDate: string;
  name: string;
  curfewWeeknights: string;
  curfewWeekends: string;
  dailyCheckIn: boolean;
  curfewCheckIn: boolean;
  meetingsPerWeek: number;
}

export interface SeededPass {
  residentId: string;
  type: string;
  status: (typeof s.PASS_STATUSES)[number];
  departAt: Date;
  expectedReturnAt: Date;
  returnedAt: Date | null;
}

/** What later demo data must agree with: who was in which phase, away, and signed when. */
export interface RulesSeeded {
  /** By resident id, oldest first. */
  phases: Map<string, SeededPhase[]>;
  passes: SeededPass[];
  /** When each resident first signed their house's rules. */
  firstSignedAt: Map<string, Date>;
}

export function seedRules(ctx: RulesSeedContext): {
  writes: BatchItem<'sqlite'>[];
  seeded: RulesSeeded;
} {
  const { db, now } = ctx;
  const seeded: RulesSeeded = { phases: new Map(), passes: [], firstSignedAt: new Map() };
  const day = 86_400_000;
  const at = (daysAgo: number, hour = 12) =>
    new Date(now.getTime() - daysAgo * day + (hour - 12) * 3_600_000);
  const writes: BatchItem<'sqlite'>[] = [];

  writes.push(
    db.insert(s.ruleBooks).values({
      id: newId(),
      organisationId: ctx.organisationId,
      houseId: null,
      name: 'Porchlight standard house rules',
      // a template's rules live in its draft: templates are copied, never signed
      draft: STANDARD_RULES,
      draftUpdatedAt: at(500),
      createdBy: ctx.operatorId,
    }),
  );

  const versionOf = new Map<string, { id: string; rules: Rule[] }[]>();
  for (const [key, house] of ctx.houses) {
    const bookId = newId();
    writes.push(
      db.insert(s.ruleBooks).values({
        id: bookId,
        organisationId: ctx.organisationId,
        houseId: house.id,
        name: key === 'oxford' ? 'Oxford Street House rules' : 'House rules',
        createdBy: ctx.operatorId,
      }),
    );
    const versions =
      key === 'maple'
        ? [
            { rules: STANDARD_RULES, note: 'First rule book', daysAgo: 400 },
            {
              rules: MAPLE_V2,
              note: 'Longer weekend guest hours; phones away at house meetings',
              daysAgo: 6,
            },
          ]
        : [
            {
              rules: key === 'oxford' ? PEER_RUN_RULES : STANDARD_RULES,
              note: key === 'oxford' ? 'Adopted by vote of the membership' : 'First rule book',
              daysAgo: 450,
            },
          ];
    const made = versions.map((v, i) => {
      const id = newId();
      writes.push(
        db.insert(s.ruleBookVersions).values({
          id,
          ruleBookId: bookId,
          version: i + 1,
          rules: v.rules,
          changeNote: v.note,
          publishedAt: at(v.daysAgo),
          publishedBy: key === 'oxford' ? null : ctx.managerId,
        }),
      );
      return { id, rules: v.rules };
    });
    versionOf.set(key, made);
  }

  // phases: staffed houses have three; the peer-run house treats every member alike
  const phaseIds = new Map<string, Array<{ id: string; phase: Omit<SeededPhase, 'startDate'> }>>();
  for (const [key, house] of ctx.houses) {
    const specs =
      key === 'oxford'
        ? [
            {
              name: 'Member',
              weeknights: '23:00',
              weekends: '00:00',
              overnight: true,
              types: ['work', 'job_search', 'family', 'recreation', 'overnight', 'other'],
              minDays: 0,
              meetings: 3,
            },
          ]
        : [
            {
              name: 'Phase 1',
              weeknights: '22:00',
              weekends: '23:00',
              overnight: false,
              types: ['work', 'job_search', 'family'],
              minDays: 7,
              meetings: 5,
            },
            {
              name: 'Phase 2',
              weeknights: '23:00',
              weekends: '00:00',
              overnight: true,
              types: ['work', 'job_search', 'family', 'recreation', 'overnight'],
              minDays: 0,
              meetings: 4,
            },
            {
              name: 'Phase 3',
              weeknights: '00:00',
              weekends: '01:00',
              overnight: true,
              types: ['work', 'job_search', 'family', 'recreation', 'overnight', 'other'],
              minDays: 0,
              meetings: 3,
            },
          ];
    const ids = specs.map((p, position) => {
      const id = newId();
      const phase = {
        name: p.name,
        curfewWeeknights: p.weeknights,
        curfewWeekends: p.weekends,
        dailyCheckIn: true,
        curfewCheckIn: true,
        meetingsPerWeek: p.meetings,
      };
      writes.push(
        db.insert(s.phases).values({
          id,
          houseId: house.id,
          position,
          overnightPassesAllowed: p.overnight,
          passTypesAllowed: p.types,
          minDaysBeforePasses: p.minDays,
          ...phase,
        }),
      );
      return { id, phase };
    });
    phaseIds.set(key, ids);
  }

  for (const r of ctx.residents) {
    const house = ctx.houses.get(r.house);
    const ids = phaseIds.get(r.house) ?? [];
    if (!house) continue;
    const local = (daysAgo: number) => addDays(localDateAt(now, house.timezone), -daysAgo);
    const steps =
      ids.length === 1 ? [0] : r.daysIn >= 90 ? [0, 1, 2] : r.daysIn >= 30 ? [0, 1] : [0];
    const placed: SeededPhase[] = [];
    seeded.phases.set(r.id, placed);
    for (const step of steps) {
      const phase = ids[step];
      if (!phase) continue;
      const startedDaysAgo = step === 0 ? r.daysIn : step === 1 ? r.daysIn - 30 : r.daysIn - 90;
      placed.push({ ...phase.phase, startDate: local(startedDaysAgo) });
      writes.push(
        db.insert(s.residentPhases).values({
          id: newId(),
          residentId: r.id,
          phaseId: phase.id,
          startDate: local(startedDaysAgo),
          reason: step === 0 ? 'Moved in' : 'Met the requirements of the previous phase',
          decidedBy: r.house === 'oxford' ? null : ctx.managerId,
        }),
      );
    }
    // signatures: everyone signed the version current at move-in; at Maple, two
    // residents have not yet signed the new version
    const versions = versionOf.get(r.house) ?? [];
    const first = versions[0];
    const second = versions[1];
    if (first && (!second || r.daysIn > 6)) {
      seeded.firstSignedAt.set(r.id, at(r.daysIn, 10));
      writes.push(
        db.insert(s.ruleAcknowledgements).values({
          id: newId(),
          residentId: r.id,
          ruleBookVersionId: first.id,
          typedName: r.name,
          acknowledgedAt: at(r.daysIn, 10),
          userId: r.userId,
        }),
      );
    }
    if (second && !['Jordan Ellis', 'Luis Ortega'].includes(r.name)) {
      if (!seeded.firstSignedAt.has(r.id))
        seeded.firstSignedAt.set(r.id, at(Math.min(5, r.daysIn), 19));
      writes.push(
        db.insert(s.ruleAcknowledgements).values({
          id: newId(),
          residentId: r.id,
          ruleBookVersionId: second.id,
          typedName: r.name,
          acknowledgedAt: at(Math.min(5, r.daysIn), 19),
          userId: r.userId,
        }),
      );
    }
  }

  const byName = (name: string) => ctx.residents.find((r) => r.name === name);
  const maple = ctx.houses.get('maple');
  const mapleV1 = versionOf.get('maple')?.[0];
  const mapleV2 = versionOf.get('maple')?.[1];
  const jordan = byName('Jordan Ellis');
  const luis = byName('Luis Ortega');
  const kevin = byName('Kevin Nguyen');
  const tMoore = byName('T Moore');
  const ray = byName('Ray Castillo');
  if (!maple || !mapleV1 || !mapleV2 || !jordan || !luis || !kevin || !tMoore || !ray)
    return { writes, seeded };

  // passes happen at sensible times on Maple's own clock
  const mapleToday = localDateAt(now, maple.timezone);
  const local = (daysAgo: number, hour: number, minute = 0) =>
    instantAt(addDays(mapleToday, -daysAgo), hour, minute, maple.timezone);
  const pass = (
    r: { id: string },
    fields: Pick<
      typeof s.passes.$inferInsert,
      'type' | 'destination' | 'departAt' | 'expectedReturnAt' | 'status'
    > &
      Partial<typeof s.passes.$inferInsert>,
  ) => {
    seeded.passes.push({
      residentId: r.id,
      type: fields.type,
      status: fields.status,
      departAt: fields.departAt,
      expectedReturnAt: fields.expectedReturnAt,
      returnedAt: fields.returnedAt ?? null,
    });
    return db.insert(s.passes).values({
      id: newId(),
      organisationId: ctx.organisationId,
      houseId: maple.id,
      residentId: r.id,
      createdBy: null,
      ...fields,
    });
  };
  writes.push(
    pass(jordan, {
      type: 'family',
      destination: "Mother's house, Dayton",
      contact: '(937) 555-0190',
      departAt: local(9, 10),
      expectedReturnAt: local(9, 20),
      status: 'approved',
      decidedBy: ctx.managerId,
      decidedAt: local(11, 15, 20),
      decisionReason: 'Enjoy the visit.',
      returnedAt: local(9, 19, 40),
    }),
    pass(tMoore, {
      type: 'work',
      destination: 'Warehouse shift, Groveport',
      departAt: local(3, 14),
      expectedReturnAt: local(3, 22, 30),
      status: 'approved',
      decidedBy: ctx.managerId,
      decidedAt: local(4, 9, 15),
      returnedAt: local(2, 0, 35),
    }),
    pass(kevin, {
      type: 'overnight',
      destination: "Friend's apartment",
      departAt: local(2, 18),
      expectedReturnAt: local(1, 12),
      status: 'declined',
      eligibilityNotes: ['Phase 1 does not allow overnight passes.'],
      decidedBy: ctx.managerId,
      decidedAt: local(3, 9, 5),
      decisionReason:
        'Overnight passes start in Phase 2. Happy to approve an evening visit instead.',
    }),
    pass(luis, {
      type: 'job_search',
      destination: 'Interview at Franklin Hardware',
      contact: '(614) 555-0177',
      departAt: local(-1, 9, 30),
      expectedReturnAt: local(-1, 13),
      status: 'requested',
    }),
  );

  const violation = (
    r: { id: string },
    ruleKey: string,
    fields: Pick<typeof s.violations.$inferInsert, 'occurredAt' | 'description' | 'consequence'> &
      Partial<typeof s.violations.$inferInsert>,
    // the version the resident signed: Luis has not signed version 2 yet
    version = mapleV2,
  ) => {
    const rule = version.rules.find((x) => x.key === ruleKey);
    const id = newId();
    writes.push(
      db.insert(s.violations).values({
        id,
        organisationId: ctx.organisationId,
        houseId: maple.id,
        residentId: r.id,
        ruleBookVersionId: version.id,
        ruleKey,
        category: rule?.category ?? 'other',
        reportedBy: ctx.managerId,
        ...fields,
      }),
    );
    return id;
  };
  const curfewViolation = violation(kevin, 'curfew', {
    occurredAt: at(5, 23),
    description:
      'Came home at 23:10, seventy minutes after the Phase 1 weeknight curfew, without calling ahead.',
    consequence: { kind: 'warning' },
    residentResponse: 'My bus broke down and my phone was dead. I came straight home.',
    respondedAt: at(4, 9),
  });
  violation(ray, 'chores', {
    occurredAt: at(2, 20),
    description: 'Kitchen not cleaned after dinner on his chore day.',
    consequence: { kind: 'extra_chore' },
  });
  violation(
    luis,
    'guests',
    {
      occurredAt: at(4, 21),
      description: 'Guest in the house after 20:00.',
      consequence: { kind: 'warning' },
      voidedAt: at(3, 10),
      voidedBy: ctx.managerId,
      voidReason: 'Recorded against the wrong resident; the guest was visiting someone else.',
    },
    mapleV1,
  );

  // a history to read across houses: older violations against the version each
  // resident had signed, so the operator's report shows months, not days
  const older: Array<[string, string, Rule['consequences'][number]]> = [
    ['chores', 'Bathroom left for the next day.', { kind: 'warning' }],
    ['house-meeting', 'Missed the house meeting without telling anyone.', { kind: 'warning' }],
    ['curfew', 'Home forty minutes after curfew.', { kind: 'warning' }],
    ['chores', 'Trash not taken out on collection day.', { kind: 'extra_chore' }],
  ];
  let n = 0;
  for (const r of ctx.residents) {
    const house = ctx.houses.get(r.house);
    const first = versionOf.get(r.house)?.[0];
    if (!house || !first || r.house === 'oxford' || r.daysIn < 45) continue;
    for (let k = 0; k < (r.daysIn > 150 ? 2 : 1); k++) {
      const spec = older[n++ % older.length];
      if (!spec) continue;
      const [ruleKey, description, consequence] = spec;
      const rule = first.rules.find((x) => x.key === ruleKey);
      if (!rule) continue;
      writes.push(
        db.insert(s.violations).values({
          id: newId(),
          organisationId: ctx.organisationId,
          houseId: house.id,
          residentId: r.id,
          ruleBookVersionId: first.id,
          ruleKey,
          category: rule.category,
          occurredAt: at(Math.min(170, Math.round(r.daysIn * (k === 0 ? 0.4 : 0.8))) + 7, 21),
          description,
          consequence,
          reportedBy: ctx.managerId,
        }),
      );
    }
  }

  const grievanceId = newId();
  writes.push(
    db.insert(s.grievances).values({
      id: grievanceId,
      organisationId: ctx.organisationId,
      houseId: maple.id,
      residentId: kevin.id,
      violationId: curfewViolation,
      subject: 'Curfew warning after the bus broke down',
      body: 'I was late because my bus broke down and my phone died. I would like the warning removed from my record.',
      level: 'operator',
      status: 'escalated',
      createdAt: at(4, 10),
      updatedAt: at(2, 17),
    }),
    db.insert(s.grievanceSteps).values([
      {
        id: newId(),
        grievanceId,
        level: 'house_manager',
        action: 'file',
        actorUserId: null,
        at: at(4, 10),
      },
      {
        id: newId(),
        grievanceId,
        level: 'house_manager',
        action: 'decide',
        decision: 'not_upheld',
        reason:
          'Residents are expected to call the house when they will be late; a neighbour’s phone was available.',
        actorUserId: ctx.managerId,
        at: at(3, 16),
      },
      {
        id: newId(),
        grievanceId,
        level: 'operator',
        action: 'escalate',
        actorUserId: null,
        at: at(2, 17),
      },
    ]),
  );
  return { writes, seeded };
}
