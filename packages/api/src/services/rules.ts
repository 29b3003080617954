// Rule books: the version in force, who has signed it, and the versions before it.
import { TRPCError } from '@trpc/server';
import { and, desc, eq, inArray, isNull, newId, schema } from '@porchlight/db';
import {
  assignRuleKeys,
  canManageHouse,
  checkPublishable,
  checkTypedSignature,
  conflict,
  diffRuleBooks,
  invalid,
  notFound,
  type Rule,
  type RuleInput,
} from '@porchlight/domain';
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

async function versionsOf(ctx: Pick<AuthedContext, 'db'>, ruleBookId: string) {
  return ctx.db
    .select()
    .from(schema.ruleBookVersions)
    .where(eq(schema.ruleBookVersions.ruleBookId, ruleBookId))
    .orderBy(desc(schema.ruleBookVersions.version));
}

/** The draft being written for a house, or the version in force to start from. */
export async function ruleDraft(ctx: AuthedContext & { house: House }) {
  const book = await houseRuleBook(ctx, ctx.house.id);
  const versions = book ? await versionsOf(ctx, book.id) : [];
  const latest = versions[0];
  return {
    houseId: ctx.house.id,
    hasDraft: book?.draft != null,
    // when the draft was last saved: publishing names it, so nobody publishes a draft they have not seen
    draftUpdatedAt: book?.draftUpdatedAt?.toISOString() ?? null,
    rules: book?.draft ?? latest?.rules ?? [],
    basedOnVersion: latest?.version ?? null,
  };
}

/** Saves the draft of a house's rule book, creating the book the first time. */
export async function saveRuleDraft(
  ctx: AuthedContext & { house: House },
  input: { rules: RuleInput[] },
) {
  const book = await houseRuleBook(ctx, ctx.house.id);
  const versions = book ? await versionsOf(ctx, book.id) : [];
  const taken = new Set<string>();
  for (const v of versions) for (const r of v.rules) taken.add(r.key);
  for (const r of book?.draft ?? []) taken.add(r.key);
  const rules = assignRuleKeys(input.rules, taken);
  const now = ctx.clock.now();
  const bookId = book?.id ?? newId();
  await commit(
    ctx,
    [
      book
        ? ctx.db
            .update(schema.ruleBooks)
            .set({ draft: rules, draftUpdatedAt: now })
            .where(eq(schema.ruleBooks.id, book.id))
        : ctx.db.insert(schema.ruleBooks).values({
            id: bookId,
            organisationId: ctx.house.organisationId,
            houseId: ctx.house.id,
            name: 'House rules',
            draft: rules,
            draftUpdatedAt: now,
            createdBy: ctx.actor.userId,
          }),
    ],
    [
      {
        action: 'rules.saveDraft',
        recordType: 'rule_book',
        recordId: bookId,
        organisationId: ctx.house.organisationId,
        details: { houseId: ctx.house.id, rules: rules.length },
      },
    ],
  );
  return { draftUpdatedAt: now.toISOString(), rules };
}

/**
 * Publishes the draft as the next version. Everyone in the house is then asked
 * to sign again; the versions before stay readable.
 */
export async function publishRuleBook(
  ctx: AuthedContext & { house: House },
  input: { changeNote: string; draftUpdatedAt: string; adoptedByMotionId?: string | undefined },
) {
  const book = await houseRuleBook(ctx, ctx.house.id);
  if (!book?.draft) throw invalid('rules', 'has no draft to publish: save a draft first.');
  if (book.draftUpdatedAt?.toISOString() !== new Date(input.draftUpdatedAt).toISOString()) {
    throw conflict(
      'Someone changed the draft since you opened it. Review the latest draft, then publish.',
      'draftUpdatedAt',
    );
  }
  checkPublishable(book.draft);
  const latest = (await versionsOf(ctx, book.id))[0];
  if (latest) {
    const diff = diffRuleBooks(latest.rules, book.draft);
    if (diff.added.length + diff.removed.length + diff.changed.length === 0)
      throw invalid('rules', 'are the same as version ' + latest.version + ': nothing to publish.');
  }
  const version = (latest?.version ?? 0) + 1;
  const versionId = newId();
  const now = ctx.clock.now();
  // the unique (book, version) index turns a racing second publish into a conflict
  await commit(
    ctx,
    [
      ctx.db.insert(schema.ruleBookVersions).values({
        id: versionId,
        ruleBookId: book.id,
        version,
        rules: book.draft,
        changeNote: input.changeNote,
        adoptedByMotionId: input.adoptedByMotionId ?? null,
        publishedAt: now,
        publishedBy: ctx.actor.userId,
      }),
      ctx.db
        .update(schema.ruleBooks)
        .set({ draft: null, draftUpdatedAt: null })
        .where(eq(schema.ruleBooks.id, book.id)),
    ],
    [
      {
        action: 'rules.publish',
        recordType: 'rule_book_version',
        recordId: versionId,
        organisationId: ctx.house.organisationId,
        details: { houseId: ctx.house.id, version, changeNote: input.changeNote },
      },
    ],
  );
  return { ruleBookVersionId: versionId, version, publishedAt: now.toISOString() };
}

/** What changed between two versions (0 is the empty book; "draft" the draft, for staff). */
export async function diffVersions(
  ctx: AuthedContext & { house: House },
  input: { from: number; to: number | 'draft' },
) {
  const book = await houseRuleBook(ctx, ctx.house.id);
  if (!book) throw notFound('Rule book');
  const versions = await versionsOf(ctx, book.id);
  const rulesOf = (v: number | 'draft', field: string): Rule[] => {
    if (v === 0) return [];
    if (v === 'draft') {
      if (!canManageHouse(ctx.actor, ctx.house))
        throw invalid(field, 'must be a published version.');
      if (!book.draft) throw invalid(field, 'is "draft", but there is no draft.');
      return book.draft;
    }
    const found = versions.find((x) => x.version === v);
    if (!found) throw invalid(field, `is not a version of this rule book.`);
    return found.rules;
  };
  return {
    from: input.from,
    to: input.to,
    ...diffRuleBooks(rulesOf(input.from, 'from'), rulesOf(input.to, 'to')),
  };
}

/** The organisation's templates that a house can start its rule book from. */
export async function listTemplates(ctx: AuthedContext & { organisationId: string }) {
  const rows = await ctx.db
    .select()
    .from(schema.ruleBooks)
    .where(
      and(
        eq(schema.ruleBooks.organisationId, ctx.organisationId),
        isNull(schema.ruleBooks.houseId),
      ),
    )
    .orderBy(schema.ruleBooks.name);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    rules: t.draft ?? [],
    updatedAt: (t.draftUpdatedAt ?? t.createdAt).toISOString(),
  }));
}

/** An operator creates or changes an organisation template. */
export async function saveTemplate(
  ctx: AuthedContext & { organisationId: string },
  input: { templateId?: string | undefined; name: string; rules: RuleInput[] },
) {
  const existing = input.templateId
    ? await ctx.db
        .select()
        .from(schema.ruleBooks)
        .where(eq(schema.ruleBooks.id, input.templateId))
        .get()
    : undefined;
  if (
    input.templateId &&
    (!existing || existing.organisationId !== ctx.organisationId || existing.houseId !== null)
  )
    throw notFound('Template');
  const rules = assignRuleKeys(
    input.rules,
    (existing?.draft ?? []).map((r) => r.key),
  );
  const templateId = existing?.id ?? newId();
  const now = ctx.clock.now();
  await commit(
    ctx,
    [
      existing
        ? ctx.db
            .update(schema.ruleBooks)
            .set({ name: input.name, draft: rules, draftUpdatedAt: now })
            .where(eq(schema.ruleBooks.id, existing.id))
        : ctx.db.insert(schema.ruleBooks).values({
            id: templateId,
            organisationId: ctx.organisationId,
            houseId: null,
            name: input.name,
            draft: rules,
            draftUpdatedAt: now,
            createdBy: ctx.actor.userId,
          }),
    ],
    [
      {
        action: existing ? 'rules.updateTemplate' : 'rules.createTemplate',
        recordType: 'rule_book',
        recordId: templateId,
        organisationId: ctx.organisationId,
        details: { name: input.name, rules: rules.length },
      },
    ],
  );
  return { templateId };
}

/** Replaces a house's draft with a copy of an organisation template, to change from there. */
export async function startFromTemplate(
  ctx: AuthedContext & { house: House },
  input: { templateId: string },
) {
  const template = await ctx.db
    .select()
    .from(schema.ruleBooks)
    .where(eq(schema.ruleBooks.id, input.templateId))
    .get();
  if (
    !template ||
    template.houseId !== null ||
    template.organisationId !== ctx.house.organisationId
  )
    throw invalid('templateId', 'is not a template of this organisation.');
  const rules: RuleInput[] = (template.draft ?? []).map((r) => ({
    key: r.key,
    category: r.category as RuleInput['category'],
    text: r.text,
    consequences: r.consequences as RuleInput['consequences'],
  }));
  return saveRuleDraft(ctx, { rules });
}
