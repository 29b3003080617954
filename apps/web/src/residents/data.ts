// Loading and changing residents and their stays; the cache keys of the area.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api } from '../lib/trpc';

type Api = typeof api;
export type ResidentStatusFilter = 'current' | 'past' | 'all';

export const residentQueries = {
  list: (houseId: string, status: ResidentStatusFilter, search: string) =>
    infiniteQueryOptions({
      queryKey: ['residents', 'list', houseId, status, search],
      queryFn: ({ pageParam }) =>
        api.residents.list.query({
          houseId,
          status,
          ...(search ? { search } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // a new search keeps the old results on screen until the new ones arrive
      placeholderData: keepPreviousData,
    }),
  get: (residentId: string) =>
    queryOptions({
      queryKey: ['residents', 'get', residentId],
      queryFn: () => api.residents.get.query({ residentId }),
    }),
  me: () =>
    queryOptions({
      queryKey: ['residents', 'me'],
      queryFn: () => api.residents.me.query(),
    }),
};

/** Stays move people between beds: houses and residents are both out of date after one. */
async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['residents'] }),
    queryClient.invalidateQueries({ queryKey: ['houses'] }),
    queryClient.invalidateQueries({ queryKey: ['invites'] }),
  ]);
}

export async function intakeResident(input: Parameters<Api['residents']['intake']['mutate']>[0]) {
  const result = await api.residents.intake.mutate(input);
  await refresh();
  return result;
}

export async function updateResident(input: Parameters<Api['residents']['update']['mutate']>[0]) {
  const result = await api.residents.update.mutate(input);
  await refresh();
  return result;
}

export async function admitResident(input: Parameters<Api['residents']['admit']['mutate']>[0]) {
  const result = await api.residents.admit.mutate(input);
  await refresh();
  return result;
}

export async function transferResident(
  input: Parameters<Api['residents']['transfer']['mutate']>[0],
) {
  const result = await api.residents.transfer.mutate(input);
  await refresh();
  return result;
}

export async function planMoveOut(input: Parameters<Api['residents']['planMoveOut']['mutate']>[0]) {
  const result = await api.residents.planMoveOut.mutate(input);
  await refresh();
  await queryClient.invalidateQueries({ queryKey: ['portfolio'] });
  return result;
}

export async function moveOutResident(input: Parameters<Api['residents']['moveOut']['mutate']>[0]) {
  const result = await api.residents.moveOut.mutate(input);
  await refresh();
  return result;
}
