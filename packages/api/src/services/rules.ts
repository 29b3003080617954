// Rule books: the version in force, who has signed it, and the versions before it.
import { TRPCError } from '@trpc/server';
import { and, desc, eq, inArray, isNull, newId, schema } from '@porchlight/db';
import { canManageHouse, checkTypedSignature, conflict } from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName } from './houses';
import { commit } from './write';

type House = typeof schema.houses.$inferSelect;

async function houseRuleBook(ctx: Pick<AuthedContext, 'db'>, houseId: string) {
  return ctx.db.select().from(schema.ruleBooks).where(eq(schema.ruleBooks.houseId, houseId)).get();
}

/**
 * The rule book in force in a house. A resident of the house also learns
 * whether they have signed it; staff see who has not.
 */
export async function currentRules(ctx: AuthedContext & { house: House }) {
  const book = await houseRuleBook(ctx, ctx.house.id);
  const version = book
    ? await ctx.db
        .select()
        .from(schema.ruleBookVersions)
        .where(eq(schema.ruleBookVersions.ruleBookId, book.id))
        .orderBy(desc(schema.ruleBookVersions.version))
        .limit(1)
        .get()
    : undefined;
  const base = {
    houseId: ctx.house.id,
    ruleBook: book ? { id: book.id, name: book.name } : null,
    version: version
      ? {
          id: version.id,
          version: version.version,
          publishedAt: version.publishedAt.toISOString(),
          changeNote: version.changeNote,
          adoptedByMotionId: version.adoptedByMotionId,
          rules: version.rules,
        }
      : null,
  };
  const self = ctx.actor.memberships.find(
    (m) =>
      m.organisationId === ctx.house.organisationId &&
      m.role === 'resident' &&
      m.residentHouseId === ctx.house.id,
  );
  let mySignature: { signed: boolean; acknowledgedAt: string | null } | null = null;
  if (self?.residentId && version) {
    const ack = await ctx.db
      .select({ acknowledgedAt: schema.ruleAcknowledgements.acknowledgedAt })
      .from(schema.ruleAcknowledgements)
      .where(
        and(
          eq(schema.ruleAcknowledgements.residentId, self.residentId),
          eq(schema.ruleAcknowledgements.ruleBookVersionId, version.id),
        ),
      )
      .get();
    mySignature = {
      signed: ack !== undefined,
      acknowledgedAt: ack?.acknowledgedAt.toISOString() ?? null,
    };
  }
  let unsigned: Array<{ residentId: string; name: string }> | null = null;
  if (canManageHouse(ctx.actor, ctx.house)) {
    const current = await ctx.db
      .select({
        id: schema.residents.id,
        firstName: schema.residents.firstName,
        lastName: schema.residents.lastName,
        preferredName: schema.residents.preferredName,
      })
      .from(schema.stays)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
      .where(and(eq(schema.stays.houseId, ctx.house.id), isNull(schema.stays.endDate)));
    const signed =
      version && current.length
        ? await ctx.db
            .select({ residentId: schema.ruleAcknowledgements.residentId })
            .from(schema.ruleAcknowledgements)
            .where(
              and(
                eq(schema.ruleAcknowledgements.ruleBookVersionId, version.id),
                inArray(
                  schema.ruleAcknowledgements.residentId,
                  current.map((r) => r.id),
                ),
              ),
            )
        : [];
    const signedIds = new Set(signed.map((s) => s.residentId));
    unsigned = version
      ? current
          .filter((r) => !signedIds.has(r.id))
          .map((r) => ({ residentId: r.id, name: displayName(r) }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [];
  }
  return { ...base, mySignature, unsigned };
}

/** Every published version of the house's rule book, newest first; old versions stay readable. */
export async function ruleHistory(ctx: AuthedContext & { house: House }) {
  const book = await houseRuleBook(ctx, ctx.house.id);
  if (!book) return { ruleBook: null, versions: [] };
  const versions = await ctx.db
    .select()
    .from(schema.ruleBookVersions)
    .where(eq(schema.ruleBookVersions.ruleBookId, book.id))
    .orderBy(desc(schema.ruleBookVersions.version));
  return {
    ruleBook: { id: book.id, name: book.name },
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      changeNote: v.changeNote,
      adoptedByMotionId: v.adoptedByMotionId,
      rules: v.rules,
    })),
  };
}

/**
 * A resident signs the version in force of their own house's rule book with
 * their typed name. Signing again returns the first signature: nothing changes.
 */
export async function acknowledgeRules(
  ctx: AuthedContext & { resident: typeof schema.residents.$inferSelect },
  input: { ruleBookVersionId: string; typedName: string },
) {
  const row = await ctx.db
    .select({ version: schema.ruleBookVersions, book: schema.ruleBooks })
    .from(schema.ruleBookVersions)
    .innerJoin(schema.ruleBooks, eq(schema.ruleBooks.id, schema.ruleBookVersions.ruleBookId))
    .where(eq(schema.ruleBookVersions.id, input.ruleBookVersionId))
    .get();
  if (!row || row.book.organisationId !== ctx.resident.organisationId) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Rule book not found.' });
  }
  if (row.book.houseId !== ctx.resident.houseId) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'You can only sign the rule book of your own house.',
    });
  }
  const latest = await ctx.db
    .select({ id: schema.ruleBookVersions.id })
    .from(schema.ruleBookVersions)
    .where(eq(schema.ruleBookVersions.ruleBookId, row.book.id))
    .orderBy(desc(schema.ruleBookVersions.version))
    .limit(1)
    .get();
  if (latest?.id !== row.version.id) {
    throw conflict(
      'A newer version of the rule book is in force: read and sign that one.',
      'ruleBookVersionId',
    );
  }
  checkTypedSignature(input.typedName, ctx.resident);
  const existing = await ctx.db
    .select()
    .from(schema.ruleAcknowledgements)
    .where(
      and(
        eq(schema.ruleAcknowledgements.residentId, ctx.resident.id),
        eq(schema.ruleAcknowledgements.ruleBookVersionId, row.version.id),
      ),
    )
    .get();
  if (existing)
    return {
      acknowledgementId: existing.id,
      acknowledgedAt: existing.acknowledgedAt.toISOString(),
    };
  const acknowledgementId = newId();
  const acknowledgedAt = ctx.clock.now();
  await commit(
    ctx,
    [
      ctx.db.insert(schema.ruleAcknowledgements).values({
        id: acknowledgementId,
        residentId: ctx.resident.id,
        ruleBookVersionId: row.version.id,
        typedName: input.typedName,
        acknowledgedAt,
        userId: ctx.actor.userId,
      }),
    ],
    [
      {
        action: 'rules.acknowledge',
        recordType: 'rule_acknowledgement',
        recordId: acknowledgementId,
        organisationId: ctx.resident.organisationId,
        details: {
          residentId: ctx.resident.id,
          ruleBookVersionId: row.version.id,
          version: row.version.version,
        },
      },
    ],
  );
  return { acknowledgementId, acknowledgedAt: acknowledgedAt.toISOString() };
}
