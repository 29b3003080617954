// Loading chores and changing them: the chore list and what shapes a rota,
// rotas (generate, adjust, publish), a resident's own chores, marking done and
// checking, swaps, completion rates and the calendar feed. Every change
// refreshes the ['chores'] keys, since the rota, the lists and "mine" all read
// the same occurrences.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/solid-query';
import { queryClient, refreshingAfter } from '../lib/query-client';
import { api, type Api, type Output, type Input } from '../lib/trpc';

export type ChoreList = Output<Api['chores']['list']>;
export type ChoreItem = ChoreList['chores'][number];
export type ExclusionItem = ChoreList['exclusions'][number];
export type PinItem = ChoreList['pins'][number];
export type RotaOn = Output<Api['chores']['rota']>;
export type RotaView = NonNullable<RotaOn['rota']>;
export type RotaOccurrence = RotaView['occurrences'][number];
export type RotaLoad = RotaView['loads'][number];
export type OpenSwap = RotaView['swaps'][number];
export type MyChores = Extract<Output<Api['chores']['mine']>, { livingIn: true }>;
export type MyOccurrence = MyChores['occurrences'][number];
export type MySwap = MyChores['swaps'][number];
export type CompletionReport = Output<Api['chores']['completion']>;
export type CompletionCounts = CompletionReport['house4'];
export type OccurrenceStatus = NonNullable<RotaOccurrence['status']>;

export const choreQueries = {
  list: (houseId: string) =>
    queryOptions({
      queryKey: ['chores', 'list', houseId],
      queryFn: () => api.chores.list.query({ houseId }),
      enabled: houseId !== '',
    }),
  /** The rota covering `date` (today without one), with where the next rota would start. */
  rotaOn: (houseId: string, date: string | undefined) =>
    queryOptions({
      queryKey: ['chores', 'rota', houseId, date ?? 'today'],
      queryFn: () => api.chores.rota.query(date ? { houseId, date } : { houseId }),
      enabled: houseId !== '',
      placeholderData: keepPreviousData,
    }),
  rota: (rotaId: string) =>
    queryOptions({
      queryKey: ['chores', 'rota-by-id', rotaId],
      queryFn: () => api.chores.getRota.query({ rotaId }),
      enabled: rotaId !== '',
    }),
  rotas: (houseId: string) =>
    infiniteQueryOptions({
      queryKey: ['chores', 'rotas', houseId],
      queryFn: ({ pageParam }) =>
        api.chores.rotas.query({ houseId, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: houseId !== '',
    }),
  mine: () =>
    queryOptions({
      queryKey: ['chores', 'mine'],
      queryFn: () => api.chores.mine.query(),
      // a chore is missed once its day ends, and swaps get answered, while the page is open
      refetchInterval: 5 * 60_000,
    }),
  history: (occurrenceId: string) =>
    queryOptions({
      queryKey: ['chores', 'history', occurrenceId],
      queryFn: () => api.chores.history.query({ occurrenceId }),
    }),
  completion: (houseId: string) =>
    queryOptions({
      queryKey: ['chores', 'completion', houseId],
      queryFn: () => api.chores.completion.query({ houseId }),
      enabled: houseId !== '',
    }),
  calendarFeed: () =>
    queryOptions({
      queryKey: ['chores', 'calendar-feed'],
      queryFn: () => api.chores.calendarFeed.query(),
    }),
};

async function refresh() {
  await queryClient.invalidateQueries({ queryKey: ['chores'] });
}

/** Runs a change, then refreshes the views it touches. */
const change = refreshingAfter(refresh);

export const createChore = change((i: Input<Api['chores']['create']>) =>
  api.chores.create.mutate(i),
);
export const updateChore = change((i: Input<Api['chores']['update']>) =>
  api.chores.update.mutate(i),
);
export const retireChore = change((i: Input<Api['chores']['retire']>) =>
  api.chores.retire.mutate(i),
);
export const excuseFromChore = change((i: Input<Api['chores']['excuse']>) =>
  api.chores.excuse.mutate(i),
);
export const endExclusion = change((i: Input<Api['chores']['endExclusion']>) =>
  api.chores.endExclusion.mutate(i),
);
export const pinChore = change((i: Input<Api['chores']['pin']>) => api.chores.pin.mutate(i));
export const unpinChore = change((i: Input<Api['chores']['unpin']>) => api.chores.unpin.mutate(i));
export const updateChoreSettings = change((i: Input<Api['chores']['updateSettings']>) =>
  api.chores.updateSettings.mutate(i),
);
export const generateRota = change((i: Input<Api['chores']['generateRota']>) =>
  api.chores.generateRota.mutate(i),
);
export const publishRota = change((i: Input<Api['chores']['publishRota']>) =>
  api.chores.publishRota.mutate(i),
);
export const assignOccurrence = change((i: Input<Api['chores']['assign']>) =>
  api.chores.assign.mutate(i),
);
export const markChoreDone = change((i: Input<Api['chores']['markDone']>) =>
  api.chores.markDone.mutate(i),
);
export const verifyChore = change((i: Input<Api['chores']['verify']>) =>
  api.chores.verify.mutate(i),
);
export const requestSwap = change((i: Input<Api['chores']['requestSwap']>) =>
  api.chores.requestSwap.mutate(i),
);
export const answerSwap = change((i: Input<Api['chores']['answerSwap']>) =>
  api.chores.answerSwap.mutate(i),
);
export const cancelSwap = change((i: Input<Api['chores']['cancelSwap']>) =>
  api.chores.cancelSwap.mutate(i),
);
export const decideSwap = change((i: Input<Api['chores']['decideSwap']>) =>
  api.chores.decideSwap.mutate(i),
);
export const createCalendarFeed = change(() => api.chores.createCalendarFeed.mutate());
export const revokeCalendarFeed = change(() => api.chores.revokeCalendarFeed.mutate());
