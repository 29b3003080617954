// Recovery capital: the BARC-10 survey, due monthly. The resident answers; the
// total and its trend are shown to them and to their house's staff.
import { and, asc, desc, eq, isNull, newId, schema } from '@porchlight/db';
import {
  barc10Due,
  barc10Total,
  barc10Trend,
  BARC10_RECOVERY_THRESHOLD,
  type Barc10SubmitInput,
  conflict,
  localDateAt,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { openStayOf } from './check-ins';
import { commit } from './write';

type Resident = typeof schema.residents.$inferSelect;

export async function submitSurvey(
  ctx: AuthedContext & { resident: Resident },
  input: Barc10SubmitInput,
) {
  const open = await openStayOf(ctx, ctx.resident.id);
  if (!open) throw conflict('The recovery capital survey is for residents living in a house.');
  const now = ctx.clock.now();
  const forDate = localDateAt(now, open.house.timezone);
  const already = await ctx.db
    .select({ id: schema.recoveryCapitalSurveys.id })
    .from(schema.recoveryCapitalSurveys)
    .where(
      and(
        eq(schema.recoveryCapitalSurveys.residentId, ctx.resident.id),
        eq(schema.recoveryCapitalSurveys.forDate, forDate),
      ),
    )
    .get();
  if (already) throw conflict('You have already filled in the survey today.', 'answers');
  const total = barc10Total(input.answers);
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.recoveryCapitalSurveys).values({
        id,
        organisationId: open.house.organisationId,
        houseId: open.house.id,
        residentId: ctx.resident.id,
        answers: input.answers,
        total,
        forDate,
        submittedAt: now,
      }),
    ],
    [
      {
        action: 'recoveryCapital.submit',
        recordType: 'recovery_capital_survey',
        recordId: id,
        organisationId: open.house.organisationId,
        details: { total, forDate },
      },
    ],
  );
  return { surveyId: id, total, forDate };
}

/** Every survey of a resident, oldest first, with the trend and when the next is due. */
export async function surveyHistory(ctx: AuthedContext & { resident: Resident }) {
  const rows = await ctx.db
    .select()
    .from(schema.recoveryCapitalSurveys)
    .where(eq(schema.recoveryCapitalSurveys.residentId, ctx.resident.id))
    .orderBy(
      asc(schema.recoveryCapitalSurveys.forDate),
      asc(schema.recoveryCapitalSurveys.submittedAt),
    );
  const open = await openStayOf(ctx, ctx.resident.id);
  const latest = rows.at(-1);
  const due = open
    ? barc10Due(
        latest?.forDate ?? null,
        localDateAt(ctx.clock.now(), open.house.timezone),
        open.stay.startDate,
      )
    : null;
  return {
    threshold: BARC10_RECOVERY_THRESHOLD,
    trend: barc10Trend(rows.map((r) => ({ on: r.forDate, total: r.total }))),
    due,
    surveys: rows.map((r) => ({
      id: r.id,
      forDate: r.forDate,
      submittedAt: r.submittedAt.toISOString(),
      total: r.total,
      answers: r.answers,
    })),
  };
}

/** Each resident's surveys in date order, for the attention list. */
export async function surveysOf(ctx: Pick<AuthedContext, 'db'>, houseId: string) {
  const rows = await ctx.db
    .select({
      residentId: schema.recoveryCapitalSurveys.residentId,
      forDate: schema.recoveryCapitalSurveys.forDate,
      total: schema.recoveryCapitalSurveys.total,
    })
    .from(schema.recoveryCapitalSurveys)
    .innerJoin(
      schema.stays,
      and(
        eq(schema.stays.residentId, schema.recoveryCapitalSurveys.residentId),
        eq(schema.stays.houseId, houseId),
        isNull(schema.stays.endDate),
      ),
    )
    .orderBy(desc(schema.recoveryCapitalSurveys.forDate));
  const map = new Map<string, { on: string; total: number }[]>();
  for (const r of rows)
    map.set(r.residentId, [{ on: r.forDate, total: r.total }, ...(map.get(r.residentId) ?? [])]);
  return map;
}
