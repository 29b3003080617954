// How a resident's supporters read to people; no zod, so pages that only show
// them (the daily check-in's contacts) stay small.
export const PILLARS = ['family_friends', 'peers_mentors', 'professional', 'community'] as const;
export type Pillar = (typeof PILLARS)[number];
export const PILLAR_LABELS: Record<Pillar, string> = {
  family_friends: 'Family and friends',
  peers_mentors: 'Peers and mentors',
  professional: 'Professionals',
  community: 'Community',
};

export const SUPPORT_KINDS = [
  'parent',
  'partner',
  'child',
  'sibling',
  'friend',
  'sponsor',
  'peer_mentor',
  'counsellor',
  'doctor',
  'case_manager',
  'probation_officer',
  'faith_leader',
  'employer',
  'group',
  'other',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  parent: 'Parent',
  partner: 'Partner',
  child: 'Son or daughter',
  sibling: 'Brother or sister',
  friend: 'Friend',
  sponsor: 'Sponsor',
  peer_mentor: 'Peer mentor',
  counsellor: 'Counsellor or therapist',
  doctor: 'Doctor or prescriber',
  case_manager: 'Case manager',
  probation_officer: 'Probation or parole officer',
  faith_leader: 'Faith leader',
  employer: 'Employer',
  group: 'Group or organisation',
  other: 'Other',
};
