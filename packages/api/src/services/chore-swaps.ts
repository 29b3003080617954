// Swaps between residents: one asks another to take a chore (for one of theirs,
// or as a favour), the other answers, and where the house asks for it a manager
// approves. A swap that goes through moves the occurrences and records it on
// both; if either occurrence changed meanwhile, nothing moves.
import { and, type BatchItem, eq, inArray, isNull, newId, or, schema, sql } from '@porchlight/db';
import {
  conflict,
  invalid,
  passCovers,
  instantAt,
  type SwapAction,
  type SwapStatus,
  swapTransition,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { houseToday } from './houses';
import { commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Occurrence = typeof schema.choreOccurrences.$inferSelect;
type Swap = typeof schema.choreSwaps.$inferSelect;
type Resident = typeof schema.residents.$inferSelect;

async function canTakeOn(
  ctx: Pick<AuthedContext, 'db'>,
  house: House,
  residentId: string,
  o: Occurrence,
  field: string,
  who: string,
) {
  const [stay, excused, passes] = await Promise.all([
    ctx.db
      .select({ id: schema.stays.id })
      .from(schema.stays)
      .where(
        and(
          eq(schema.stays.residentId, residentId),
          eq(schema.stays.houseId, house.id),
          isNull(schema.stays.endDate),
        ),
      )
      .get(),
    ctx.db
      .select({ id: schema.choreExclusions.id })
      .from(schema.choreExclusions)
      .where(
        and(
          eq(schema.choreExclusions.choreId, o.choreId),
          eq(schema.choreExclusions.residentId, residentId),
          isNull(schema.choreExclusions.endedAt),
        ),
      )
      .get(),
    ctx.db
      .select()
      .from(schema.passes)
      .where(and(eq(schema.passes.residentId, residentId), eq(schema.passes.status, 'approved'))),
  ]);
  if (!stay) throw invalid(field, `is not ${who} living in this house.`);
  // an exclusion is private: the refusal does not say why
  if (excused) throw invalid(field, `cannot take this chore: ${who} is excused from it.`);
  const noon = instantAt(o.date, 12, 0, house.timezone);
  if (passes.some((p) => passCovers(p, noon)))
    throw invalid(field, `cannot take this chore: ${who} is away on a pass that day.`);
}

function checkOpenOccurrence(o: Occurrence, today: string, field: string) {
  if (o.doneAt) throw conflict('That chore is already done.', field);
  if (o.date < today) throw conflict('That chore’s day is over.', field);
}

async function checkNotInOpenSwap(ctx: Pick<AuthedContext, 'db'>, ids: string[], field: string) {
  const open = await ctx.db
    .select({ id: schema.choreSwaps.id })
    .from(schema.choreSwaps)
    .where(
      and(
        inArray(schema.choreSwaps.status, ['requested', 'accepted']),
        or(
          inArray(schema.choreSwaps.occurrenceId, ids),
          inArray(schema.choreSwaps.theirOccurrenceId, ids),
        ),
      ),
    )
    .get();
  if (open) throw conflict('A swap of this chore is already waiting for an answer.', field);
}

export async function requestSwap(
  ctx: AuthedContext & { occurrence: Occurrence; house: House; resident?: Resident },
  input: {
    withResidentId: string;
    theirOccurrenceId?: string | undefined;
    note?: string | undefined;
  },
) {
  const o = ctx.occurrence;
  const house = ctx.house;
  const requesterId = o.residentId;
  if (!requesterId) throw conflict('This chore is nobody’s.', 'occurrenceId');
  if (input.withResidentId === requesterId)
    throw invalid('withResidentId', 'must be another resident.');
  const today = houseToday(ctx, house);
  checkOpenOccurrence(o, today, 'occurrenceId');
  await canTakeOn(ctx, house, input.withResidentId, o, 'withResidentId', 'the other resident');
  let theirs: Occurrence | undefined;
  if (input.theirOccurrenceId) {
    theirs = await ctx.db
      .select()
      .from(schema.choreOccurrences)
      .where(eq(schema.choreOccurrences.id, input.theirOccurrenceId))
      .get();
    const rota = theirs
      ? await ctx.db
          .select({ status: schema.choreRotas.status })
          .from(schema.choreRotas)
          .where(eq(schema.choreRotas.id, theirs.rotaId))
          .get()
      : undefined;
    if (!theirs || theirs.houseId !== house.id || rota?.status !== 'published')
      throw invalid('theirOccurrenceId', 'is not a chore of this house’s rota.');
    if (theirs.residentId !== input.withResidentId)
      throw invalid('theirOccurrenceId', 'is not a chore of the resident you asked.');
    checkOpenOccurrence(theirs, today, 'theirOccurrenceId');
    await canTakeOn(ctx, house, requesterId, theirs, 'theirOccurrenceId', 'you');
  }
  await checkNotInOpenSwap(ctx, [o.id, ...(theirs ? [theirs.id] : [])], 'occurrenceId');
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.choreSwaps).values({
        id,
        organisationId: house.organisationId,
        houseId: house.id,
        occurrenceId: o.id,
        requesterId,
        counterpartId: input.withResidentId,
        theirOccurrenceId: theirs?.id ?? null,
        note: input.note ?? null,
        status: 'requested',
        requestedAt: ctx.clock.now(),
      }),
    ],
    [
      {
        action: 'chores.requestSwap',
        recordType: 'chore_swap',
        recordId: id,
        organisationId: house.organisationId,
        details: {
          occurrenceId: o.id,
          counterpartId: input.withResidentId,
          theirOccurrenceId: theirs?.id ?? null,
        },
      },
    ],
  );
  return { swapId: id, status: 'requested' as const };
}

/**
 * The writes that move the occurrences of a swap that went through. Each move
 * is guarded (the occurrence still theirs and not done), and the event after it
 * only exists when it changed one row: otherwise the batch stops, nothing moves.
 */
function swapWrites(
  ctx: Pick<AuthedContext, 'db' | 'clock' | 'actor'>,
  swap: Swap,
): BatchItem<'sqlite'>[] {
  const now = ctx.clock.now();
  const move = (occurrenceId: string, from: string, to: string): BatchItem<'sqlite'>[] => [
    ctx.db
      .update(schema.choreOccurrences)
      .set({ residentId: to, pinned: false })
      .where(
        and(
          eq(schema.choreOccurrences.id, occurrenceId),
          eq(schema.choreOccurrences.residentId, from),
          isNull(schema.choreOccurrences.doneAt),
        ),
      ),
    ctx.db.insert(schema.choreEvents).values({
      id: newId(),
      occurrenceId,
      at: now,
      actorUserId: ctx.actor?.userId ?? null,
      kind: sql<'swapped'>`(select 'swapped' where changes() = 1)`,
      fromResidentId: from,
      toResidentId: to,
      note: `Swap ${swap.id}`,
    }),
  ];
  return [
    ...move(swap.occurrenceId, swap.requesterId, swap.counterpartId),
    ...(swap.theirOccurrenceId
      ? move(swap.theirOccurrenceId, swap.counterpartId, swap.requesterId)
      : []),
  ];
}

async function settle(
  ctx: AuthedContext & { swap: Swap; house: House },
  action: SwapAction,
  reason?: string,
) {
  const swap = ctx.swap;
  const next: SwapStatus = swapTransition(swap.status, action, {
    needsApproval: ctx.house.choreSwapsNeedApproval,
  });
  const now = ctx.clock.now();
  const stamp =
    action === 'accept' || action === 'decline'
      ? { answeredAt: now, ...(next === 'approved' ? { decidedAt: now } : {}) }
      : action === 'cancel'
        ? { decidedAt: now }
        : { decidedAt: now, decidedBy: ctx.actor.userId, decisionReason: reason ?? null };
  const moves: BatchItem<'sqlite'>[] = [];
  if (next === 'approved') {
    const today = houseToday(ctx, ctx.house);
    const ids = [swap.occurrenceId, ...(swap.theirOccurrenceId ? [swap.theirOccurrenceId] : [])];
    const occurrences = await ctx.db
      .select()
      .from(schema.choreOccurrences)
      .where(inArray(schema.choreOccurrences.id, ids));
    for (const o of occurrences) checkOpenOccurrence(o, today, 'swapId');
    moves.push(...swapWrites(ctx, swap));
  }
  try {
    // guarded: a swap answered twice at once goes one way only
    await commitGuarded(
      ctx,
      ctx.db
        .update(schema.choreSwaps)
        .set({ status: next, ...stamp })
        .where(and(eq(schema.choreSwaps.id, swap.id), eq(schema.choreSwaps.status, swap.status))),
      {
        action: `chores.${action}Swap`,
        recordType: 'chore_swap',
        recordId: swap.id,
        organisationId: ctx.house.organisationId,
        details: { from: swap.status, to: next, reason: reason ?? null },
      },
      moves,
    );
  } catch (error) {
    if (moves.length > 0 && /NOT NULL/i.test(String(error)))
      throw conflict(
        'This swap was settled, or one of its chores changed hands or was done, meanwhile: nothing moved.',
        'swapId',
      );
    throw error;
  }
  return { swapId: swap.id, status: next, swapped: next === 'approved' };
}

export const answerSwap = (
  ctx: AuthedContext & { swap: Swap; house: House },
  answer: 'accept' | 'decline',
) => settle(ctx, answer);

export const cancelSwap = (ctx: AuthedContext & { swap: Swap; house: House }) =>
  settle(ctx, 'cancel');

export const decideSwap = (
  ctx: AuthedContext & { swap: Swap; house: House },
  decision: 'approve' | 'reject',
  reason?: string,
) => settle(ctx, decision, reason);
