// Loading and changing violations; the cache keys of the area.
import { infiniteQueryOptions, queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api, type Api, type Output } from '../lib/trpc';

export type ViolationItem = Output<Api['violations']['mine']>['items'][number];
export type ViolationRates = Output<Api['violations']['rates']>;

export const violationQueries = {
  house: (houseId: string) =>
    infiniteQueryOptions({
      queryKey: ['violations', 'house', houseId],
      queryFn: ({ pageParam }) =>
        api.violations.list.query({ houseId, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  mine: () =>
    infiniteQueryOptions({
      queryKey: ['violations', 'mine'],
      queryFn: ({ pageParam }) =>
        api.violations.mine.query(pageParam ? { cursor: pageParam, limit: 50 } : undefined),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  applicableRules: (residentId: string) =>
    queryOptions({
      queryKey: ['violations', 'rules', residentId],
      queryFn: () => api.violations.applicableRules.query({ residentId }),
      enabled: residentId !== '',
    }),
  rates: (months: number) =>
    queryOptions({
      queryKey: ['violations', 'rates', months],
      queryFn: () => api.violations.rates.query({ months }),
    }),
};

async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['violations'] }),
    // a violation made from a late return takes it off the pass board
    queryClient.invalidateQueries({ queryKey: ['passes'] }),
  ]);
}

export async function recordViolation(input: Parameters<Api['violations']['record']['mutate']>[0]) {
  const result = await api.violations.record.mutate(input);
  await refresh();
  return result;
}

export async function respondToViolation(input: { violationId: string; response: string }) {
  const result = await api.violations.respond.mutate(input);
  await refresh();
  return result;
}

export async function voidViolation(input: { violationId: string; reason: string }) {
  const result = await api.violations.void.mutate(input);
  await refresh();
  return result;
}
