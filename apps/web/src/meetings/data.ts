// Loading meetings and officers and changing them: the schedule and one-off
// meetings, the agenda template, running a meeting (open, roll, minutes,
// motions, action items, close), and the house's offices and terms. Every
// change refreshes the ['meetings'] and ['officers'] keys: an election changes
// who may run the next meeting.
import { infiniteQueryOptions, queryOptions } from '@tanstack/solid-query';
import { queryClient, WHOAMI_KEY, refreshingAfter } from '../lib/query-client';
import { api, type Api, type Output, type Input } from '../lib/trpc';

export type MeetingList = Output<Api['meetings']['list']>;
export type MeetingSummary = MeetingList['upcoming'][number];
export type MeetingDetail = Output<Api['meetings']['get']>;
export type AgendaItem = MeetingDetail['agenda'][number];
export type MeetingReports = NonNullable<MeetingDetail['reports']>;
export type RollEntry = MeetingDetail['attendance'][number];
export type MotionItem = MeetingDetail['motions'][number];
export type ActionItem = MeetingDetail['actionItems'][number];
export type OfficerRoster = Output<Api['officers']['list']>;
export type OfficeItem = OfficerRoster['offices'][number];
export type TermItem = NonNullable<OfficeItem['current']>;
export type MotionInput = Input<Api['meetings']['recordMotion']>;

export const meetingQueries = {
  /** Meetings to come, and a page of those held, for a house. */
  list: (houseId: string) =>
    infiniteQueryOptions({
      queryKey: ['meetings', 'list', houseId],
      queryFn: ({ pageParam }) =>
        api.meetings.list.query({
          houseId,
          limit: 10,
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: houseId !== '',
    }),
  get: (meetingId: string) =>
    queryOptions({
      queryKey: ['meetings', 'get', meetingId],
      queryFn: () => api.meetings.get.query({ meetingId }),
      enabled: meetingId !== '',
    }),
  template: (houseId: string) =>
    queryOptions({
      queryKey: ['meetings', 'template', houseId],
      queryFn: () => api.meetings.template.query({ houseId }),
      enabled: houseId !== '',
    }),
  actionItems: (houseId: string) =>
    queryOptions({
      queryKey: ['meetings', 'action-items', houseId],
      queryFn: () => api.meetings.actionItems.query({ houseId }),
      enabled: houseId !== '',
    }),
};

export const officerQueries = {
  list: (houseId: string) =>
    queryOptions({
      queryKey: ['officers', houseId],
      queryFn: () => api.officers.list.query({ houseId }),
      enabled: houseId !== '',
    }),
};

async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['meetings'] }),
    queryClient.invalidateQueries({ queryKey: ['officers'] }),
  ]);
}

/** Runs a change, then refreshes the views it touches. */
const change = refreshingAfter(refresh);

export const setSchedule = change((i: Input<Api['meetings']['setSchedule']>) =>
  api.meetings.setSchedule.mutate(i),
);
export const createMeeting = change((i: Input<Api['meetings']['create']>) =>
  api.meetings.create.mutate(i),
);
export const cancelMeeting = change((i: Input<Api['meetings']['cancel']>) =>
  api.meetings.cancel.mutate(i),
);
export const updateTemplate = change((i: Input<Api['meetings']['updateTemplate']>) =>
  api.meetings.updateTemplate.mutate(i),
);
export const updateAgenda = change((i: Input<Api['meetings']['updateAgenda']>) =>
  api.meetings.updateAgenda.mutate(i),
);
export const openMeeting = change((i: Input<Api['meetings']['open']>) =>
  api.meetings.open.mutate(i),
);
export const recordAttendance = change((i: Input<Api['meetings']['recordAttendance']>) =>
  api.meetings.recordAttendance.mutate(i),
);
export const saveMinutes = change((i: Input<Api['meetings']['saveMinutes']>) =>
  api.meetings.saveMinutes.mutate(i),
);
export const approveMinutes = change((i: Input<Api['meetings']['approveMinutes']>) =>
  api.meetings.approveMinutes.mutate(i),
);
export const amendMinutes = change((i: Input<Api['meetings']['amendMinutes']>) =>
  api.meetings.amendMinutes.mutate(i),
);
export const addActionItem = change((i: Input<Api['meetings']['addActionItem']>) =>
  api.meetings.addActionItem.mutate(i),
);
export const completeActionItem = change((i: Input<Api['meetings']['completeActionItem']>) =>
  api.meetings.completeActionItem.mutate(i),
);
export const closeMeeting = change((i: Input<Api['meetings']['close']>) =>
  api.meetings.close.mutate(i),
);
export const createOffice = change((i: Input<Api['officers']['createOffice']>) =>
  api.officers.createOffice.mutate(i),
);
export const retireOffice = change((i: Input<Api['officers']['retireOffice']>) =>
  api.officers.retireOffice.mutate(i),
);
export const updateTermPolicy = change((i: Input<Api['officers']['updatePolicy']>) =>
  api.officers.updatePolicy.mutate(i),
);
export const endTerm = change((i: Input<Api['officers']['endTerm']>) =>
  api.officers.endTerm.mutate(i),
);

/** An election changes what the signed-in officer may do: the session's picture is read again. */
export async function recordMotion(input: MotionInput) {
  const result = await api.meetings.recordMotion.mutate(input);
  await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: WHOAMI_KEY })]);
  return result;
}
