// Rule books: what a rule is, how drafts are checked and keyed, what changed
// between two versions, and that a consequence applied to a breach is one the
// rule disclosed in writing beforehand.
import { diffWords } from 'diff';
import * as z from 'zod';
import { invalid } from '../errors';
import { id, optionalText, requiredText } from '../schemas';
import { CONSEQUENCE_KINDS, consequenceText, RULE_CATEGORIES } from './rule-labels';

export interface Consequence {
  kind: string;
  amountCents?: number;
}

export interface Rule {
  key: string;
  category: string;
  text: string;
  consequences: Consequence[];
}

export const consequenceInput = z
  .strictObject({
    kind: z.enum(CONSEQUENCE_KINDS, { error: 'must be one of the listed consequences.' }),
    amountCents: z
      .number({ error: 'must be an amount in cents.' })
      .int('must be a whole number of cents.')
      .min(1, 'must be more than zero.')
      .max(100_000, 'must be at most $1,000.00.')
      .optional(),
  })
  .superRefine((c, issue) => {
    if (c.kind === 'fine' && c.amountCents === undefined)
      issue.addIssue({ code: 'custom', path: ['amountCents'], message: 'is required for a fine.' });
    if (c.kind !== 'fine' && c.amountCents !== undefined)
      issue.addIssue({ code: 'custom', path: ['amountCents'], message: 'is only for a fine.' });
  });

export const ruleInput = z.strictObject({
  // kept from version to version so a violation can point at "the same rule"
  key: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'must be lowercase letters, digits and dashes.')
    .optional(),
  category: z.enum(RULE_CATEGORIES, { error: 'must be one of the listed categories.' }),
  text: requiredText(1000),
  consequences: z
    .array(consequenceInput)
    .min(1, 'must list at least one consequence: residents are told before, not after.')
    .max(7, 'can list at most 7 consequences.'),
});

const rulesList = z
  .array(ruleInput)
  .max(200, 'can hold at most 200 rules.')
  .superRefine((rules, issue) => {
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (rule.key !== undefined) {
        if (seen.has(rule.key))
          issue.addIssue({ code: 'custom', path: [i, 'key'], message: 'is used by another rule.' });
        seen.add(rule.key);
      }
      const kinds = rule.consequences.map((c) => c.kind);
      if (new Set(kinds).size !== kinds.length)
        issue.addIssue({
          code: 'custom',
          path: [i, 'consequences'],
          message: 'lists the same consequence twice.',
        });
    });
  });

export const ruleBookDraftInput = z.strictObject({ houseId: id, rules: rulesList });
export const ruleBookPublishInput = z.strictObject({
  houseId: id,
  changeNote: requiredText(300),
  // the draft the publisher reviewed; a draft changed since by someone else is not published blind
  draftUpdatedAt: z.iso.datetime({ offset: true, error: 'must be a date and time.' }),
  adoptedByMotionId: id.optional(),
});
export const ruleBookDiffInput = z.strictObject({
  houseId: id,
  from: z.number().int().min(0, 'must be a version number.'),
  // a version number, or "draft"
  to: z.union([z.number().int().min(1, 'must be a version number.'), z.literal('draft')]),
});
export const templateSaveInput = z.strictObject({
  organisationId: id.optional(),
  templateId: id.optional(),
  name: requiredText(120),
  rules: rulesList.refine((r) => r.length > 0, 'must hold at least one rule.'),
});
export const startFromTemplateInput = z.strictObject({ houseId: id, templateId: id });
export const changeNoteInput = optionalText(300);

export type RuleInput = z.infer<typeof ruleInput>;

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .slice(0, 4)
      .join('-') || 'rule'
  );
}

/**
 * Gives every rule without a key a new one, never one the book has used before
 * (`taken`), so a key always means the same rule across versions.
 */
export function assignRuleKeys(rules: readonly RuleInput[], taken: Iterable<string>): Rule[] {
  const used = new Set(taken);
  for (const rule of rules) if (rule.key) used.add(rule.key);
  return rules.map((rule) => {
    let key = rule.key;
    if (!key) {
      const base = slug(rule.text).slice(0, 50);
      key = base;
      for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
      used.add(key);
    }
    return {
      key,
      category: rule.category,
      text: rule.text,
      consequences: rule.consequences.map((c) =>
        c.amountCents === undefined
          ? { kind: c.kind }
          : { kind: c.kind, amountCents: c.amountCents },
      ),
    };
  });
}

/** A book to publish must say something. */
export function checkPublishable(
  rules: readonly Rule[] | null | undefined,
): asserts rules is Rule[] {
  if (!rules || rules.length === 0)
    throw invalid('rules', 'must hold at least one rule before the rule book is published.');
}

export interface TextChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface RuleChange {
  key: string;
  before: Rule;
  after: Rule;
  categoryChanged: boolean;
  consequencesChanged: boolean;
  /** The text word by word, with what was added and removed marked. */
  text: TextChange[] | null;
  consequencesAdded: string[];
  consequencesRemoved: string[];
}

export interface RuleBookDiff {
  added: Rule[];
  removed: Rule[];
  changed: RuleChange[];
  unchanged: number;
}

const consequenceKey = (c: Consequence) => `${c.kind}:${c.amountCents ?? ''}`;

/** What changed from one version's rules to another's, matched by rule key. */
export function diffRuleBooks(before: readonly Rule[], after: readonly Rule[]): RuleBookDiff {
  const old = new Map(before.map((r) => [r.key, r]));
  const now = new Set(after.map((r) => r.key));
  const result: RuleBookDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const rule of after) {
    const prior = old.get(rule.key);
    if (!prior) {
      result.added.push(rule);
      continue;
    }
    const beforeSet = new Set(prior.consequences.map(consequenceKey));
    const afterSet = new Set(rule.consequences.map(consequenceKey));
    const consequencesAdded = rule.consequences
      .filter((c) => !beforeSet.has(consequenceKey(c)))
      .map((c) => consequenceText(c));
    const consequencesRemoved = prior.consequences
      .filter((c) => !afterSet.has(consequenceKey(c)))
      .map((c) => consequenceText(c));
    const textChanged = prior.text !== rule.text;
    const categoryChanged = prior.category !== rule.category;
    const consequencesChanged = consequencesAdded.length + consequencesRemoved.length > 0;
    if (!textChanged && !categoryChanged && !consequencesChanged) {
      result.unchanged++;
      continue;
    }
    result.changed.push({
      key: rule.key,
      before: prior,
      after: rule,
      categoryChanged,
      consequencesChanged,
      text: textChanged
        ? diffWords(prior.text, rule.text).map((part) => ({
            value: part.value,
            ...(part.added ? { added: true } : {}),
            ...(part.removed ? { removed: true } : {}),
          }))
        : null,
      consequencesAdded,
      consequencesRemoved,
    });
  }
  for (const rule of before) if (!now.has(rule.key)) result.removed.push(rule);
  return result;
}

/**
 * A consequence applied to a breach must be one of those the rule disclosed, and
 * a fine no larger than disclosed. Throws naming the `consequence` field.
 */
export function checkConsequenceDisclosed(rule: Rule, chosen: Consequence): Consequence {
  const disclosed = rule.consequences.find((c) => c.kind === chosen.kind);
  const listed = rule.consequences.map((c) => consequenceText(c)).join(', ');
  if (!disclosed) {
    throw invalid('consequence', `must be one of the consequences this rule discloses: ${listed}.`);
  }
  if (disclosed.kind === 'fine') {
    const amount = chosen.amountCents ?? disclosed.amountCents;
    if (
      amount === undefined ||
      disclosed.amountCents === undefined ||
      amount > disclosed.amountCents ||
      amount < 1
    )
      throw invalid('consequence', `must be a fine of at most the disclosed amount: ${listed}.`);
    return { kind: 'fine', amountCents: amount };
  }
  return { kind: disclosed.kind };
}
