// Loading each resident's support system and changing it: the circle (the
// resident's own; staff suggest), milestones and contributions, peer mentoring,
// the house's resource directory, and summaries shared with consent. Every
// change refreshes the ['support'] keys (and the attention list, which reads
// the circle); a check-in naming who the resident was in touch with refreshes
// them too (see check-ins/data).
import { queryOptions } from '@tanstack/solid-query';
import { queryClient, refreshingAfter } from '../lib/query-client';
import { api, type Api, type Output, type Input } from '../lib/trpc';

export type Circle = Output<Api['support']['circle']>;
export type CircleMember = Circle['members'][number];
export type PillarSummary = Circle['pillars'][number];
export type Milestones = Output<Api['milestones']['mine']>;
export type Celebration = Output<Api['milestones']['house']>[number];
export type Contributions = Output<Api['support']['contributions']>;
export type MyPairings = Output<Api['mentorship']['mine']>;
export type Pairing = MyPairings['asMentor'][number];
export type Directory = Output<Api['resources']['list']>;
export type Resource = Directory['resources'][number];
export type ShareItem = Output<Api['sharing']['list']>[number];
export type ShareCreated = Awaited<ReturnType<Api['sharing']['create']['mutate']>>;
export type MemberInput = Input<Api['support']['addMember']>;
export type ResourceInput = Input<Api['resources']['create']>;
export type ShareInput = Input<Api['sharing']['create']>;

export const supportQueries = {
  circle: (residentId: string) =>
    queryOptions({
      queryKey: ['support', 'circle', residentId],
      queryFn: () => api.support.circle.query({ residentId }),
      enabled: residentId !== '',
    }),
  contributions: (residentId: string) =>
    queryOptions({
      queryKey: ['support', 'contributions', residentId],
      queryFn: () => api.support.contributions.query({ residentId }),
      enabled: residentId !== '',
    }),
  myMilestones: () =>
    queryOptions({
      queryKey: ['support', 'milestones', 'mine'],
      queryFn: () => api.milestones.mine.query(),
    }),
  milestonesOf: (residentId: string) =>
    queryOptions({
      queryKey: ['support', 'milestones', residentId],
      queryFn: () => api.milestones.forResident.query({ residentId }),
      enabled: residentId !== '',
    }),
  celebrations: (houseId: string) =>
    queryOptions({
      queryKey: ['support', 'celebrations', houseId],
      queryFn: () => api.milestones.house.query({ houseId }),
      enabled: houseId !== '',
    }),
  myPairings: () =>
    queryOptions({
      queryKey: ['support', 'pairings', 'mine'],
      queryFn: () => api.mentorship.mine.query(),
    }),
  housePairings: (houseId: string) =>
    queryOptions({
      queryKey: ['support', 'pairings', houseId],
      queryFn: () => api.mentorship.list.query({ houseId }),
      enabled: houseId !== '',
    }),
  pairingCandidates: (houseId: string) =>
    queryOptions({
      queryKey: ['support', 'pairings', houseId, 'candidates'],
      queryFn: () => api.mentorship.candidates.query({ houseId }),
    }),
  directory: (houseId: string) =>
    queryOptions({
      queryKey: ['support', 'directory', houseId],
      queryFn: () => api.resources.list.query({ houseId }),
      enabled: houseId !== '',
      // the directory changes rarely: a phone need not ask again on every page
      staleTime: 10 * 60_000,
    }),
  shares: () =>
    queryOptions({
      queryKey: ['support', 'shares'],
      queryFn: () => api.sharing.list.query(),
    }),
};

export async function refreshSupport() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['support'] }),
    queryClient.invalidateQueries({ queryKey: ['attention'] }),
  ]);
}

/** Runs a change, then refreshes the views it touches. */
const change = refreshingAfter(refreshSupport);

export const addMember = change((i: MemberInput) => api.support.addMember.mutate(i));
export const updateMember = change((i: Input<Api['support']['updateMember']>) =>
  api.support.updateMember.mutate(i),
);
export const removeMember = change((i: { memberId: string }) => api.support.removeMember.mutate(i));
export const acceptSuggestion = change((i: { memberId: string }) =>
  api.support.acceptSuggestion.mutate(i),
);
export const declineSuggestion = change((i: { memberId: string }) =>
  api.support.declineSuggestion.mutate(i),
);
export const logVolunteering = change((i: Input<Api['support']['logVolunteering']>) =>
  api.support.logVolunteering.mutate(i),
);
export const removeVolunteering = change((i: { entryId: string }) =>
  api.support.removeVolunteering.mutate(i),
);
export const setMilestoneSharing = change((i: { share: boolean }) =>
  api.support.setMilestoneSharing.mutate(i),
);
export const pairMentor = change((i: Input<Api['mentorship']['pair']>) =>
  api.mentorship.pair.mutate(i),
);
export const endPairing = change((i: Input<Api['mentorship']['end']>) =>
  api.mentorship.end.mutate(i),
);
export const logMentorNote = change((i: Input<Api['mentorship']['logNote']>) =>
  api.mentorship.logNote.mutate(i),
);
export const createResource = change((i: ResourceInput) => api.resources.create.mutate(i));
export const updateResource = change((i: Input<Api['resources']['update']>) =>
  api.resources.update.mutate(i),
);
export const archiveResource = change((i: { resourceId: string }) =>
  api.resources.archive.mutate(i),
);
export const createShare = change((i: ShareInput) => api.sharing.create.mutate(i));
export const revokeShare = change((i: { shareId: string }) => api.sharing.revoke.mutate(i));
