// Loading check-ins, recovery capital surveys and drug tests, and changing them:
// the daily check-in and its corrections, "I'm home", sign-outs, the location
// setting and the BARC-10; for staff, the house's board, the attention list, the
// check-in policy, the tests log and random draws. Every check-in change
// refreshes the ['checkIns'] and ['attention'] keys, since both read the same
// records; a survey refreshes ['recoveryCapital'], a test ['tests'].
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/solid-query';
import { useWhoami } from '../account/session';
import { queryClient } from '../lib/query-client';
import { api, type Api, type Output } from '../lib/trpc';

export type CheckInsMine = Output<Api['checkIns']['mine']>;
export type CheckInSummary = Output<Api['checkIns']['summary']>;
export type TodayStatus = NonNullable<CheckInSummary['todayStatus']>;
export type TodayEntry = NonNullable<TodayStatus['dailyEntry']>;
export type OpenSignOut = NonNullable<CheckInsMine['signOut']>;
export type CurfewNow = NonNullable<CheckInsMine['curfewNow']>;
export type CheckInHistoryItem = Output<Api['checkIns']['history']>['items'][number];
export type CheckInVersion = CheckInHistoryItem['current'];
export type RecoveryCapitalHistoryData = Output<Api['recoveryCapital']['history']>;
export type ResidentTestItem = Output<Api['tests']['forResident']>['items'][number];
export type CheckInBoard = Output<Api['checkIns']['board']>;
export type BoardResident = CheckInBoard['residents'][number];
export type BoardEntry = NonNullable<BoardResident['daily']['entry']>;
export type OutNow = CheckInBoard['out'][number];
export type RequirementStatus = BoardResident['daily']['status'];
export type AttentionList = Output<Api['attention']['list']>;
export type AttentionFlag = AttentionList['flags'][number];
export type DrawItem = Output<Api['tests']['draws']>['items'][number];
export type DrawResult = Awaited<ReturnType<Api['tests']['randomDraw']['mutate']>>;
export type TestRecordInput = Parameters<Api['tests']['record']['mutate']>[0];
export type TestConfirmInput = Parameters<Api['tests']['confirm']['mutate']>[0];
export type CheckInPolicyInput = Parameters<Api['checkIns']['updatePolicy']['mutate']>[0];

export type DailyCheckInInput = Parameters<Api['checkIns']['record']['mutate']>[0];
export type CheckInLocation = NonNullable<DailyCheckInInput['location']>;

export const checkInQueries = {
  /** The resident's own today: the daily check-in, curfew, an open sign-out, the location setting. */
  mine: () =>
    queryOptions({
      queryKey: ['checkIns', 'mine'],
      queryFn: () => api.checkIns.mine.query(),
      // the curfew window opens, and a sign-out falls due, while the page is open
      refetchInterval: 5 * 60_000,
    }),
  /** Streak, compliance, mood and craving by day, meetings by week. */
  summary: (residentId: string, weeks = 12) =>
    queryOptions({
      queryKey: ['checkIns', 'summary', residentId, weeks],
      queryFn: () => api.checkIns.summary.query({ residentId, weeks }),
      enabled: residentId !== '',
    }),
  /** A resident's check-ins, newest first, each with its corrections. */
  history: (residentId: string, limit = 20) =>
    infiniteQueryOptions({
      queryKey: ['checkIns', 'history', residentId, limit],
      queryFn: ({ pageParam }) =>
        api.checkIns.history.query({
          residentId,
          limit,
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: residentId !== '',
    }),
};

export const boardQueries = {
  /** The house's day; without a date, today in the house's timezone. */
  day: (houseId: string, date: string | undefined) =>
    queryOptions({
      queryKey: ['checkIns', 'board', houseId, date ?? 'today'],
      queryFn: () => api.checkIns.board.query(date ? { houseId, date } : { houseId }),
      enabled: houseId !== '',
      // overdue minutes grow and check-ins fall due while the board is open
      refetchInterval: 60_000,
      // another day keeps the one on screen until it arrives
      placeholderData: keepPreviousData,
    }),
};

export const attentionQueries = {
  /** Who in the house needs a conversation, most urgent first. */
  list: (houseId: string) =>
    queryOptions({
      queryKey: ['attention', houseId],
      queryFn: () => api.attention.list.query({ houseId }),
      enabled: houseId !== '',
      refetchInterval: 60_000,
    }),
};

export const recoveryCapitalQueries = {
  /** Every survey of a resident, oldest first, with the trend and when the next is due. */
  history: (residentId: string) =>
    queryOptions({
      queryKey: ['recoveryCapital', 'history', residentId],
      queryFn: () => api.recoveryCapital.history.query({ residentId }),
      enabled: residentId !== '',
    }),
};

export const testQueries = {
  /** A resident's drug and alcohol tests, newest first; each read is audited on the server. */
  forResident: (residentId: string) =>
    infiniteQueryOptions({
      queryKey: ['tests', 'resident', residentId],
      queryFn: ({ pageParam }) =>
        api.tests.forResident.query({
          residentId,
          limit: 20,
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: residentId !== '',
      // every read is written to the audit log: do not read again without a reason
      staleTime: 5 * 60_000,
    }),
  /** The house's tests log, newest first; audited like every read of a test. */
  forHouse: (houseId: string) =>
    infiniteQueryOptions({
      queryKey: ['tests', 'house', houseId],
      queryFn: ({ pageParam }) =>
        api.tests.list.query({ houseId, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: houseId !== '',
      staleTime: 5 * 60_000,
    }),
  /** The house's random draws, each re-run from its record. */
  draws: (houseId: string) =>
    infiniteQueryOptions({
      queryKey: ['tests', 'draws', houseId],
      queryFn: ({ pageParam }) =>
        api.tests.draws.query({ houseId, limit: 10, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: houseId !== '',
    }),
};

async function refreshCheckIns() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['checkIns'] }),
    queryClient.invalidateQueries({ queryKey: ['attention'] }),
    // who they were in touch with shades their support circle
    queryClient.invalidateQueries({ queryKey: ['support', 'circle'] }),
  ]);
}

async function refreshTests() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['tests'] }),
    queryClient.invalidateQueries({ queryKey: ['attention'] }),
  ]);
}

export async function recordCheckIn(input: DailyCheckInInput) {
  const result = await api.checkIns.record.mutate(input);
  await refreshCheckIns();
  return result;
}

export async function correctCheckIn(input: Parameters<Api['checkIns']['correct']['mutate']>[0]) {
  const result = await api.checkIns.correct.mutate(input);
  await refreshCheckIns();
  return result;
}

export async function curfewCheckIn(location?: CheckInLocation) {
  const result = await api.checkIns.curfew.mutate(location ? { location } : {});
  await refreshCheckIns();
  return result;
}

export async function signOutOfHouse(input: Parameters<Api['checkIns']['signOut']['mutate']>[0]) {
  const result = await api.checkIns.signOut.mutate(input);
  await refreshCheckIns();
  return result;
}

/** Back from a sign-out: the resident, or staff who saw them come in. */
export async function signBackIn(signOutId: string) {
  const result = await api.checkIns.signIn.mutate({ signOutId });
  await refreshCheckIns();
  return result;
}

export async function setLocationSharing(shareLocation: boolean) {
  const result = await api.checkIns.setLocationSharing.mutate({ shareLocation });
  await refreshCheckIns();
  return result;
}

export async function submitRecoveryCapital(answers: number[]) {
  const result = await api.recoveryCapital.submit.mutate({ answers });
  await queryClient.invalidateQueries({ queryKey: ['recoveryCapital'] });
  return result;
}

export async function updateCheckInPolicy(input: CheckInPolicyInput) {
  const result = await api.checkIns.updatePolicy.mutate(input);
  await refreshCheckIns();
  return result;
}

export async function recordTest(input: TestRecordInput) {
  const result = await api.tests.record.mutate(input);
  await refreshTests();
  return result;
}

export async function confirmTest(input: TestConfirmInput) {
  const result = await api.tests.confirm.mutate(input);
  await refreshTests();
  return result;
}

export async function drawForTesting(input: Parameters<Api['tests']['randomDraw']['mutate']>[0]) {
  const result = await api.tests.randomDraw.mutate(input);
  await queryClient.invalidateQueries({ queryKey: ['tests', 'draws'] });
  return result;
}

/** The signed-in resident's own record id; '' for anyone who is not a resident. */
export function useMyResidentId(): () => string {
  const who = useWhoami();
  return () => who.data?.memberships.find((m) => m.role === 'resident')?.residentId ?? '';
}
