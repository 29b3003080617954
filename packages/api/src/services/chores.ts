// A house's chore list and what shapes the rota: who is excused from a chore
// (kept from residents: the reason is often medical), chores pinned to someone,
// and the house's rota length and swap rule. Chores are retired, never deleted.
import { and, asc, eq, inArray, isNull, newId, schema } from '@porchlight/db';
import {
  type ChoreCreateInput,
  type ChoreUpdateInput,
  conflict,
  invalid,
  scheduleText,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName } from './houses';
import { commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Chore = typeof schema.chores.$inferSelect;

export function choreOut(c: Chore) {
  return {
    id: c.id,
    name: c.name,
    area: c.area,
    instructions: c.instructions,
    frequency: c.frequency,
    weekdays: c.weekdays,
    schedule: scheduleText(c),
    effort: c.effort,
    needsVerification: c.needsVerification,
    residentsNeeded: c.residentsNeeded,
    retired: c.retiredAt !== null,
  };
}

/** Residents living in the house today, for pickers. */
export async function currentResidents(ctx: Pick<AuthedContext, 'db'>, house: House) {
  const rows = await ctx.db
    .select({ r: schema.residents })
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(and(eq(schema.stays.houseId, house.id), isNull(schema.stays.endDate)))
    .orderBy(asc(schema.residents.lastName), asc(schema.residents.firstName));
  return rows.map(({ r }) => ({ residentId: r.id, name: displayName(r) }));
}

/** The chore list; staff also see who is excused or pinned, and the house's settings. */
export async function listChores(ctx: AuthedContext & { house: House }, isStaff: boolean) {
  const chores = await ctx.db
    .select()
    .from(schema.chores)
    .where(eq(schema.chores.houseId, ctx.house.id))
    .orderBy(asc(schema.chores.name));
  const settings = {
    rotaDays: ctx.house.choreRotaDays,
    swapsNeedApproval: ctx.house.choreSwapsNeedApproval,
  };
  if (!isStaff)
    return {
      chores: chores.filter((c) => c.retiredAt === null).map(choreOut),
      settings,
      exclusions: [],
      pins: [],
      residents: [],
    };
  const ids = chores.map((c) => c.id);
  const [exclusions, pins, residents] = await Promise.all([
    ids.length === 0
      ? []
      : ctx.db
          .select({ e: schema.choreExclusions, r: schema.residents })
          .from(schema.choreExclusions)
          .innerJoin(schema.residents, eq(schema.residents.id, schema.choreExclusions.residentId))
          .where(
            and(
              inArray(schema.choreExclusions.choreId, ids),
              isNull(schema.choreExclusions.endedAt),
            ),
          ),
    ids.length === 0
      ? []
      : ctx.db
          .select({ p: schema.chorePins, r: schema.residents })
          .from(schema.chorePins)
          .innerJoin(schema.residents, eq(schema.residents.id, schema.chorePins.residentId))
          .where(and(inArray(schema.chorePins.choreId, ids), isNull(schema.chorePins.endedAt))),
    currentResidents(ctx, ctx.house),
  ]);
  return {
    chores: chores.map(choreOut),
    settings,
    exclusions: exclusions.map(({ e, r }) => ({
      id: e.id,
      choreId: e.choreId,
      residentId: r.id,
      residentName: displayName(r),
      reason: e.reason,
      since: e.createdAt.toISOString(),
    })),
    pins: pins.map(({ p, r }) => ({
      id: p.id,
      choreId: p.choreId,
      residentId: r.id,
      residentName: displayName(r),
      since: p.createdAt.toISOString(),
    })),
    residents,
  };
}

function choreValues(input: Omit<ChoreCreateInput, 'houseId'>) {
  return {
    name: input.name,
    area: input.area ?? null,
    instructions: input.instructions ?? null,
    frequency: input.frequency,
    weekdays: input.frequency === 'daily' ? [] : [...input.weekdays].sort((a, b) => a - b),
    effort: input.effort,
    needsVerification: input.needsVerification,
    residentsNeeded: input.residentsNeeded,
  };
}

async function checkNameFree(
  ctx: Pick<AuthedContext, 'db'>,
  houseId: string,
  name: string,
  except?: string,
) {
  const same = await ctx.db
    .select({ id: schema.chores.id, name: schema.chores.name })
    .from(schema.chores)
    .where(and(eq(schema.chores.houseId, houseId), isNull(schema.chores.retiredAt)));
  if (same.some((c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase()))
    throw invalid('name', 'is already the name of another chore of this house.');
}

export async function createChore(ctx: AuthedContext & { house: House }, input: ChoreCreateInput) {
  await checkNameFree(ctx, ctx.house.id, input.name);
  const id = newId();
  const values = choreValues(input);
  await commit(
    ctx,
    [
      ctx.db.insert(schema.chores).values({
        id,
        organisationId: ctx.house.organisationId,
        houseId: ctx.house.id,
        ...values,
      }),
    ],
    [
      {
        action: 'chores.create',
        recordType: 'chore',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: { houseId: ctx.house.id, ...values },
      },
    ],
  );
  return { choreId: id };
}

/** Changes apply to rotas made from now on; occurrences already made keep their effort. */
export async function updateChore(
  ctx: AuthedContext & { chore: Chore; house: House },
  input: ChoreUpdateInput,
) {
  if (ctx.chore.retiredAt)
    throw conflict('This chore is retired: add it again instead.', 'choreId');
  await checkNameFree(ctx, ctx.house.id, input.name, ctx.chore.id);
  const pinned = await openOf(ctx, schema.chorePins, ctx.chore.id);
  if (input.residentsNeeded < pinned.length)
    throw invalid(
      'residentsNeeded',
      `cannot be fewer than the ${pinned.length} residents pinned to it: unpin someone first.`,
    );
  const values = choreValues(input);
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.chores)
        .set({ ...values, updatedAt: ctx.clock.now() })
        .where(eq(schema.chores.id, ctx.chore.id)),
    ],
    [
      {
        action: 'chores.update',
        recordType: 'chore',
        recordId: ctx.chore.id,
        organisationId: ctx.house.organisationId,
        details: { before: choreOut(ctx.chore), after: values },
      },
    ],
  );
  return { choreId: ctx.chore.id };
}

/** A retired chore leaves future rotas; the rotas it was in keep it. */
export async function retireChore(ctx: AuthedContext & { chore: Chore; house: House }) {
  const now = ctx.clock.now();
  const ended = { endedAt: now, endedBy: ctx.actor.userId };
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.chores)
      .set({ retiredAt: now, updatedAt: now })
      .where(and(eq(schema.chores.id, ctx.chore.id), isNull(schema.chores.retiredAt))),
    {
      action: 'chores.retire',
      recordType: 'chore',
      recordId: ctx.chore.id,
      organisationId: ctx.house.organisationId,
      details: { name: ctx.chore.name },
    },
    // its pins and exclusions end with it
    [
      ctx.db
        .update(schema.chorePins)
        .set(ended)
        .where(and(eq(schema.chorePins.choreId, ctx.chore.id), isNull(schema.chorePins.endedAt))),
      ctx.db
        .update(schema.choreExclusions)
        .set(ended)
        .where(
          and(
            eq(schema.choreExclusions.choreId, ctx.chore.id),
            isNull(schema.choreExclusions.endedAt),
          ),
        ),
    ],
  );
  return { choreId: ctx.chore.id };
}

/** Open pins or exclusions of a chore. */
function openOf(
  ctx: Pick<AuthedContext, 'db'>,
  table: typeof schema.chorePins | typeof schema.choreExclusions,
  choreId: string,
) {
  return ctx.db
    .select({ id: table.id, residentId: table.residentId })
    .from(table)
    .where(and(eq(table.choreId, choreId), isNull(table.endedAt)));
}

function checkNotRetired(chore: Chore) {
  if (chore.retiredAt) throw conflict('This chore is retired.', 'choreId');
}

async function residentOfHouse(ctx: Pick<AuthedContext, 'db'>, house: House, residentId: string) {
  const stay = await ctx.db
    .select({ id: schema.stays.id })
    .from(schema.stays)
    .where(
      and(
        eq(schema.stays.residentId, residentId),
        eq(schema.stays.houseId, house.id),
        isNull(schema.stays.endDate),
      ),
    )
    .get();
  if (!stay) throw invalid('residentId', 'is not a resident living in this house.');
}

export async function excuseFromChore(
  ctx: AuthedContext & { chore: Chore; house: House },
  input: { residentId: string; reason: string },
) {
  checkNotRetired(ctx.chore);
  await residentOfHouse(ctx, ctx.house, input.residentId);
  const [excused, pinned] = await Promise.all([
    openOf(ctx, schema.choreExclusions, ctx.chore.id),
    openOf(ctx, schema.chorePins, ctx.chore.id),
  ]);
  if (excused.some((e) => e.residentId === input.residentId))
    throw conflict('This resident is already excused from this chore.', 'residentId');
  const pin = pinned.find((p) => p.residentId === input.residentId);
  const now = ctx.clock.now();
  const id = newId();
  await commit(
    ctx,
    [
      // being excused wins over a pin: the pin ends in the same change
      ...(pin
        ? [
            ctx.db
              .update(schema.chorePins)
              .set({ endedAt: now, endedBy: ctx.actor.userId })
              .where(eq(schema.chorePins.id, pin.id)),
          ]
        : []),
      ctx.db.insert(schema.choreExclusions).values({
        id,
        choreId: ctx.chore.id,
        residentId: input.residentId,
        reason: input.reason,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'chores.excuse',
        recordType: 'chore_exclusion',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: {
          choreId: ctx.chore.id,
          residentId: input.residentId,
          endedPin: pin?.id ?? null,
        },
      },
    ],
  );
  return { exclusionId: id, endedPin: pin !== undefined };
}

export async function endExclusion(
  ctx: AuthedContext & { house: House },
  exclusionId: string,
  what: 'exclusion' | 'pin',
) {
  const table = what === 'exclusion' ? schema.choreExclusions : schema.chorePins;
  const row = await ctx.db
    .select({ id: table.id, choreId: table.choreId, houseId: schema.chores.houseId })
    .from(table)
    .innerJoin(schema.chores, eq(schema.chores.id, table.choreId))
    .where(eq(table.id, exclusionId))
    .get();
  const field = what === 'exclusion' ? 'exclusionId' : 'pinId';
  if (!row || row.houseId !== ctx.house.id) throw invalid(field, 'is not one of this house’s.');
  const now = ctx.clock.now();
  await commitGuarded(
    ctx,
    ctx.db
      .update(table)
      .set({ endedAt: now, endedBy: ctx.actor.userId })
      .where(and(eq(table.id, exclusionId), isNull(table.endedAt))),
    {
      action: what === 'exclusion' ? 'chores.endExclusion' : 'chores.unpin',
      recordType: what === 'exclusion' ? 'chore_exclusion' : 'chore_pin',
      recordId: exclusionId,
      organisationId: ctx.house.organisationId,
      details: { choreId: row.choreId },
    },
  );
  return { ended: true };
}

export async function pinChore(
  ctx: AuthedContext & { chore: Chore; house: House },
  input: { residentId: string },
) {
  checkNotRetired(ctx.chore);
  await residentOfHouse(ctx, ctx.house, input.residentId);
  const [open, excused] = await Promise.all([
    openOf(ctx, schema.chorePins, ctx.chore.id),
    openOf(ctx, schema.choreExclusions, ctx.chore.id),
  ]);
  if (open.some((p) => p.residentId === input.residentId))
    throw conflict('This chore is already pinned to this resident.', 'residentId');
  if (excused.some((e) => e.residentId === input.residentId))
    throw invalid('residentId', 'is excused from this chore: end that first.');
  if (open.length >= ctx.chore.residentsNeeded)
    throw conflict(
      ctx.chore.residentsNeeded === 1
        ? 'This chore is already pinned to someone: unpin them first.'
        : `This chore needs ${ctx.chore.residentsNeeded} residents and all are pinned.`,
      'residentId',
    );
  const id = newId();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.chorePins).values({
        id,
        choreId: ctx.chore.id,
        residentId: input.residentId,
        createdBy: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'chores.pin',
        recordType: 'chore_pin',
        recordId: id,
        organisationId: ctx.house.organisationId,
        details: { choreId: ctx.chore.id, residentId: input.residentId },
      },
    ],
  );
  return { pinId: id };
}

export async function updateChoreSettings(
  ctx: AuthedContext & { house: House },
  input: { rotaDays: number; swapsNeedApproval: boolean },
) {
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.houses)
        .set({
          choreRotaDays: input.rotaDays,
          choreSwapsNeedApproval: input.swapsNeedApproval,
          updatedAt: ctx.clock.now(),
        })
        .where(eq(schema.houses.id, ctx.house.id)),
    ],
    [
      {
        action: 'chores.updateSettings',
        recordType: 'house',
        recordId: ctx.house.id,
        organisationId: ctx.house.organisationId,
        details: {
          before: {
            rotaDays: ctx.house.choreRotaDays,
            swapsNeedApproval: ctx.house.choreSwapsNeedApproval,
          },
          after: input,
        },
      },
    ],
  );
  return input;
}
