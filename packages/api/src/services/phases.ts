// Phases of a house and each resident's place in them: staff define the phases,
// and move a resident from one to the next with who decided, when and why.
import { and, asc, desc, eq, isNull, newId, schema, sql } from '@porchlight/db';
import { addDays, conflict, invalid } from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { houseToday } from './houses';
import { commit } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;
type Phase = typeof schema.phases.$inferSelect;

function phaseOut(p: Phase) {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    curfewWeeknights: p.curfewWeeknights,
    curfewWeekends: p.curfewWeekends,
    overnightPassesAllowed: p.overnightPassesAllowed,
    passTypesAllowed: p.passTypesAllowed,
    minDaysBeforePasses: p.minDaysBeforePasses,
    dailyCheckIn: p.dailyCheckIn,
    curfewCheckIn: p.curfewCheckIn,
    meetingsPerWeek: p.meetingsPerWeek,
  };
}

export async function listPhases(ctx: AuthedContext & { house: House }) {
  const rows = await ctx.db
    .select()
    .from(schema.phases)
    .where(and(eq(schema.phases.houseId, ctx.house.id), isNull(schema.phases.archivedAt)))
    .orderBy(asc(schema.phases.position));
  return rows.map(phaseOut);
}

/** A resident's phases, newest first: the first is the one they are in now. */
export async function phaseHistory(ctx: Pick<AuthedContext, 'db'>, residentId: string) {
  return ctx.db
    .select({
      phaseId: schema.residentPhases.phaseId,
      name: schema.phases.name,
      houseId: schema.phases.houseId,
      startDate: schema.residentPhases.startDate,
      reason: schema.residentPhases.reason,
      decidedBy: schema.users.name,
    })
    .from(schema.residentPhases)
    .innerJoin(schema.phases, eq(schema.phases.id, schema.residentPhases.phaseId))
    .leftJoin(schema.users, eq(schema.users.id, schema.residentPhases.decidedBy))
    .where(eq(schema.residentPhases.residentId, residentId))
    .orderBy(desc(schema.residentPhases.startDate), desc(schema.residentPhases.createdAt));
}

/** The phase a resident is in now in `houseId`, with its rules, if any. */
export async function currentPhaseOf(
  ctx: Pick<AuthedContext, 'db'>,
  residentId: string,
  houseId: string,
): Promise<Phase | undefined> {
  const row = await ctx.db
    .select({ phase: schema.phases })
    .from(schema.residentPhases)
    .innerJoin(schema.phases, eq(schema.phases.id, schema.residentPhases.phaseId))
    .where(
      and(eq(schema.residentPhases.residentId, residentId), eq(schema.phases.houseId, houseId)),
    )
    .orderBy(desc(schema.residentPhases.startDate), desc(schema.residentPhases.createdAt))
    .limit(1)
    .get();
  return row?.phase;
}

/**
 * The write that puts a resident moving into a house in its first phase, when
 * the house has phases: part of the admission or transfer batch.
 */
export async function firstPhaseWrite(
  ctx: Pick<AuthedContext, 'db' | 'actor'>,
  houseId: string,
  residentId: string,
  startDate: string,
) {
  const first = await ctx.db
    .select({ id: schema.phases.id })
    .from(schema.phases)
    .where(and(eq(schema.phases.houseId, houseId), isNull(schema.phases.archivedAt)))
    .orderBy(asc(schema.phases.position))
    .limit(1)
    .get();
  if (!first) return [];
  return [
    ctx.db.insert(schema.residentPhases).values({
      id: newId(),
      residentId,
      phaseId: first.id,
      startDate,
      reason: 'Moved in',
      decidedBy: ctx.actor.userId,
    }),
  ];
}

type PhaseFields = Omit<
  typeof schema.phases.$inferInsert,
  'id' | 'houseId' | 'position' | 'createdAt' | 'updatedAt' | 'archivedAt'
>;

export async function createPhase(ctx: AuthedContext & { house: House }, input: PhaseFields) {
  const fields = { ...pickPhaseFields(input), curfewCheckIn: input.curfewCheckIn ?? true };
  const phaseId = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.phases).values({
        id: phaseId,
        houseId: ctx.house.id,
        // after the last phase; computed in the insert so two creates never share a place
        position: sql`(select coalesce(max(p.position), -1) + 1 from phases p where p.house_id = ${ctx.house.id})`,
        ...fields,
      }),
    ],
    [
      {
        action: 'phases.create',
        recordType: 'phase',
        recordId: phaseId,
        organisationId: ctx.house.organisationId,
        details: { houseId: ctx.house.id, ...fields },
      },
    ],
  );
  return { phaseId };
}

function pickPhaseFields(input: PhaseFields): PhaseFields {
  return {
    name: input.name,
    curfewWeeknights: input.curfewWeeknights,
    curfewWeekends: input.curfewWeekends,
    overnightPassesAllowed: input.overnightPassesAllowed,
    passTypesAllowed: input.passTypesAllowed,
    minDaysBeforePasses: input.minDaysBeforePasses,
    dailyCheckIn: input.dailyCheckIn,
    curfewCheckIn: input.curfewCheckIn,
    meetingsPerWeek: input.meetingsPerWeek,
  };
}

export async function updatePhase(
  ctx: AuthedContext & { house: House },
  input: PhaseFields & { phaseId: string },
) {
  const phase = await ctx.db
    .select()
    .from(schema.phases)
    .where(eq(schema.phases.id, input.phaseId))
    .get();
  if (!phase || phase.houseId !== ctx.house.id)
    throw invalid('phaseId', 'is not a phase of this house.');
  const fields = {
    ...pickPhaseFields(input),
    curfewCheckIn: input.curfewCheckIn ?? phase.curfewCheckIn,
  };
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.phases)
        .set({ ...fields, updatedAt: ctx.clock.now() })
        .where(eq(schema.phases.id, phase.id)),
    ],
    [
      {
        action: 'phases.update',
        recordType: 'phase',
        recordId: phase.id,
        organisationId: ctx.house.organisationId,
        // what it was, so a change to a curfew can be traced
        details: { houseId: ctx.house.id, before: phaseOut(phase), after: fields },
      },
    ],
  );
  return { phaseId: phase.id };
}

/** Moves a resident to a phase of their house from a date (today by default). */
export async function assignPhase(
  ctx: AuthedContext & { resident: Resident },
  input: { phaseId: string; startDate?: string | undefined; reason?: string | undefined },
) {
  const row = await ctx.db
    .select({ phase: schema.phases, house: schema.houses })
    .from(schema.phases)
    .innerJoin(schema.houses, eq(schema.houses.id, schema.phases.houseId))
    .where(eq(schema.phases.id, input.phaseId))
    .get();
  if (!row || row.phase.houseId !== ctx.resident.houseId || row.phase.archivedAt)
    throw invalid('phaseId', 'is not a phase of the resident’s house.');
  const openStay = await ctx.db
    .select({ startDate: schema.stays.startDate })
    .from(schema.stays)
    .where(and(eq(schema.stays.residentId, ctx.resident.id), isNull(schema.stays.endDate)))
    .get();
  if (!openStay) throw conflict('Only a resident who lives in the house has a phase.');
  const today = houseToday(ctx, row.house);
  const startDate = input.startDate ?? today;
  if (startDate > addDays(today, 30))
    throw invalid('startDate', 'must be within 30 days from today.');
  if (startDate < openStay.startDate)
    throw invalid('startDate', `must be on or after the move-in date (${openStay.startDate}).`);
  const current = await ctx.db
    .select({
      phaseId: schema.residentPhases.phaseId,
      startDate: schema.residentPhases.startDate,
    })
    .from(schema.residentPhases)
    .innerJoin(schema.phases, eq(schema.phases.id, schema.residentPhases.phaseId))
    .where(
      and(
        eq(schema.residentPhases.residentId, ctx.resident.id),
        eq(schema.phases.houseId, row.house.id),
      ),
    )
    .orderBy(desc(schema.residentPhases.startDate), desc(schema.residentPhases.createdAt))
    .limit(1)
    .get();
  if (current?.phaseId === input.phaseId)
    throw invalid('phaseId', 'is the phase the resident is already in.');
  if (current && startDate < current.startDate)
    throw invalid(
      'startDate',
      `must be on or after the start of the current phase (${current.startDate}): history is not rewritten.`,
    );
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.residentPhases).values({
        id,
        residentId: ctx.resident.id,
        phaseId: input.phaseId,
        startDate,
        reason: input.reason ?? null,
        decidedBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'phases.assign',
        recordType: 'resident_phase',
        recordId: id,
        organisationId: ctx.resident.organisationId,
        details: {
          residentId: ctx.resident.id,
          phaseId: input.phaseId,
          fromPhaseId: current?.phaseId ?? null,
          startDate,
          reason: input.reason ?? null,
        },
      },
    ],
  );
  return { residentPhaseId: id, startDate };
}
