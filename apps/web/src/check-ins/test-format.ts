// Drug tests in words, apart from the check-in formats so that pages without
// tests do not load their names.
import {
  DRUG_TEST_METHOD_LABELS,
  DRUG_TEST_RESULT_LABELS,
  DRUG_TEST_TYPE_LABELS,
  SUBSTANCE_LABELS,
} from '@porchlight/domain';

export function testTypeText(type: string): string {
  return type in DRUG_TEST_TYPE_LABELS
    ? DRUG_TEST_TYPE_LABELS[type as keyof typeof DRUG_TEST_TYPE_LABELS]
    : type;
}

export function testMethodText(method: string): string {
  return method in DRUG_TEST_METHOD_LABELS
    ? DRUG_TEST_METHOD_LABELS[method as keyof typeof DRUG_TEST_METHOD_LABELS]
    : method;
}

/** A result in words; a refusal always says that it counts as positive. */
export function testResultText(result: string): string {
  if (result === 'refused') return 'Refused (counts as positive)';
  return result in DRUG_TEST_RESULT_LABELS
    ? DRUG_TEST_RESULT_LABELS[result as keyof typeof DRUG_TEST_RESULT_LABELS]
    : result;
}

export function substancesText(substances: readonly string[]): string {
  return substances
    .map((s) => (s in SUBSTANCE_LABELS ? SUBSTANCE_LABELS[s as keyof typeof SUBSTANCE_LABELS] : s))
    .join(', ');
}
