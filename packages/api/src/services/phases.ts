// Phases of a house and each resident's place in them.
import { asc, desc, eq, and, isNull, schema } from '@porchlight/db';
import type { AuthedContext } from '../trpc';

type House = typeof schema.houses.$inferSelect;

export async function listPhases(ctx: AuthedContext & { house: House }) {
  const rows = await ctx.db
    .select()
    .from(schema.phases)
    .where(and(eq(schema.phases.houseId, ctx.house.id), isNull(schema.phases.archivedAt)))
    .orderBy(asc(schema.phases.position));
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    curfewWeeknights: p.curfewWeeknights,
    curfewWeekends: p.curfewWeekends,
    overnightPassesAllowed: p.overnightPassesAllowed,
    passTypesAllowed: p.passTypesAllowed,
    minDaysBeforePasses: p.minDaysBeforePasses,
    dailyCheckIn: p.dailyCheckIn,
    meetingsPerWeek: p.meetingsPerWeek,
  }));
}

/** A resident's phases, newest first: the first is the one they are in now. */
export async function phaseHistory(ctx: Pick<AuthedContext, 'db'>, residentId: string) {
  return ctx.db
    .select({
      phaseId: schema.residentPhases.phaseId,
      name: schema.phases.name,
      startDate: schema.residentPhases.startDate,
      reason: schema.residentPhases.reason,
    })
    .from(schema.residentPhases)
    .innerJoin(schema.phases, eq(schema.phases.id, schema.residentPhases.phaseId))
    .where(eq(schema.residentPhases.residentId, residentId))
    .orderBy(desc(schema.residentPhases.startDate), desc(schema.residentPhases.createdAt));
}
