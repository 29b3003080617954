// How rule categories and consequences read to people; no zod, so display pages stay small.
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
