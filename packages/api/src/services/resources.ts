// The community resource directory: the organisation's own entries and each
// house's, curated by staff and browsed by residents. Archived, never deleted.
import { and, asc, eq, isNull, newId, or, schema } from '@porchlight/db';
import { conflict } from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { commit, commitGuarded } from './write';

type House = typeof schema.houses.$inferSelect;
type Resource = typeof schema.resources.$inferSelect;

interface ResourceFields {
  kind: string;
  name: string;
  fellowship?: string | undefined;
  weekdays: number[];
  time?: string | undefined;
  place?: string | undefined;
  onlineLink?: string | undefined;
  phone?: string | undefined;
  notes?: string | undefined;
}

function values(input: ResourceFields) {
  return {
    kind: input.kind,
    name: input.name,
    fellowship: input.fellowship ?? null,
    weekdays: [...input.weekdays].sort((a, b) => a - b),
    time: input.time ?? null,
    place: input.place ?? null,
    onlineLink: input.onlineLink ?? null,
    phone: input.phone ?? null,
    notes: input.notes ?? null,
  };
}

export function resourceOut(r: Resource) {
  return {
    id: r.id,
    houseId: r.houseId,
    kind: r.kind,
    name: r.name,
    fellowship: r.fellowship,
    weekdays: r.weekdays,
    time: r.time,
    place: r.place,
    onlineLink: r.onlineLink,
    phone: r.phone,
    notes: r.notes,
  };
}

/** What a house's residents can browse: the house's entries and the organisation's. */
export async function listResources(ctx: AuthedContext & { house: House }) {
  const rows = await ctx.db
    .select()
    .from(schema.resources)
    .where(
      and(
        eq(schema.resources.organisationId, ctx.house.organisationId),
        or(eq(schema.resources.houseId, ctx.house.id), isNull(schema.resources.houseId)),
        isNull(schema.resources.archivedAt),
      ),
    )
    .orderBy(asc(schema.resources.kind), asc(schema.resources.name));
  return {
    house: { id: ctx.house.id, name: ctx.house.name, timezone: ctx.house.timezone },
    resources: rows.map(resourceOut),
  };
}

export async function createResource(
  ctx: AuthedContext,
  scope: { organisationId: string; houseId: string | null },
  input: ResourceFields,
) {
  const id = newId();
  const v = values(input);
  await commit(
    ctx,
    [ctx.db.insert(schema.resources).values({ id, ...scope, ...v, createdBy: ctx.actor.userId })],
    [
      {
        action: 'resources.create',
        recordType: 'resource',
        recordId: id,
        organisationId: scope.organisationId,
        details: { houseId: scope.houseId, kind: v.kind, name: v.name },
      },
    ],
  );
  return { resourceId: id };
}

export async function updateResource(
  ctx: AuthedContext & { resource: Resource },
  input: ResourceFields,
) {
  if (ctx.resource.archivedAt) throw conflict('This resource is archived.', 'resourceId');
  const v = values(input);
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.resources)
        .set({ ...v, updatedAt: ctx.clock.now() })
        .where(eq(schema.resources.id, ctx.resource.id)),
    ],
    [
      {
        action: 'resources.update',
        recordType: 'resource',
        recordId: ctx.resource.id,
        organisationId: ctx.resource.organisationId,
        details: { name: v.name },
      },
    ],
  );
  return { resourceId: ctx.resource.id };
}

export async function archiveResource(ctx: AuthedContext & { resource: Resource }) {
  await commitGuarded(
    ctx,
    ctx.db
      .update(schema.resources)
      .set({ archivedAt: ctx.clock.now() })
      .where(and(eq(schema.resources.id, ctx.resource.id), isNull(schema.resources.archivedAt))),
    {
      action: 'resources.archive',
      recordType: 'resource',
      recordId: ctx.resource.id,
      organisationId: ctx.resource.organisationId,
    },
  );
  return { archived: true };
}
