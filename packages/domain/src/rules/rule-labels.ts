// How rule categories, consequences, passes and grievances read to people; no
// zod, so display pages stay small.
export const RULE_CATEGORIES = [
  'substances',
  'curfew_and_passes',
  'guests',
  'chores',
  'meetings',
  'conduct',
  'safety',
  'finances',
  'other',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export const RULE_CATEGORY_LABELS: Record<string, string> = {
  substances: 'Substances',
  curfew_and_passes: 'Curfew and passes',
  guests: 'Guests',
  chores: 'Chores',
  meetings: 'Meetings',
  conduct: 'Conduct',
  safety: 'Safety',
  finances: 'Finances',
  other: 'Other',
};

export const CONSEQUENCE_KINDS = [
  'warning',
  'extra_chore',
  'loss_of_pass',
  'fine',
  'behaviour_contract',
  'house_vote_on_dismissal',
  'discharge',
] as const;
export type ConsequenceKind = (typeof CONSEQUENCE_KINDS)[number];

export const CONSEQUENCE_LABELS: Record<string, string> = {
  warning: 'A warning',
  extra_chore: 'An extra chore',
  loss_of_pass: 'Loss of a pass',
  fine: 'A fine',
  behaviour_contract: 'A behaviour contract',
  house_vote_on_dismissal: 'A house vote on dismissal',
  discharge: 'Discharge from the house',
};

/** "A fine of $10.00", "A warning". */
export function consequenceText(
  c: { kind: string; amountCents?: number },
  currency = 'USD',
): string {
  const label = CONSEQUENCE_LABELS[c.kind] ?? c.kind;
  if (c.kind !== 'fine' || c.amountCents === undefined) return label;
  const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
    c.amountCents / 100,
  );
  return `${label} of ${amount}`;
}

export const PASS_TYPES = [
  'work',
  'job_search',
  'family',
  'recreation',
  'overnight',
  'other',
] as const;
export type PassType = (typeof PASS_TYPES)[number];

export const PASS_TYPE_LABELS: Record<string, string> = {
  work: 'Work',
  job_search: 'Job search',
  family: 'Family',
  recreation: 'Recreation',
  overnight: 'Overnight',
  other: 'Other',
};

export const PASS_STATUS_LABELS: Record<string, string> = {
  requested: 'Waiting for a decision',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

export const GRIEVANCE_LEVEL_LABELS: Record<string, string> = {
  house_manager: 'House manager',
  operator: 'Operator',
};

export const GRIEVANCE_STATUS_LABELS: Record<string, string> = {
  open: 'Waiting for the house manager',
  decided: 'Decided',
  escalated: 'Waiting for the operator',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

export const GRIEVANCE_DECISIONS = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type GrievanceDecision = (typeof GRIEVANCE_DECISIONS)[number];
export const GRIEVANCE_DECISION_LABELS: Record<string, string> = {
  upheld: 'Upheld: the resident is right',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
};
