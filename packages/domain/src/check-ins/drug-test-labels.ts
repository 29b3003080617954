// How drug and alcohol tests read to people; no zod, so pages that only show
// them stay small.
export const DRUG_TEST_TYPES = [
  'intake',
  'random',
  'suspicion',
  'post_pass',
  'court_ordered',
] as const;
export type DrugTestType = (typeof DRUG_TEST_TYPES)[number];
export const DRUG_TEST_TYPE_LABELS: Record<DrugTestType, string> = {
  intake: 'At intake',
  random: 'Random',
  suspicion: 'On suspicion',
  post_pass: 'After a pass',
  court_ordered: 'Court-ordered',
};

export const DRUG_TEST_METHODS = ['urine_cup', 'saliva', 'breathalyser', 'lab'] as const;
export type DrugTestMethod = (typeof DRUG_TEST_METHODS)[number];
export const DRUG_TEST_METHOD_LABELS: Record<DrugTestMethod, string> = {
  urine_cup: 'Urine cup',
  saliva: 'Saliva swab',
  breathalyser: 'Breathalyser',
  lab: 'Sent to a lab',
};

export const DRUG_TEST_RESULTS = ['negative', 'positive', 'dilute', 'refused', 'invalid'] as const;
export type DrugTestResult = (typeof DRUG_TEST_RESULTS)[number];
export const DRUG_TEST_RESULT_LABELS: Record<DrugTestResult, string> = {
  negative: 'Negative',
  positive: 'Positive',
  dilute: 'Dilute',
  refused: 'Refused',
  invalid: 'Invalid',
};

/** What a lab can report: a lab is never refused, the resident is. */
export const LAB_RESULTS = ['negative', 'positive', 'dilute', 'invalid'] as const;
export type LabResult = (typeof LAB_RESULTS)[number];

export const SUBSTANCES = [
  'alcohol',
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
  'tramadol',
  'other',
] as const;
export type Substance = (typeof SUBSTANCES)[number];
export const SUBSTANCE_LABELS: Record<Substance, string> = {
  alcohol: 'Alcohol',
  amphetamines: 'Amphetamines',
  barbiturates: 'Barbiturates',
  benzodiazepines: 'Benzodiazepines',
  buprenorphine: 'Buprenorphine',
  cocaine: 'Cocaine',
  fentanyl: 'Fentanyl',
  marijuana: 'Marijuana (THC)',
  methadone: 'Methadone',
  methamphetamine: 'Methamphetamine',
  opiates: 'Opiates',
  oxycodone: 'Oxycodone',
  pcp: 'PCP',
  tramadol: 'Tramadol',
  other: 'Other',
};
