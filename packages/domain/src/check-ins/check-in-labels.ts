// How a check-in's answers read to people; no zod, so the resident's home page
// (the daily check-in) stays small.
export const HALT = ['hungry', 'angry', 'lonely', 'tired'] as const;
export const HALT_LABELS: Record<(typeof HALT)[number], string> = {
  hungry: 'Hungry',
  angry: 'Angry',
  lonely: 'Lonely',
  tired: 'Tired',
};

export const MEETING_TYPES = [
  'aa',
  'na',
  'smart_recovery',
  'celebrate_recovery',
  'refuge_recovery',
  'faith',
  'therapy',
  'other',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  aa: 'AA',
  na: 'NA',
  smart_recovery: 'SMART Recovery',
  celebrate_recovery: 'Celebrate Recovery',
  refuge_recovery: 'Refuge Recovery',
  faith: 'Church or faith group',
  therapy: 'Therapy or counselling',
  other: 'Other',
};

export const MOOD_LABELS: Record<number, string> = {
  1: 'Very low',
  2: 'Low',
  3: 'Okay',
  4: 'Good',
  5: 'Very good',
};
