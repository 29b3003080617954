// Drug and alcohol tests: recorded by staff, seen only by staff of the house and
// the resident themself, and every read written to the audit log. A refusal
// counts as a positive everywhere. A lab confirmation is a new entry pointing to
// the test it confirms; the test as first recorded stays. Random draws are fair
// and reproducible: the record keeps who was eligible, who was drawn and the seed.
import {
  alias,
  and,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  newId,
  schema,
} from '@porchlight/db';
import {
  conflict,
  countsAsPositive,
  drawResidents,
  drawSize,
  type DrugTestConfirmInput,
  type DrugTestRecordInput,
  type DrugTestResult,
  effectiveResult,
  invalid,
  type LabResult,
  localDateAt,
  newDrawSeed,
  POSITIVE_RESULTS,
  type RandomDrawInput,
  SUBSTANCE_LABELS,
  verifyDraw,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName, houseToday } from './houses';
import { offsetOf, toPage } from './pages';
import { openStayOf } from './check-ins';
import { auditRead, commit } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;
type DrugTest = typeof schema.drugTests.$inferSelect;

const recorder = alias(schema.users, 'recorder');

function selectTests(ctx: Pick<AuthedContext, 'db'>) {
  return ctx.db
    .select({
      t: schema.drugTests,
      firstName: schema.residents.firstName,
      lastName: schema.residents.lastName,
      preferredName: schema.residents.preferredName,
      recordedByName: recorder.name,
    })
    .from(schema.drugTests)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.drugTests.residentId))
    .leftJoin(recorder, eq(recorder.id, schema.drugTests.recordedBy));
}
type TestRow = Awaited<ReturnType<ReturnType<typeof selectTests>['all']>>[number];

/** Tests with their confirmations folded in, newest first, and the result that stands. */
async function testsOut(ctx: Pick<AuthedContext, 'db'>, rows: readonly TestRow[]) {
  const ids = rows.map((r) => r.t.id);
  const confirmations =
    ids.length === 0
      ? []
      : await selectTests(ctx)
          .where(inArray(schema.drugTests.confirmsId, ids))
          .orderBy(schema.drugTests.recordedAt);
  return rows.map((row) => {
    const theirs = confirmations.filter((c) => c.t.confirmsId === row.t.id);
    const result = effectiveResult(
      { result: row.t.result as DrugTestResult },
      theirs.map((c) => ({ result: c.t.result as LabResult, recordedAt: c.t.recordedAt })),
    );
    const latest = theirs.at(-1);
    return {
      id: row.t.id,
      residentId: row.t.residentId,
      residentName: displayName(row),
      houseId: row.t.houseId,
      type: row.t.type,
      method: row.t.method,
      panel: row.t.panel,
      result: row.t.result,
      positiveFor: row.t.positiveFor,
      witness: row.t.witness,
      notes: row.t.notes,
      drawId: row.t.drawId,
      collectedAt: row.t.collectedAt.toISOString(),
      recordedAt: row.t.recordedAt.toISOString(),
      recordedByName: row.recordedByName,
      // the result that stands after any lab confirmation; a refusal counts as positive
      standing: result,
      standingPositiveFor: latest ? latest.t.positiveFor : row.t.positiveFor,
      countsAsPositive: countsAsPositive(result),
      confirmations: theirs.map((c) => ({
        id: c.t.id,
        result: c.t.result,
        positiveFor: c.t.positiveFor,
        lab: c.t.lab,
        notes: c.t.notes,
        recordedAt: c.t.recordedAt.toISOString(),
        recordedByName: c.recordedByName,
      })),
    };
  });
}

async function auditTestRead(
  ctx: AuthedContext,
  organisationId: string,
  testIds: string[],
  details: Record<string, unknown>,
) {
  if (testIds.length === 0) return;
  await auditRead(ctx, {
    action: 'tests.read',
    recordType: 'drug_test',
    recordId: testIds.length === 1 ? (testIds[0] ?? null) : null,
    organisationId,
    details: { ...details, testIds },
  });
}

/** Records a test taken from a resident of the house. */
export async function recordTest(
  ctx: AuthedContext & { resident: Resident },
  input: DrugTestRecordInput,
) {
  const open = await openStayOf(ctx, ctx.resident.id);
  if (!open) throw conflict('Tests are recorded for residents living in a house.', 'residentId');
  const { house, stay } = open;
  const now = ctx.clock.now();
  const collectedAt = input.collectedAt ?? now;
  if (collectedAt.getTime() > now.getTime() + 5 * 60_000)
    throw invalid('collectedAt', 'cannot be in the future.');
  if (collectedAt.getTime() < now.getTime() - 14 * 86_400_000)
    throw invalid('collectedAt', 'can be at most 14 days ago.');
  if (localDateAt(collectedAt, house.timezone) < stay.startDate)
    throw invalid('collectedAt', 'is before the resident moved in.');
  // a random test taken from a resident drawn in the last two days belongs to that draw
  const drawId =
    input.type === 'random'
      ? ((
          await ctx.db
            .select({ id: schema.randomDraws.id, drawn: schema.randomDraws.drawn })
            .from(schema.randomDraws)
            .where(
              and(
                eq(schema.randomDraws.houseId, house.id),
                gte(schema.randomDraws.requestedAt, new Date(now.getTime() - 2 * 86_400_000)),
              ),
            )
            .orderBy(desc(schema.randomDraws.requestedAt))
        ).find((d) => d.drawn.includes(ctx.resident.id))?.id ?? null)
      : null;
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.drugTests).values({
        id,
        organisationId: house.organisationId,
        houseId: house.id,
        residentId: ctx.resident.id,
        confirmsId: null,
        drawId,
        type: input.type,
        method: input.method,
        panel: input.panel,
        result: input.result,
        positiveFor: input.positiveFor,
        witness: input.witness ?? null,
        notes: input.notes ?? null,
        collectedAt,
        recordedAt: now,
        recordedBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'tests.record',
        recordType: 'drug_test',
        recordId: id,
        organisationId: house.organisationId,
        details: { residentId: ctx.resident.id, type: input.type, drawId },
      },
    ],
  );
  return {
    testId: id,
    drawId,
    result: input.result,
    countsAsPositive: countsAsPositive(input.result),
  };
}

/** A lab's confirmation of a test, kept beside the test as first recorded. */
export async function confirmTest(
  ctx: AuthedContext & { record: DrugTest },
  input: DrugTestConfirmInput,
) {
  const test = ctx.record;
  if (test.confirmsId)
    throw conflict('This is a lab confirmation: confirm the test it belongs to.', 'testId');
  const notTested = input.positiveFor.filter((s) => !test.panel.includes(s));
  if (notTested.length > 0)
    throw invalid(
      'positiveFor',
      `must only name substances on the test's panel: ${notTested
        .map((s) => SUBSTANCE_LABELS[s] ?? s)
        .join(', ')} ${notTested.length === 1 ? 'was' : 'were'} not tested for.`,
    );
  const now = ctx.clock.now();
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.drugTests).values({
        id,
        organisationId: test.organisationId,
        houseId: test.houseId,
        residentId: test.residentId,
        confirmsId: test.id,
        drawId: null,
        type: test.type,
        method: 'lab',
        panel: test.panel,
        result: input.result,
        positiveFor: input.positiveFor,
        lab: input.lab,
        witness: null,
        notes: input.notes ?? null,
        collectedAt: test.collectedAt,
        recordedAt: now,
        recordedBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'tests.confirm',
        recordType: 'drug_test',
        recordId: id,
        organisationId: test.organisationId,
        details: { confirms: test.id, result: input.result, lab: input.lab },
      },
    ],
  );
  return { confirmationId: id, standing: input.result };
}

/** The house's tests log, newest first; every read is audited. */
export async function listTests(
  ctx: AuthedContext & { house: House },
  input: { residentId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectTests(ctx)
    .where(
      and(
        eq(schema.drugTests.houseId, ctx.house.id),
        isNull(schema.drugTests.confirmsId),
        input.residentId ? eq(schema.drugTests.residentId, input.residentId) : undefined,
      ),
    )
    .orderBy(desc(schema.drugTests.collectedAt))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows, offset, input.limit);
  const items = await testsOut(ctx, page.items);
  await auditTestRead(
    ctx,
    ctx.house.organisationId,
    items.map((t) => t.id),
    { houseId: ctx.house.id },
  );
  return { items, nextCursor: page.nextCursor };
}

/** One resident's tests, for the resident and staff of their house; audited. */
export async function residentTests(
  ctx: AuthedContext & { resident: Resident },
  input: { cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectTests(ctx)
    .where(
      and(eq(schema.drugTests.residentId, ctx.resident.id), isNull(schema.drugTests.confirmsId)),
    )
    .orderBy(desc(schema.drugTests.collectedAt))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows, offset, input.limit);
  const items = await testsOut(ctx, page.items);
  await auditTestRead(
    ctx,
    ctx.resident.organisationId,
    items.map((t) => t.id),
    { residentId: ctx.resident.id },
  );
  return { items, nextCursor: page.nextCursor };
}

/** One test with its confirmations; audited. */
export async function getTest(ctx: AuthedContext & { record: DrugTest }) {
  const originalId = ctx.record.confirmsId ?? ctx.record.id;
  const rows = await selectTests(ctx).where(eq(schema.drugTests.id, originalId));
  const [item] = await testsOut(ctx, rows);
  if (!item) throw conflict('This test is missing its original entry.');
  await auditTestRead(ctx, ctx.record.organisationId, [item.id], {});
  return item;
}

/**
 * The tests collected in `houseIds` since `since` that can stand as positive,
 * with the lab confirmations of that time. Only a positive or refused test, or
 * one a lab confirmed, can; each is found by its own index, so the many
 * negative tests are never read. A confirmation keeps the collection time of
 * the test it confirms. Only the fields that decide the standing result are read.
 */
async function mayStandPositive(
  ctx: Pick<AuthedContext, 'db'>,
  houseIds: readonly string[],
  since: Date,
) {
  const houses = [...houseIds];
  const t = schema.drugTests;
  const [flagged, confirmations] = await Promise.all([
    ctx.db
      .select({ id: t.id, houseId: t.houseId, result: t.result })
      .from(t)
      .where(
        and(
          inArray(t.houseId, houses),
          inArray(t.result, [...POSITIVE_RESULTS]),
          isNull(t.confirmsId),
          gte(t.collectedAt, since),
        ),
      ),
    ctx.db
      .select({ confirmsId: t.confirmsId, result: t.result, recordedAt: t.recordedAt })
      .from(t)
      .where(and(inArray(t.houseId, houses), gte(t.collectedAt, since), isNotNull(t.confirmsId)))
      .orderBy(t.recordedAt),
  ]);
  const seen = new Set(flagged.map((r) => r.id));
  const more = [...new Set(confirmations.map((c) => c.confirmsId ?? ''))].filter(
    (id) => id !== '' && !seen.has(id),
  );
  const originals =
    more.length === 0
      ? flagged
      : [
          ...flagged,
          ...(await ctx.db
            .select({ id: t.id, houseId: t.houseId, result: t.result })
            .from(t)
            .where(and(inArray(t.id, more), isNull(t.confirmsId)))),
        ];
  return { originals, confirmations };
}

/** Tests in `houseIds` with a positive or refused standing result since `since` (the attention list). */
export async function positiveTestsSince(
  ctx: Pick<AuthedContext, 'db'>,
  houseIds: readonly string[],
  since: Date,
) {
  if (houseIds.length === 0) return [];
  const { originals } = await mayStandPositive(ctx, houseIds, since);
  if (originals.length === 0) return [];
  const rows = await selectTests(ctx).where(
    inArray(
      schema.drugTests.id,
      originals.map((o) => o.id),
    ),
  );
  return (await testsOut(ctx, rows)).filter((test) => test.countsAsPositive);
}

/**
 * How many tests collected since `since` stand as positive, per house: the
 * operator's overview needs only the number (the same rule as `positiveTestsSince`).
 */
export async function positiveTestCounts(
  ctx: Pick<AuthedContext, 'db'>,
  houseIds: readonly string[],
  since: Date,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (houseIds.length === 0) return counts;
  const { originals, confirmations } = await mayStandPositive(ctx, houseIds, since);
  const confirmationsOf = new Map<string, Array<{ result: LabResult; recordedAt: Date }>>();
  for (const c of confirmations) {
    if (!c.confirmsId) continue;
    const list = confirmationsOf.get(c.confirmsId) ?? [];
    list.push({ result: c.result as LabResult, recordedAt: c.recordedAt });
    confirmationsOf.set(c.confirmsId, list);
  }
  for (const o of originals) {
    const result = effectiveResult(
      { result: o.result as DrugTestResult },
      confirmationsOf.get(o.id) ?? [],
    );
    if (countsAsPositive(result)) counts.set(o.houseId, (counts.get(o.houseId) ?? 0) + 1);
  }
  return counts;
}

/** Residents living in the house now and not away on an approved pass. */
async function presentResidents(ctx: AuthedContext & { house: House }) {
  const now = ctx.clock.now();
  const today = houseToday(ctx, ctx.house);
  const living = await ctx.db
    .select({ r: schema.residents })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(
      and(
        eq(schema.stays.houseId, ctx.house.id),
        lte(schema.stays.startDate, today),
        isNull(schema.stays.endDate),
      ),
    );
  const away = await ctx.db
    .select({ residentId: schema.passes.residentId })
    .from(schema.passes)
    .where(
      and(
        eq(schema.passes.houseId, ctx.house.id),
        eq(schema.passes.status, 'approved'),
        isNull(schema.passes.returnedAt),
        lte(schema.passes.departAt, now),
      ),
    );
  const awayIds = new Set(away.map((a) => a.residentId));
  return {
    present: living.filter(({ r }) => !awayIds.has(r.id)).map(({ r }) => r),
    away: living.filter(({ r }) => awayIds.has(r.id)).map(({ r }) => r),
  };
}

/** Draws residents present in the house for random testing and records the draw. */
export async function randomDraw(ctx: AuthedContext & { house: House }, input: RandomDrawInput) {
  const { present, away } = await presentResidents(ctx);
  if (present.length === 0)
    throw conflict('Nobody is in the house to draw from: every resident is away or moved out.');
  const eligible = present.map((r) => r.id).sort();
  const size = drawSize(eligible.length, input);
  const seed = newDrawSeed();
  const drawn = drawResidents(eligible, size, seed);
  const now = ctx.clock.now();
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.randomDraws).values({
        id,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        requestedBy: ctx.actor.userId,
        requestedAt: now,
        count: input.count ?? null,
        percent: input.percent ?? null,
        reason: input.reason ?? null,
        eligible,
        drawn,
        seed,
      }),
    ],
    [
      {
        action: 'tests.randomDraw',
        recordType: 'random_draw',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: {
          houseId: ctx.house.id,
          count: input.count ?? null,
          percent: input.percent ?? null,
          size,
          seed,
          eligible,
          drawn,
          away: away.map((r) => r.id),
        },
      },
    ],
  );
  const names = new Map(present.map((r) => [r.id, displayName(r)]));
  return {
    drawId: id,
    requestedAt: now.toISOString(),
    seed,
    size,
    eligibleCount: eligible.length,
    eligible: eligible.map((rid) => ({ residentId: rid, name: names.get(rid) ?? '' })),
    drawn: drawn.map((rid) => ({ residentId: rid, name: names.get(rid) ?? '' })),
    notEligible: away.map((r) => ({
      residentId: r.id,
      name: displayName(r),
      why: 'away on a pass',
    })),
  };
}

/** The house's past draws, each re-run from its record to show it was what the seed gives. */
export async function listDraws(
  ctx: AuthedContext & { house: House },
  input: { cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await ctx.db
    .select({ d: schema.randomDraws, requestedByName: schema.users.name })
    .from(schema.randomDraws)
    .innerJoin(schema.users, eq(schema.users.id, schema.randomDraws.requestedBy))
    .where(eq(schema.randomDraws.houseId, ctx.house.id))
    .orderBy(desc(schema.randomDraws.requestedAt))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows, offset, input.limit);
  const ids = [...new Set(page.items.flatMap(({ d }) => d.eligible))];
  const residents =
    ids.length === 0
      ? []
      : await ctx.db.select().from(schema.residents).where(inArray(schema.residents.id, ids));
  const names = new Map(residents.map((r) => [r.id, displayName(r)]));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ d, requestedByName }) => ({
      id: d.id,
      requestedAt: d.requestedAt.toISOString(),
      requestedByName,
      count: d.count,
      percent: d.percent,
      reason: d.reason,
      seed: d.seed,
      eligible: d.eligible.map((rid) => ({ residentId: rid, name: names.get(rid) ?? '' })),
      drawn: d.drawn.map((rid) => ({ residentId: rid, name: names.get(rid) ?? '' })),
      // anyone can re-run the draw from its record; this says whether it matches
      verified: verifyDraw({
        eligible: d.eligible,
        size: d.drawn.length,
        seed: d.seed,
        drawn: d.drawn,
      }),
    })),
  };
}
