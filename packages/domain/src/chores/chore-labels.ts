// How a chore's state reads to people; no zod, so pages that only show chores
// (the resident's home page) stay small.
export const OCCURRENCE_STATUSES = [
  'unassigned',
  'upcoming',
  'due',
  'done',
  'verified',
  'rejected',
  'missed',
] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export const OCCURRENCE_STATUS_LABELS: Record<OccurrenceStatus, string> = {
  unassigned: 'Nobody yet',
  upcoming: 'Coming up',
  due: 'To do today',
  done: 'Done',
  verified: 'Checked',
  rejected: 'Sent back',
  missed: 'Missed',
};
