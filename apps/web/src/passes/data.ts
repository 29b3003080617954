// Loading passes (a resident's own, a house's board and history) and changing
// them: request, cancel, "I'm back", decide, excuse a late return. Every change
// refreshes the ['passes'] cache keys.
import { infiniteQueryOptions, queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api } from '../lib/trpc';

type Api = typeof api;

export type MyPassesPage = Awaited<ReturnType<Api['passes']['mine']['query']>>;
export type PassItem = MyPassesPage['items'][number];
export type PassPhase = NonNullable<MyPassesPage['phase']>;
export type PassBoard = Awaited<ReturnType<Api['passes']['board']['query']>>;
export type PassStatusFilter = 'requested' | 'approved' | 'declined' | 'cancelled';

export const passQueries = {
  /** The resident's own passes, newest first; every page carries their house and phase. */
  mine: () =>
    infiniteQueryOptions({
      queryKey: ['passes', 'mine'],
      queryFn: ({ pageParam }) =>
        api.passes.mine.query(pageParam ? { cursor: pageParam, limit: 20 } : { limit: 20 }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** Staff: requests to decide, who is out, late returns to review. */
  board: (houseId: string) =>
    queryOptions({
      queryKey: ['passes', 'board', houseId],
      queryFn: () => api.passes.board.query({ houseId }),
      enabled: houseId !== '',
      // overdue minutes grow while the page is open
      refetchInterval: 60_000,
    }),
  /** Staff: every pass of the house, newest departure first. */
  history: (houseId: string, status: PassStatusFilter | '' = '') =>
    infiniteQueryOptions({
      queryKey: ['passes', 'list', houseId, status],
      queryFn: ({ pageParam }) =>
        api.passes.list.query({
          houseId,
          limit: 20,
          ...(status ? { status } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: houseId !== '',
    }),
};

async function refreshPasses() {
  await queryClient.invalidateQueries({ queryKey: ['passes'] });
}

export async function requestPass(input: Parameters<Api['passes']['request']['mutate']>[0]) {
  const result = await api.passes.request.mutate(input);
  await refreshPasses();
  return result;
}

export async function cancelPass(passId: string) {
  const result = await api.passes.cancel.mutate({ passId });
  await refreshPasses();
  return result;
}

export async function markPassReturned(
  input: Parameters<Api['passes']['markReturned']['mutate']>[0],
) {
  const result = await api.passes.markReturned.mutate(input);
  await refreshPasses();
  return result;
}

export async function decidePass(input: Parameters<Api['passes']['decide']['mutate']>[0]) {
  const result = await api.passes.decide.mutate(input);
  await refreshPasses();
  return result;
}

export async function excuseLatePass(input: Parameters<Api['passes']['excuseLate']['mutate']>[0]) {
  const result = await api.passes.excuseLate.mutate(input);
  await refreshPasses();
  return result;
}
