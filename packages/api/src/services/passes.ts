// Passes: a resident asks, checked against their phase; staff decide with a
// reason; the return is recorded, and a late one is flagged until the manager
// turns it into a violation or excuses it.
import { TRPCError } from '@trpc/server';
import {
  alias,
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lt,
  newId,
  schema,
  sql,
} from '@porchlight/db';
import {
  checkPassEligibility,
  conflict,
  curfewStatus,
  invalid,
  type PassRequestInput,
  passProgress,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName } from './houses';
import { offsetOf, toPage } from './pages';
import { currentPhaseOf } from './phases';
import { commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;
type Pass = typeof schema.passes.$inferSelect;

const decider = alias(schema.users, 'decider');

function passSelection() {
  return {
    pass: schema.passes,
    firstName: schema.residents.firstName,
    lastName: schema.residents.lastName,
    preferredName: schema.residents.preferredName,
    timezone: schema.houses.timezone,
    decidedByName: decider.name,
    violationId: sql<
      string | null
    >`(select v.id from violations v where v.pass_id = ${schema.passes.id} and v.voided_at is null limit 1)`,
  };
}

function selectPasses(ctx: Pick<AuthedContext, 'db'>) {
  return ctx.db
    .select(passSelection())
    .from(schema.passes)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.passes.residentId))
    .innerJoin(schema.houses, eq(schema.houses.id, schema.passes.houseId))
    .leftJoin(decider, eq(decider.id, schema.passes.decidedBy));
}

type PassRow = {
  pass: Pass;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  timezone: string;
  decidedByName: string | null;
  violationId: string | null;
};

/** A pass as people see it: where it stands now, and whether its return was late. */
function passOut(row: PassRow, now: Date, phase?: Parameters<typeof curfewStatus>[0]) {
  const p = row.pass;
  const progress = passProgress(p, now);
  const minutesLate = progress.state === 'returned' ? progress.minutesLate : 0;
  const afterCurfew =
    phase && p.returnedAt && minutesLate > 0
      ? curfewStatus(phase, p.returnedAt, row.timezone)
      : null;
  return {
    id: p.id,
    houseId: p.houseId,
    residentId: p.residentId,
    residentName: displayName(row),
    type: p.type,
    destination: p.destination,
    departAt: p.departAt.toISOString(),
    expectedReturnAt: p.expectedReturnAt.toISOString(),
    contact: p.contact,
    note: p.note,
    status: p.status,
    eligibilityNotes: p.eligibilityNotes,
    decidedBy: row.decidedByName,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionReason: p.decisionReason,
    returnedAt: p.returnedAt?.toISOString() ?? null,
    progress,
    late:
      minutesLate > 0
        ? {
            minutesLate,
            afterCurfew: afterCurfew?.late ? afterCurfew.minutesLate : null,
            violationId: row.violationId,
            excusedAt: p.lateExcusedAt?.toISOString() ?? null,
            excuseReason: p.lateExcuseReason,
          }
        : null,
    createdAt: p.createdAt.toISOString(),
  };
}

async function openStayOf(ctx: Pick<AuthedContext, 'db'>, residentId: string) {
  return ctx.db
    .select({ stay: schema.stays, house: schema.houses })
    .from(schema.stays)
    .innerJoin(schema.houses, eq(schema.houses.id, schema.stays.houseId))
    .where(and(eq(schema.stays.residentId, residentId), isNull(schema.stays.endDate)))
    .get();
}

/** A resident asks for a pass; a request the phase does not allow is refused, naming the field. */
export async function requestPass(
  ctx: AuthedContext & { resident: Resident },
  input: PassRequestInput,
) {
  const open = await openStayOf(ctx, ctx.resident.id);
  if (!open) throw conflict('Passes are for residents living in a house.');
  const phase = await currentPhaseOf(ctx, ctx.resident.id, open.house.id);
  const notes: string[] = [];
  if (phase) {
    const check = checkPassEligibility({
      phase,
      request: input,
      moveInDate: open.stay.startDate,
      timeZone: open.house.timezone,
      now: ctx.clock.now(),
    });
    const refusal = check.refusals[0];
    if (refusal) throw invalid(refusal.field, refusal.message);
    notes.push(...check.notes);
  } else {
    notes.push('No phase assigned: check this request against the house rules.');
  }
  const passId = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.passes).values({
        id: passId,
        organisationId: ctx.resident.organisationId,
        houseId: open.house.id,
        residentId: ctx.resident.id,
        type: input.type,
        destination: input.destination,
        departAt: input.departAt,
        expectedReturnAt: input.expectedReturnAt,
        contact: input.contact ?? null,
        note: input.note ?? null,
        status: 'requested',
        eligibilityNotes: notes,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'passes.request',
        recordType: 'pass',
        recordId: passId,
        organisationId: ctx.resident.organisationId,
        details: { houseId: open.house.id, residentId: ctx.resident.id, type: input.type },
      },
    ],
  );
  return { passId, status: 'requested' as const, eligibilityNotes: notes };
}

/** Staff approve or decline a requested pass; a decline says why. */
export async function decidePass(
  ctx: AuthedContext & { record: Pass },
  input: { decision: 'approve' | 'decline'; reason?: string | undefined },
) {
  if (ctx.record.status !== 'requested')
    throw conflict(`This pass has already been ${ctx.record.status}.`);
  const status = input.decision === 'approve' ? 'approved' : 'declined';
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.passes)
      .set({
        status,
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        decisionReason: input.reason ?? null,
      })
      .where(and(eq(schema.passes.id, ctx.record.id), eq(schema.passes.status, 'requested'))),
    {
      action: 'passes.decide',
      recordType: 'pass',
      recordId: ctx.record.id,
      organisationId: ctx.record.organisationId,
      details: { residentId: ctx.record.residentId, status, reason: input.reason ?? null },
    },
  );
  return { passId: ctx.record.id, status };
}

/** The resident withdraws a request, or an approved pass before leaving. */
export async function cancelPass(ctx: AuthedContext & { record: Pass }) {
  const p = ctx.record;
  const now = ctx.clock.now();
  const cancellable =
    p.status === 'requested' || (p.status === 'approved' && now.getTime() < p.departAt.getTime());
  if (!cancellable)
    throw conflict(
      p.status === 'approved'
        ? 'You have already left on this pass: record your return instead.'
        : `This pass is ${p.status}.`,
    );
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.passes)
      .set({ status: 'cancelled' })
      .where(
        and(eq(schema.passes.id, p.id), inArray(schema.passes.status, ['requested', 'approved'])),
      ),
    {
      action: 'passes.cancel',
      recordType: 'pass',
      recordId: p.id,
      organisationId: p.organisationId,
      details: { residentId: p.residentId, previousStatus: p.status },
    },
  );
  return { passId: p.id, status: 'cancelled' as const };
}

/**
 * Records the return from an approved pass: the resident says "I'm back" (the
 * server's time), or staff record it after the fact with the time it happened.
 */
export async function markReturned(
  ctx: AuthedContext & { record: Pass; isStaff: boolean },
  input: { returnedAt?: Date | undefined },
) {
  const p = ctx.record;
  const now = ctx.clock.now();
  if (p.status !== 'approved') throw conflict('Only an approved pass has a return to record.');
  if (p.returnedAt) throw conflict('The return from this pass is already recorded.');
  if (input.returnedAt && !ctx.isStaff)
    throw invalid('returnedAt', 'is set by the server when you record your own return.');
  const returnedAt = input.returnedAt ?? now;
  if (returnedAt.getTime() > now.getTime() + 60_000)
    throw invalid('returnedAt', 'cannot be in the future.');
  if (returnedAt.getTime() < p.departAt.getTime())
    throw invalid('returnedAt', 'must be after the departure.');
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.passes)
      .set({ returnedAt, returnedRecordedBy: ctx.actor.userId })
      .where(and(eq(schema.passes.id, p.id), isNull(schema.passes.returnedAt))),
    {
      action: 'passes.markReturned',
      recordType: 'pass',
      recordId: p.id,
      organisationId: p.organisationId,
      details: { residentId: p.residentId, returnedAt: returnedAt.toISOString() },
    },
  );
  const late = returnedAt.getTime() - p.expectedReturnAt.getTime();
  return {
    passId: p.id,
    returnedAt: returnedAt.toISOString(),
    minutesLate: late > 0 ? Math.floor(late / 60_000) : 0,
  };
}

/** The manager looked at a late return and chose not to make it a violation, saying why. */
export async function excuseLateReturn(
  ctx: AuthedContext & { record: Pass },
  input: { reason: string },
) {
  const p = ctx.record;
  if (!p.returnedAt || p.returnedAt.getTime() <= p.expectedReturnAt.getTime())
    throw conflict('This pass was not returned late.');
  if (p.lateExcusedAt) throw conflict('This late return has already been excused.');
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.passes)
      .set({
        lateExcusedAt: ctx.clock.now(),
        lateExcusedBy: ctx.actor.userId,
        lateExcuseReason: input.reason,
      })
      .where(and(eq(schema.passes.id, p.id), isNull(schema.passes.lateExcusedAt))),
    {
      action: 'passes.excuseLate',
      recordType: 'pass',
      recordId: p.id,
      organisationId: p.organisationId,
      details: { residentId: p.residentId, reason: input.reason },
    },
  );
  return { passId: p.id };
}

async function phasesByResident(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
  residentIds: string[],
) {
  const map = new Map<string, Awaited<ReturnType<typeof currentPhaseOf>>>();
  await Promise.all(
    [...new Set(residentIds)].map(async (id) =>
      map.set(id, await currentPhaseOf(ctx, id, houseId)),
    ),
  );
  return map;
}

/**
 * What needs the manager now: requests waiting for a decision, who is out
 * (overdue first), and late returns of the last 30 days nobody has dealt with.
 */
export async function passBoard(ctx: AuthedContext & { house: House }) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [pending, out, late] = await Promise.all([
    selectPasses(ctx)
      .where(and(eq(schema.passes.houseId, ctx.house.id), eq(schema.passes.status, 'requested')))
      .orderBy(asc(schema.passes.departAt))
      .limit(100),
    selectPasses(ctx)
      .where(
        and(
          eq(schema.passes.houseId, ctx.house.id),
          eq(schema.passes.status, 'approved'),
          isNull(schema.passes.returnedAt),
          lt(schema.passes.departAt, new Date(now.getTime() + 86_400_000)),
        ),
      )
      .orderBy(asc(schema.passes.expectedReturnAt))
      .limit(100),
    selectPasses(ctx)
      .where(
        and(
          eq(schema.passes.houseId, ctx.house.id),
          eq(schema.passes.status, 'approved'),
          gt(schema.passes.returnedAt, since),
          sql`${schema.passes.returnedAt} > ${schema.passes.expectedReturnAt}`,
          isNull(schema.passes.lateExcusedAt),
          sql`not exists (select 1 from violations v where v.pass_id = ${schema.passes.id} and v.voided_at is null)`,
        ),
      )
      .orderBy(desc(schema.passes.returnedAt))
      .limit(100),
  ]);
  const phases = await phasesByResident(
    ctx,
    ctx.house.id,
    late.map((r) => r.pass.residentId),
  );
  return {
    now: now.toISOString(),
    pending: pending.map((r) => passOut(r, now)),
    out: out.map((r) => passOut(r, now)),
    lateReturns: late.map((r) => passOut(r, now, phases.get(r.pass.residentId))),
  };
}

/** Every pass of a house, newest departure first, a page at a time. */
export async function listPasses(
  ctx: AuthedContext & { house: House },
  input: {
    status?: Pass['status'] | undefined;
    residentId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectPasses(ctx)
    .where(
      and(
        eq(schema.passes.houseId, ctx.house.id),
        input.status ? eq(schema.passes.status, input.status) : undefined,
        input.residentId ? eq(schema.passes.residentId, input.residentId) : undefined,
      ),
    )
    .orderBy(desc(schema.passes.departAt))
    .limit(input.limit + 1)
    .offset(offset);
  const now = ctx.clock.now();
  return toPage(
    rows.map((r) => passOut(r, now)),
    offset,
    input.limit,
  );
}

/** A resident's own passes, newest first, and what their phase allows. */
export async function myPasses(
  ctx: AuthedContext & { resident: Resident },
  input: { cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectPasses(ctx)
    .where(eq(schema.passes.residentId, ctx.resident.id))
    .orderBy(desc(schema.passes.departAt))
    .limit(input.limit + 1)
    .offset(offset);
  const now = ctx.clock.now();
  const open = await openStayOf(ctx, ctx.resident.id);
  const phase = open ? await currentPhaseOf(ctx, ctx.resident.id, open.house.id) : undefined;
  return {
    ...toPage(
      rows.map((r) => passOut(r, now)),
      offset,
      input.limit,
    ),
    house: open
      ? { id: open.house.id, name: open.house.name, timezone: open.house.timezone }
      : null,
    moveInDate: open?.stay.startDate ?? null,
    phase: phase
      ? {
          name: phase.name,
          curfewWeeknights: phase.curfewWeeknights,
          curfewWeekends: phase.curfewWeekends,
          overnightPassesAllowed: phase.overnightPassesAllowed,
          passTypesAllowed: phase.passTypesAllowed,
          minDaysBeforePasses: phase.minDaysBeforePasses,
        }
      : null,
  };
}

/** One pass, for the resident it is about or staff of the house. */
export async function getPass(ctx: AuthedContext & { record: Pass }) {
  const row = await selectPasses(ctx).where(eq(schema.passes.id, ctx.record.id)).get();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Pass not found.' });
  const phase = await currentPhaseOf(ctx, row.pass.residentId, row.pass.houseId);
  return passOut(row, ctx.clock.now(), phase);
}
