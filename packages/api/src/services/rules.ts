// Rule books: the version in force, who has signed it, and the versions before it.
import { and, desc, eq, inArray, isNull, schema } from '@porchlight/db';
import { canManageHouse } from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { displayName } from './houses';

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
