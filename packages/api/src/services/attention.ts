// Who needs attention in a house: the facts are gathered here in a fixed number
// of queries; the rules that turn them into flags live in the domain package.
import { and, eq, gte, inArray, isNull, lte, or, schema } from '@porchlight/db';
import {
  addDays,
  attentionFlags,
  POSITIVE_TEST_DAYS,
  type ResidentFacts,
  SUBSTANCE_LABELS,
  type Substance,
  weekStart,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { outNow, residentDays } from './check-ins';
import { positiveTestsSince } from './drug-tests';
import { displayName, houseToday } from './houses';
import { surveysOf } from './recovery-capital';
import { supportFactsOf } from './support';
import { auditRead } from './write';

type House = typeof schema.houses.$inferSelect;

/**
 * The flags of a house's attention list, computed without reading them out: the
 * operator's overview counts them, and only the list itself is a read of the
 * records behind them.
 */
export async function attentionFlagsOf(ctx: Pick<AuthedContext, 'db' | 'clock'>, house: House) {
  const now = ctx.clock.now();
  const today = houseToday(ctx, house);
  const yesterday = addDays(today, -1);
  const from = addDays(today, -15);
  const monday = weekStart(today);
  const living = await ctx.db
    .select({ r: schema.residents, startDate: schema.stays.startDate })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(
      and(
        eq(schema.stays.houseId, house.id),
        lte(schema.stays.startDate, today),
        or(isNull(schema.stays.endDate), gte(schema.stays.endDate, today)),
      ),
    );
  const residents = [...new Map(living.map((row) => [row.r.id, row.r])).values()];
  const ids = residents.map((r) => r.id);
  const startOf = new Map<string, string>();
  for (const row of living) {
    const seen = startOf.get(row.r.id);
    if (!seen || row.startDate < seen) startOf.set(row.r.id, row.startDate);
  }
  const [days, out, positives, surveys, support] = await Promise.all([
    residentDays(ctx, house, ids, from < monday ? from : monday, today),
    outNow(ctx, house),
    positiveTestsSince(ctx, [house.id], new Date(now.getTime() - POSITIVE_TEST_DAYS * 86_400_000)),
    surveysOf(ctx, house.id),
    supportFactsOf(
      ctx,
      house,
      residents.map((r) => ({ id: r.id, startDate: startOf.get(r.id) ?? today })),
      today,
    ),
  ]);
  // meetings logged in this week's check-ins, as they stand after corrections
  const currentIds = [...days.values()].flatMap((d) =>
    [...d.daily.values()]
      .filter((e) => e.original.forDate >= monday)
      .map((e) => ({ residentId: d.residentId, checkInId: e.current.id })),
  );
  const meetingRows =
    currentIds.length === 0
      ? []
      : await ctx.db
          .select({ checkInId: schema.checkInMeetings.checkInId })
          .from(schema.checkInMeetings)
          .where(
            inArray(
              schema.checkInMeetings.checkInId,
              currentIds.map((c) => c.checkInId),
            ),
          );
  const meetingsBy = new Map<string, number>();
  for (const m of meetingRows) {
    const owner = currentIds.find((c) => c.checkInId === m.checkInId)?.residentId;
    if (owner) meetingsBy.set(owner, (meetingsBy.get(owner) ?? 0) + 1);
  }

  const facts: ResidentFacts[] = residents.map((r) => {
    const d = days.get(r.id);
    const status = (date: string) => {
      const day = d?.days.find((x) => x.date === date);
      return day ? { daily: day.daily.status, curfew: day.curfew.status } : null;
    };
    const phase = d?.phaseOn(today);
    const theirOut = out.find((o) => o.residentId === r.id);
    return {
      residentId: r.id,
      name: displayName(r),
      out: theirOut
        ? {
            kind: theirOut.kind,
            id: theirOut.id,
            destination: theirOut.destination,
            expectedReturnAt: new Date(theirOut.expectedReturnAt),
            overdueMinutes: theirOut.overdueMinutes,
          }
        : null,
      today: status(today) ?? { daily: 'not_required', curfew: 'not_required' },
      yesterday: status(yesterday),
      cravings: d
        ? [...d.daily.values()]
            .filter((e) => e.original.forDate >= from && e.current.craving !== null)
            .map((e) => ({
              date: e.original.forDate,
              craving: e.current.craving ?? 0,
              checkInId: e.original.id,
            }))
        : [],
      positiveTests: positives
        .filter((t) => t.residentId === r.id)
        .map((t) => ({
          id: t.id,
          collectedAt: new Date(t.collectedAt),
          result: t.standing,
          positiveFor: t.standingPositiveFor.map((s) => SUBSTANCE_LABELS[s as Substance] ?? s),
        })),
      barc10: surveys.get(r.id) ?? [],
      meetings: {
        thisWeek: meetingsBy.get(r.id) ?? 0,
        required: phase?.meetingsPerWeek ?? 0,
        phaseName: phase?.name ?? null,
      },
      ...(support.has(r.id) ? { support: support.get(r.id) } : {}),
    };
  });
  return {
    today,
    now,
    residentsCounted: residents.length,
    flags: attentionFlags(facts, today, now, house.timezone),
  };
}

export async function attentionList(ctx: AuthedContext & { house: House }) {
  const house = ctx.house;
  const { today, now, residentsCounted, flags } = await attentionFlagsOf(ctx, house);
  const testIds = flags.filter((f) => f.kind === 'positive_test').map((f) => f.link.id);
  if (testIds.length > 0)
    await auditRead(ctx, {
      action: 'tests.read',
      recordType: 'drug_test',
      recordId: null,
      organisationId: house.organisationId,
      details: { houseId: house.id, testIds, via: 'attention.list' },
    });
  return {
    house: { id: house.id, name: house.name, timezone: house.timezone },
    today,
    generatedAt: now.toISOString(),
    residentsCounted,
    flags: flags.map((f) => ({
      residentId: f.residentId,
      residentName: f.residentName,
      kind: f.kind,
      why: f.why,
      link: f.link,
    })),
  };
}
