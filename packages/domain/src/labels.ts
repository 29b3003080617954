// Names shown to people, with no zod: pages that only display records import
// these from '@porchlight/domain/labels' and stay small.
export { ROLE_LABELS, ROLES, type Role } from './access/roles';

export const NARR_LEVELS = [1, 2, 3, 4] as const;
export const NARR_LEVEL_LABELS: Record<number, string> = {
  1: 'Level I · peer-run',
  2: 'Level II · monitored',
  3: 'Level III · supervised',
  4: 'Level IV · service provider',
};

export const DISCHARGE_REASONS = [
  'completed',
  'voluntary',
  'relapse',
  'rule_violation',
  'other',
] as const;
export const DISCHARGE_REASON_LABELS: Record<(typeof DISCHARGE_REASONS)[number], string> = {
  completed: 'Completed the program',
  voluntary: 'Left voluntarily',
  relapse: 'Relapse',
  rule_violation: 'Rule violation',
  other: 'Other',
};
export * from './rules/rule-labels';
