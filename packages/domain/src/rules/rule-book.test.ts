import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import {
  assignRuleKeys,
  checkConsequenceDisclosed,
  diffRuleBooks,
  ruleBookDraftInput,
  type Rule,
} from './rule-book';
import { CONSEQUENCE_KINDS, RULE_CATEGORIES } from './rule-labels';

const curfew: Rule = {
  key: 'curfew',
  category: 'curfew_and_passes',
  text: 'Be home by the curfew of your phase.',
  consequences: [{ kind: 'warning' }, { kind: 'loss_of_pass' }],
};
const chores: Rule = {
  key: 'chores',
  category: 'chores',
  text: 'Do your chores on the day they are due.',
  consequences: [{ kind: 'warning' }, { kind: 'fine', amountCents: 1000 }],
};

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('a consequence must be one the rule disclosed', () => {
  test('a disclosed consequence is accepted', () => {
    expect(checkConsequenceDisclosed(curfew, { kind: 'loss_of_pass' })).toEqual({
      kind: 'loss_of_pass',
    });
  });

  test('an undisclosed consequence is refused, naming the field and listing what is allowed', () => {
    const error = failure(() => checkConsequenceDisclosed(curfew, { kind: 'discharge' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.field).toBe('consequence');
    expect(error.detail).toBe(
      'must be one of the consequences this rule discloses: A warning, Loss of a pass.',
    );
  });

  test('a fine is at most the disclosed amount, and defaults to it', () => {
    expect(checkConsequenceDisclosed(chores, { kind: 'fine' })).toEqual({
      kind: 'fine',
      amountCents: 1000,
    });
    expect(checkConsequenceDisclosed(chores, { kind: 'fine', amountCents: 500 })).toEqual({
      kind: 'fine',
      amountCents: 500,
    });
    expect(
      failure(() => checkConsequenceDisclosed(chores, { kind: 'fine', amountCents: 1500 })).field,
    ).toBe('consequence');
  });
});

describe('rule keys', () => {
  test('new rules get a key from their words; existing keys are kept', () => {
    const keyed = assignRuleKeys(
      [
        {
          key: 'curfew',
          category: 'curfew_and_passes',
          text: 'Home by 22:00.',
          consequences: [{ kind: 'warning' }],
        },
        { category: 'guests', text: 'No guests after 20:00!', consequences: [{ kind: 'warning' }] },
      ],
      [],
    );
    expect(keyed.map((r) => r.key)).toEqual(['curfew', 'no-guests-after-20']);
  });

  test('a new rule never takes a key the book has used before (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 20 }),
        fc.array(fc.constantFrom('rule', 'no-guests', 'no-guests-2', 'curfew'), { maxLength: 5 }),
        (texts, taken) => {
          const rules = texts.map((text) => ({
            category: 'other' as const,
            text: text || 'x',
            consequences: [{ kind: 'warning' as const }],
          }));
          const keys = assignRuleKeys(rules, taken).map((r) => r.key);
          expect(new Set(keys).size).toBe(keys.length);
          for (const key of keys) expect(taken).not.toContain(key);
          for (const key of keys) expect(key).toMatch(/^[a-z0-9-]{1,60}$/);
        },
      ),
    );
  });
});

describe('what changed between two versions', () => {
  test('added, removed and changed rules, with the words and consequences that changed', () => {
    const after: Rule[] = [
      {
        ...curfew,
        text: 'Be home by the curfew of your phase, and check in.',
        consequences: [{ kind: 'warning' }],
      },
      {
        key: 'phones',
        category: 'meetings',
        text: 'Phones away at meetings.',
        consequences: [{ kind: 'warning' }],
      },
    ];
    const diff = diffRuleBooks([curfew, chores], after);
    expect(diff.added.map((r) => r.key)).toEqual(['phones']);
    expect(diff.removed.map((r) => r.key)).toEqual(['chores']);
    expect(diff.unchanged).toBe(0);
    const [change] = diff.changed;
    expect(change?.consequencesRemoved).toEqual(['Loss of a pass']);
    expect(change?.consequencesAdded).toEqual([]);
    expect(change?.text?.filter((p) => p.added).map((p) => p.value)).toEqual([', and check in']);
  });

  test('a version compared with itself has no changes (property)', () => {
    const rule = fc.record({
      key: fc.stringMatching(/^[a-z]{1,8}$/),
      category: fc.constantFrom(...RULE_CATEGORIES),
      text: fc.string({ minLength: 1, maxLength: 80 }),
      consequences: fc
        .uniqueArray(fc.constantFrom(...CONSEQUENCE_KINDS), { minLength: 1 })
        .map((kinds) =>
          kinds.map((kind) => (kind === 'fine' ? { kind, amountCents: 500 } : { kind })),
        ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(rule, { selector: (r) => r.key, maxLength: 15 }), (rules) => {
        const diff = diffRuleBooks(rules, rules);
        expect(diff).toEqual({ added: [], removed: [], changed: [], unchanged: rules.length });
      }),
    );
  });
});

describe('ruleBookDraftInput', () => {
  const rule = {
    category: 'guests',
    text: 'No overnight guests.',
    consequences: [{ kind: 'warning' }],
  };
  test.each([
    [[{ ...rule, consequences: [] }], 'rules.0.consequences'],
    [[{ ...rule, consequences: [{ kind: 'fine' }] }], 'rules.0.consequences.0.amountCents'],
    [
      [{ ...rule, consequences: [{ kind: 'warning', amountCents: 100 }] }],
      'rules.0.consequences.0.amountCents',
    ],
    [[{ ...rule, consequences: [{ kind: 'flogging' }] }], 'rules.0.consequences.0.kind'],
    [[{ ...rule, category: 'pets' }], 'rules.0.category'],
    [
      [
        { ...rule, key: 'a' },
        { ...rule, key: 'a' },
      ],
      'rules.1.key',
    ],
    [
      [{ ...rule, consequences: [{ kind: 'warning' }, { kind: 'warning' }] }],
      'rules.0.consequences',
    ],
  ])('refuses %j, naming %s', (rules, path) => {
    const result = ruleBookDraftInput.safeParse({ houseId: 'h1', rules });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
