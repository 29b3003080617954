// Drug and alcohol tests: what staff record when a sample is taken, what a lab
// later confirms, and which result counts. A lab confirmation is a linked entry,
// never an edit, so the first reading stays on record beside the lab's.
import * as z from 'zod';
import { id, optionalText, requiredText } from '../schemas';
import {
  DRUG_TEST_METHODS,
  DRUG_TEST_RESULTS,
  DRUG_TEST_TYPES,
  type DrugTestMethod,
  type DrugTestResult,
  LAB_RESULTS,
  type LabResult,
  SUBSTANCE_LABELS,
  SUBSTANCES,
  type Substance,
} from './drug-test-labels';

export * from './drug-test-labels';

/**
 * What each kind of on-site test usually screens for: a 12-panel urine cup, a
 * 6-panel saliva swab, a breathalyser for alcohol. The form starts from these;
 * staff tick what their kit actually covers. A lab's panel is the lab's.
 */
export const STANDARD_PANELS: Record<DrugTestMethod, readonly Substance[]> = {
  urine_cup: [
    'amphetamines',
    'barbiturates',
    'benzodiazepines',
    'buprenorphine',
    'cocaine',
    'fentanyl',
    'marijuana',
    'methadone',
    'methamphetamine',
    'opiates',
    'oxycodone',
    'pcp',
  ],
  saliva: ['amphetamines', 'cocaine', 'marijuana', 'methamphetamine', 'opiates', 'pcp'],
  breathalyser: ['alcohol'],
  lab: [],
};

const substance = z.enum(SUBSTANCES, { error: 'must be one of the listed substances.' });

const substanceList = z
  .array(substance)
  .max(SUBSTANCES.length, `must list at most ${SUBSTANCES.length} substances.`)
  .refine((list) => new Set(list).size === list.length, 'must not name a substance twice.');

const instant = z.iso
  .datetime({ offset: true, error: 'must be a date and time.' })
  .transform((v) => new Date(v));

/**
 * The substances found must agree with the result: named when positive, none
 * otherwise, so a chart by substance never counts a negative test.
 */
function checkPositiveFor(
  v: { result: DrugTestResult; positiveFor: readonly Substance[] },
  issue: z.RefinementCtx,
): void {
  if (v.result === 'positive' && v.positiveFor.length === 0)
    issue.addIssue({
      code: 'custom',
      path: ['positiveFor'],
      message: 'must name at least one substance when the result is positive.',
    });
  if (v.result !== 'positive' && v.positiveFor.length > 0)
    issue.addIssue({
      code: 'custom',
      path: ['positiveFor'],
      message: 'must be empty unless the result is positive.',
    });
}

/** A test as recorded by staff when (or soon after) the sample is taken. */
export const drugTestRecordInput = z
  .strictObject({
    residentId: id,
    type: z.enum(DRUG_TEST_TYPES, { error: 'must be one of the listed test types.' }),
    method: z.enum(DRUG_TEST_METHODS, { error: 'must be one of the listed methods.' }),
    panel: substanceList.min(1, 'must name at least one substance tested for.'),
    result: z.enum(DRUG_TEST_RESULTS, { error: 'must be one of the listed results.' }),
    positiveFor: substanceList.default([]),
    witness: optionalText(120),
    notes: optionalText(2000),
    // when the test is written up afterwards; the server's clock otherwise
    collectedAt: instant.optional(),
  })
  .superRefine((v, issue) => {
    checkPositiveFor(v, issue);
    const notTested = v.positiveFor.filter((s) => !v.panel.includes(s));
    if (notTested.length > 0)
      issue.addIssue({
        code: 'custom',
        path: ['positiveFor'],
        message: `must only name substances on the panel: ${notTested
          .map((s) => SUBSTANCE_LABELS[s])
          .join(', ')} ${notTested.length === 1 ? 'was' : 'were'} not tested for.`,
      });
  });
export type DrugTestRecordInput = z.infer<typeof drugTestRecordInput>;

/**
 * A lab's confirmation of an earlier test. Whether `positiveFor` stays within
 * the original panel is checked by the server, which has the test at hand.
 */
export const drugTestConfirmInput = z
  .strictObject({
    testId: id,
    result: z.enum(LAB_RESULTS, { error: 'must be negative, positive, dilute or invalid.' }),
    positiveFor: substanceList.default([]),
    lab: requiredText(120),
    notes: optionalText(2000),
  })
  .superRefine(checkPositiveFor);
export type DrugTestConfirmInput = z.infer<typeof drugTestConfirmInput>;

/**
 * Whether a result counts against the resident. A refusal counts as a positive
 * in every count and chart: otherwise refusing would be the way to stay clean
 * on paper.
 */
/** The results that count as positive: a refusal does. */
export const POSITIVE_RESULTS = [
  'positive',
  'refused',
] as const satisfies readonly DrugTestResult[];

export function countsAsPositive(result: DrugTestResult): boolean {
  return (POSITIVE_RESULTS as readonly DrugTestResult[]).includes(result);
}

/**
 * The result that stands: the latest lab confirmation's, if any, else the
 * test's own. Confirmations recorded at the same instant are taken in the
 * order given, the last one standing.
 */
export function effectiveResult(
  test: { result: DrugTestResult },
  confirmations: ReadonlyArray<{ result: LabResult; recordedAt: Date }>,
): DrugTestResult {
  let latest: { result: LabResult; recordedAt: Date } | undefined;
  for (const c of confirmations) {
    if (latest === undefined || c.recordedAt.getTime() >= latest.recordedAt.getTime()) latest = c;
  }
  return latest?.result ?? test.result;
}
