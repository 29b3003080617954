// Violations: a rule the resident signed, what happened, and a consequence from
// those the rule disclosed. The resident sees theirs and can answer in writing;
// a wrong one is voided with a reason and stays visible to managers. Every read
// is written to the audit log: these records can decide a job or a court case.
import { TRPCError } from '@trpc/server';
import {
  alias,
  and,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  newId,
  schema,
  sql,
} from '@porchlight/db';
import {
  checkConsequenceDisclosed,
  conflict,
  invalid,
  localDateAt,
  monthOf,
  monthsBetween,
  ratePerResidentMonth,
  residentNightsByMonth,
  type ViolationRecordInput,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { offsetOf, toPage } from './pages';
import { auditRead, commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;
type Violation = typeof schema.violations.$inferSelect;

const reporter = alias(schema.users, 'reporter');
const voider = alias(schema.users, 'voider');

function selectViolations(ctx: Pick<AuthedContext, 'db'>) {
  return ctx.db
    .select({
      v: schema.violations,
      firstName: schema.residents.firstName,
      lastName: schema.residents.lastName,
      preferredName: schema.residents.preferredName,
      version: schema.ruleBookVersions.version,
      rules: schema.ruleBookVersions.rules,
      reportedByName: reporter.name,
      voidedByName: voider.name,
      grievanceId: sql<
        string | null
      >`(select g.id from grievances g where g.violation_id = ${schema.violations.id} order by g.created_at desc limit 1)`,
    })
    .from(schema.violations)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.violations.residentId))
    .innerJoin(
      schema.ruleBookVersions,
      eq(schema.ruleBookVersions.id, schema.violations.ruleBookVersionId),
    )
    .leftJoin(reporter, eq(reporter.id, schema.violations.reportedBy))
    .leftJoin(voider, eq(voider.id, schema.violations.voidedBy));
}

type ViolationRow = Awaited<ReturnType<ReturnType<typeof selectViolations>['all']>>[number];

function violationOut(row: ViolationRow) {
  const v = row.v;
  const rule = row.rules.find((r) => r.key === v.ruleKey);
  return {
    id: v.id,
    houseId: v.houseId,
    residentId: v.residentId,
    residentName: displayName(row),
    rule: {
      key: v.ruleKey,
      category: v.category,
      text: rule?.text ?? '',
      version: row.version,
      consequences: rule?.consequences ?? [],
    },
    occurredAt: v.occurredAt.toISOString(),
    description: v.description,
    consequence: v.consequence,
    reportedBy: row.reportedByName,
    passId: v.passId,
    residentResponse: v.residentResponse,
    respondedAt: v.respondedAt?.toISOString() ?? null,
    voided: v.voidedAt
      ? { at: v.voidedAt.toISOString(), by: row.voidedByName, reason: v.voidReason ?? '' }
      : null,
    grievanceId: row.grievanceId,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The latest version of their house's rule book that the resident signed. */
async function signedVersion(ctx: Pick<AuthedContext, 'db'>, resident: Resident) {
  return ctx.db
    .select({ version: schema.ruleBookVersions })
    .from(schema.ruleAcknowledgements)
    .innerJoin(
      schema.ruleBookVersions,
      eq(schema.ruleBookVersions.id, schema.ruleAcknowledgements.ruleBookVersionId),
    )
    .innerJoin(schema.ruleBooks, eq(schema.ruleBooks.id, schema.ruleBookVersions.ruleBookId))
    .where(
      and(
        eq(schema.ruleAcknowledgements.residentId, resident.id),
        eq(schema.ruleBooks.houseId, resident.houseId),
      ),
    )
    .orderBy(desc(schema.ruleBookVersions.version))
    .limit(1)
    .get();
}

/** The rules that can be applied to a resident: those of the version they signed. */
export async function applicableRules(ctx: AuthedContext & { resident: Resident }) {
  const signed = await signedVersion(ctx, ctx.resident);
  return {
    residentId: ctx.resident.id,
    residentName: displayName(ctx.resident),
    version: signed
      ? {
          id: signed.version.id,
          version: signed.version.version,
          rules: signed.version.rules,
        }
      : null,
  };
}

/** Staff record a violation of a rule the resident signed, with a disclosed consequence. */
export async function recordViolation(
  ctx: AuthedContext & { resident: Resident },
  input: ViolationRecordInput,
) {
  const signed = await signedVersion(ctx, ctx.resident);
  const name = displayName(ctx.resident);
  if (!signed)
    throw invalid(
      'ruleKey',
      `cannot be applied: ${name} has not signed the house rules, and a rule is applied only once it was disclosed and signed.`,
    );
  const rule = signed.version.rules.find((r) => r.key === input.ruleKey);
  if (!rule)
    throw invalid(
      'ruleKey',
      `is not a rule of version ${signed.version.version}, the version ${name} signed.`,
    );
  const consequence = checkConsequenceDisclosed(rule, input.consequence);
  const now = ctx.clock.now();
  if (input.occurredAt.getTime() > now.getTime() + 5 * 60_000)
    throw invalid('occurredAt', 'cannot be in the future.');
  if (input.occurredAt.getTime() < now.getTime() - 365 * 86_400_000)
    throw invalid('occurredAt', 'must be within the last year.');
  if (input.passId) {
    const pass = await ctx.db
      .select()
      .from(schema.passes)
      .where(eq(schema.passes.id, input.passId))
      .get();
    if (!pass || pass.residentId !== ctx.resident.id)
      throw invalid('passId', 'is not a pass of this resident.');
    if (!pass.returnedAt || pass.returnedAt.getTime() <= pass.expectedReturnAt.getTime())
      throw invalid('passId', 'is not a late return.');
    const existing = await ctx.db
      .select({ id: schema.violations.id })
      .from(schema.violations)
      .where(and(eq(schema.violations.passId, pass.id), isNull(schema.violations.voidedAt)))
      .get();
    if (existing) throw conflict('A violation for this late return is already recorded.', 'passId');
  }
  const violationId = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.violations).values({
        id: violationId,
        organisationId: ctx.resident.organisationId,
        houseId: ctx.resident.houseId,
        residentId: ctx.resident.id,
        ruleBookVersionId: signed.version.id,
        ruleKey: rule.key,
        category: rule.category,
        passId: input.passId ?? null,
        occurredAt: input.occurredAt,
        description: input.description,
        consequence,
        reportedBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'violations.record',
        recordType: 'violation',
        recordId: violationId,
        organisationId: ctx.resident.organisationId,
        details: {
          residentId: ctx.resident.id,
          houseId: ctx.resident.houseId,
          ruleKey: rule.key,
          version: signed.version.version,
          consequence,
        },
      },
    ],
  );
  return { violationId, consequence };
}

/** The resident answers a violation in writing, once; a grievance takes it further. */
export async function respondToViolation(
  ctx: AuthedContext & { record: Violation },
  input: { response: string },
) {
  const v = ctx.record;
  if (v.voidedAt) throw conflict('This violation was voided: there is nothing to answer.');
  if (v.residentResponse)
    throw conflict('You have already answered. To take it further, file a grievance.');
  const respondedAt = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.violations)
      .set({ residentResponse: input.response, respondedAt })
      .where(and(eq(schema.violations.id, v.id), isNull(schema.violations.residentResponse))),
    {
      action: 'violations.respond',
      recordType: 'violation',
      recordId: v.id,
      organisationId: v.organisationId,
      details: { residentId: v.residentId },
    },
  );
  return { violationId: v.id, respondedAt: respondedAt.toISOString() };
}

/** Staff void a wrong violation with a reason: it stays visible to managers and leaves the counts. */
export async function voidViolation(
  ctx: AuthedContext & { record: Violation },
  input: { reason: string },
) {
  const v = ctx.record;
  if (v.voidedAt) throw conflict('This violation is already voided.');
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.violations)
      .set({ voidedAt: ctx.clock.now(), voidedBy: ctx.actor.userId, voidReason: input.reason })
      .where(and(eq(schema.violations.id, v.id), isNull(schema.violations.voidedAt))),
    {
      action: 'violations.void',
      recordType: 'violation',
      recordId: v.id,
      organisationId: v.organisationId,
      details: { residentId: v.residentId, reason: input.reason },
    },
  );
  return { violationId: v.id };
}

/** A house's violations, newest first, voided ones included and marked. */
export async function listViolations(
  ctx: AuthedContext & { house: House },
  input: {
    residentId?: string | undefined;
    includeVoided: boolean;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectViolations(ctx)
    .where(
      and(
        eq(schema.violations.houseId, ctx.house.id),
        input.residentId ? eq(schema.violations.residentId, input.residentId) : undefined,
        input.includeVoided ? undefined : isNull(schema.violations.voidedAt),
      ),
    )
    .orderBy(desc(schema.violations.occurredAt))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows.map(violationOut), offset, input.limit);
  if (page.items.length > 0)
    await auditRead(ctx, {
      action: 'violations.read',
      recordType: 'violation',
      recordId: null,
      organisationId: ctx.house.organisationId,
      details: { houseId: ctx.house.id, violationIds: page.items.map((v) => v.id) },
    });
  return page;
}

/** A resident's own violations, voided ones marked as not counting. */
export async function myViolations(
  ctx: AuthedContext & { resident: Resident },
  input: { cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectViolations(ctx)
    .where(eq(schema.violations.residentId, ctx.resident.id))
    .orderBy(desc(schema.violations.occurredAt))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows.map(violationOut), offset, input.limit);
  if (page.items.length > 0)
    await auditRead(ctx, {
      action: 'violations.read',
      recordType: 'violation',
      recordId: null,
      organisationId: ctx.resident.organisationId,
      details: { residentId: ctx.resident.id, violationIds: page.items.map((v) => v.id) },
    });
  return page;
}

export async function getViolation(ctx: AuthedContext & { record: Violation }) {
  const row = await selectViolations(ctx).where(eq(schema.violations.id, ctx.record.id)).get();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Violation not found.' });
  await auditRead(ctx, {
    action: 'violations.read',
    recordType: 'violation',
    recordId: ctx.record.id,
    organisationId: ctx.record.organisationId,
  });
  return violationOut(row);
}

/**
 * Violations per resident-month by house, category and month, and per manager
 * over the houses they manage, so an operator can see whether rules are applied
 * evenly. Voided violations do not count.
 */
export async function violationRates(
  ctx: AuthedContext & { organisationId: string },
  input: { months: number },
) {
  const isOperator = ctx.actor.memberships.some(
    (m) => m.organisationId === ctx.organisationId && m.role === 'operator',
  );
  const managed = ctx.actor.memberships.find(
    (m) => m.organisationId === ctx.organisationId,
  )?.houseIds;
  const houses = await ctx.db
    .select()
    .from(schema.houses)
    .where(
      and(
        eq(schema.houses.organisationId, ctx.organisationId),
        isOperator ? undefined : inArray(schema.houses.id, [...(managed ?? [])]),
      ),
    )
    .orderBy(schema.houses.name);
  const today = houses[0] ? houseToday(ctx, houses[0]) : localDateAt(ctx.clock.now(), 'UTC');
  const lastMonth = monthOf(today);
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const firstIndex = y * 12 + (m - 1) - (input.months - 1);
  const firstMonth = `${Math.floor(firstIndex / 12)}-${String((firstIndex % 12) + 1).padStart(2, '0')}`;
  const months = monthsBetween(firstMonth, lastMonth);
  const houseIds = houses.map((h) => h.id);
  if (houseIds.length === 0) return { months, categories: [], houses: [], managers: [] };
  const from = `${firstMonth}-01`;
  const [stays, violations, managers] = await Promise.all([
    ctx.db
      .select({
        houseId: schema.stays.houseId,
        startDate: schema.stays.startDate,
        endDate: schema.stays.endDate,
      })
      .from(schema.stays)
      .where(
        and(
          inArray(schema.stays.houseId, houseIds),
          sql`(${schema.stays.endDate} is null or ${schema.stays.endDate} > ${from})`,
        ),
      ),
    ctx.db
      .select({
        houseId: schema.violations.houseId,
        category: schema.violations.category,
        occurredAt: schema.violations.occurredAt,
      })
      .from(schema.violations)
      .where(
        and(
          inArray(schema.violations.houseId, houseIds),
          isNull(schema.violations.voidedAt),
          gte(schema.violations.occurredAt, new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000)),
          lte(schema.violations.occurredAt, new Date(ctx.clock.now().getTime() + 86_400_000)),
        ),
      ),
    ctx.db
      .select({
        userId: schema.users.id,
        name: schema.users.name,
        houseId: schema.membershipHouses.houseId,
      })
      .from(schema.membershipHouses)
      .innerJoin(
        schema.memberships,
        eq(schema.memberships.id, schema.membershipHouses.membershipId),
      )
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(
        and(
          inArray(schema.membershipHouses.houseId, houseIds),
          eq(schema.memberships.role, 'manager'),
          isNull(schema.memberships.deactivatedAt),
        ),
      ),
  ]);
  const categories = new Set<string>();
  const perHouse = houses.map((house) => {
    const nights = residentNightsByMonth(
      stays.filter((s) => s.houseId === house.id),
      months,
      houseToday(ctx, house),
    );
    const counts = new Map<string, Map<string, number>>(months.map((mo) => [mo, new Map()]));
    for (const v of violations) {
      if (v.houseId !== house.id) continue;
      const month = monthOf(localDateAt(v.occurredAt, house.timezone));
      const byCategory = counts.get(month);
      if (!byCategory) continue;
      categories.add(v.category);
      byCategory.set(v.category, (byCategory.get(v.category) ?? 0) + 1);
    }
    const byMonth = months.map((month) => {
      const byCategory = Object.fromEntries(counts.get(month) ?? []);
      const count = Object.values(byCategory).reduce((a, b) => a + b, 0);
      const n = nights.get(month) ?? 0;
      return {
        month,
        residentNights: n,
        violations: count,
        rate: ratePerResidentMonth(count, n),
        byCategory,
      };
    });
    const totalNights = byMonth.reduce((a, b) => a + b.residentNights, 0);
    const total = byMonth.reduce((a, b) => a + b.violations, 0);
    return {
      houseId: house.id,
      name: house.name,
      narrLevel: house.narrLevel,
      byMonth,
      residentNights: totalNights,
      violations: total,
      rate: ratePerResidentMonth(total, totalNights),
    };
  });
  const byManager = new Map<string, { userId: string; name: string; houseIds: string[] }>();
  for (const row of managers) {
    const entry = byManager.get(row.userId) ?? { userId: row.userId, name: row.name, houseIds: [] };
    entry.houseIds.push(row.houseId);
    byManager.set(row.userId, entry);
  }
  return {
    months,
    categories: [...categories].sort(),
    houses: perHouse,
    managers: [...byManager.values()].map((mgr) => {
      const theirs = perHouse.filter((h) => mgr.houseIds.includes(h.houseId));
      const nights = theirs.reduce((a, b) => a + b.residentNights, 0);
      const count = theirs.reduce((a, b) => a + b.violations, 0);
      return {
        userId: mgr.userId,
        name: mgr.name,
        houses: theirs.map((h) => h.name),
        residentNights: nights,
        violations: count,
        rate: ratePerResidentMonth(count, nights),
      };
    }),
  };
}
