// Grievances: a resident's complaint, about a violation or anything else, goes
// up the ladder (house manager, then operator); every step is kept with its
// decision, reason and time, and the resident always sees where it stands.
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, newId, schema } from '@porchlight/db';
import {
  awaitsDecision,
  type GrievanceAction,
  type GrievanceDecision,
  invalid,
  isOperatorOf,
  nextGrievanceState,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName } from './houses';
import { offsetOf, toPage } from './pages';
import { auditRead, commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;
type Grievance = typeof schema.grievances.$inferSelect;

function selectGrievances(ctx: Pick<AuthedContext, 'db'>) {
  return ctx.db
    .select({
      g: schema.grievances,
      houseName: schema.houses.name,
      firstName: schema.residents.firstName,
      lastName: schema.residents.lastName,
      preferredName: schema.residents.preferredName,
    })
    .from(schema.grievances)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.grievances.residentId))
    .innerJoin(schema.houses, eq(schema.houses.id, schema.grievances.houseId));
}

type GrievanceRow = Awaited<ReturnType<ReturnType<typeof selectGrievances>['all']>>[number];

async function stepsOf(ctx: Pick<AuthedContext, 'db'>, grievanceIds: string[]) {
  if (grievanceIds.length === 0) return [];
  return ctx.db
    .select({
      grievanceId: schema.grievanceSteps.grievanceId,
      level: schema.grievanceSteps.level,
      action: schema.grievanceSteps.action,
      decision: schema.grievanceSteps.decision,
      reason: schema.grievanceSteps.reason,
      actorName: schema.users.name,
      at: schema.grievanceSteps.at,
    })
    .from(schema.grievanceSteps)
    .leftJoin(schema.users, eq(schema.users.id, schema.grievanceSteps.actorUserId))
    .where(inArray(schema.grievanceSteps.grievanceId, grievanceIds))
    .orderBy(asc(schema.grievanceSteps.at));
}

function grievanceOut(row: GrievanceRow, steps: Awaited<ReturnType<typeof stepsOf>>) {
  const g = row.g;
  return {
    id: g.id,
    houseId: g.houseId,
    houseName: row.houseName,
    residentId: g.residentId,
    residentName: displayName(row),
    violationId: g.violationId,
    subject: g.subject,
    body: g.body,
    level: g.level,
    status: g.status,
    /** Who must act next: staff at the grievance's level, the resident, or nobody. */
    waitingOn: awaitsDecision(g) ? g.level : g.status === 'decided' ? ('resident' as const) : null,
    steps: steps
      .filter((s) => s.grievanceId === g.id)
      .map((s) => ({
        level: s.level,
        action: s.action,
        decision: s.decision,
        reason: s.reason,
        by: s.actorName,
        at: s.at.toISOString(),
      })),
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

async function withSteps(ctx: Pick<AuthedContext, 'db'>, rows: GrievanceRow[]) {
  const steps = await stepsOf(
    ctx,
    rows.map((r) => r.g.id),
  );
  return rows.map((r) => grievanceOut(r, steps));
}

/** A resident files a grievance with their house manager. */
export async function fileGrievance(
  ctx: AuthedContext & { resident: Resident },
  input: { subject: string; body: string; violationId?: string | undefined },
) {
  if (input.violationId) {
    const violation = await ctx.db
      .select({ residentId: schema.violations.residentId })
      .from(schema.violations)
      .where(eq(schema.violations.id, input.violationId))
      .get();
    if (violation?.residentId !== ctx.resident.id)
      throw invalid('violationId', 'is not one of your violations.');
  }
  const grievanceId = newId();
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.grievances).values({
        id: grievanceId,
        organisationId: ctx.resident.organisationId,
        houseId: ctx.resident.houseId,
        residentId: ctx.resident.id,
        violationId: input.violationId ?? null,
        subject: input.subject,
        body: input.body,
        level: 'house_manager',
        status: 'open',
        createdAt: now,
        updatedAt: now,
      }),
      step(ctx, grievanceId, 'house_manager', 'file', now),
    ],
    [
      {
        action: 'grievances.file',
        recordType: 'grievance',
        recordId: grievanceId,
        organisationId: ctx.resident.organisationId,
        details: { residentId: ctx.resident.id, violationId: input.violationId ?? null },
      },
    ],
  );
  return { grievanceId, level: 'house_manager' as const, status: 'open' as const };
}

function step(
  ctx: AuthedContext,
  grievanceId: string,
  level: Grievance['level'],
  action: 'file' | GrievanceAction,
  at: Date,
  extra: { decision?: string; reason?: string } = {},
) {
  return ctx.db.insert(schema.grievanceSteps).values({
    id: newId(),
    grievanceId,
    level,
    action,
    decision: extra.decision ?? null,
    reason: extra.reason ?? null,
    actorUserId: ctx.actor.userId,
    at,
  });
}

/**
 * One move up or along the ladder: checked by the domain rules, written only if
 * nobody moved the grievance meanwhile, with its step and audit entry.
 */
async function move(
  ctx: AuthedContext & { record: Grievance; isOwner: boolean },
  action: GrievanceAction,
  extra: { decision?: GrievanceDecision; reason?: string } = {},
) {
  const g = ctx.record;
  const actor = ctx.isOwner
    ? 'resident'
    : isOperatorOf(ctx.actor, g.organisationId)
      ? 'operator'
      : 'house_staff';
  const next = nextGrievanceState(g, action, actor);
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.grievances)
      .set({ level: next.level, status: next.status, updatedAt: now })
      .where(
        and(
          eq(schema.grievances.id, g.id),
          eq(schema.grievances.level, g.level),
          eq(schema.grievances.status, g.status),
        ),
      ),
    {
      action: `grievances.${action}`,
      recordType: 'grievance',
      recordId: g.id,
      organisationId: g.organisationId,
      details: { residentId: g.residentId, from: g, to: next, decision: extra.decision ?? null },
    },
    [step(ctx, g.id, next.level, action, now, extra)],
  );
  return { grievanceId: g.id, ...next };
}

export const decideGrievance = (
  ctx: AuthedContext & { record: Grievance; isOwner: boolean },
  input: { decision: GrievanceDecision; reason: string },
) => move({ ...ctx, isOwner: false }, 'decide', input);

export const escalateGrievance = (
  ctx: AuthedContext & { record: Grievance; isOwner: boolean },
  input: { reason: string },
) => move(ctx, 'escalate', input);

export const acceptGrievanceDecision = (
  ctx: AuthedContext & { record: Grievance; isOwner: boolean },
) => move(ctx, 'accept');

export const withdrawGrievance = (ctx: AuthedContext & { record: Grievance; isOwner: boolean }) =>
  move(ctx, 'withdraw');

/** Grievances still waiting for a decision: the house's, or the operator's after an escalation. */
export const OPEN_GRIEVANCE_STATUSES = ['open', 'escalated'] as const;

/** A house's grievances: those waiting for a decision first, then the rest, newest first. */
export async function listGrievances(
  ctx: AuthedContext & { house: House },
  input: { status: 'waiting' | 'all'; cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectGrievances(ctx)
    .where(
      and(
        eq(schema.grievances.houseId, ctx.house.id),
        input.status === 'waiting'
          ? inArray(schema.grievances.status, [...OPEN_GRIEVANCE_STATUSES])
          : undefined,
      ),
    )
    .orderBy(desc(schema.grievances.updatedAt))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(await withSteps(ctx, rows), offset, input.limit);
  if (page.items.length > 0)
    await auditRead(ctx, {
      action: 'grievances.read',
      recordType: 'grievance',
      recordId: null,
      organisationId: ctx.house.organisationId,
      details: { houseId: ctx.house.id, grievanceIds: page.items.map((g) => g.id) },
    });
  return page;
}

export async function myGrievances(
  ctx: AuthedContext & { resident: Resident },
  input: { cursor?: string | undefined; limit: number },
) {
  const offset = offsetOf(input.cursor);
  const rows = await selectGrievances(ctx)
    .where(eq(schema.grievances.residentId, ctx.resident.id))
    .orderBy(desc(schema.grievances.createdAt))
    .limit(input.limit + 1)
    .offset(offset);
  return toPage(await withSteps(ctx, rows), offset, input.limit);
}

export async function getGrievance(ctx: AuthedContext & { record: Grievance; isOwner: boolean }) {
  const row = await selectGrievances(ctx).where(eq(schema.grievances.id, ctx.record.id)).get();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Grievance not found.' });
  if (!ctx.isOwner)
    await auditRead(ctx, {
      action: 'grievances.read',
      recordType: 'grievance',
      recordId: ctx.record.id,
      organisationId: ctx.record.organisationId,
    });
  const [out] = await withSteps(ctx, [row]);
  if (!out) throw new TRPCError({ code: 'NOT_FOUND', message: 'Grievance not found.' });
  return out;
}
