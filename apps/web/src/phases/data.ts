// Loading and changing phases; the cache keys of the area.
import { queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api } from '../lib/trpc';

type Api = typeof api;
export type PhaseItem = Awaited<ReturnType<Api['phases']['list']['query']>>[number];

export const phaseQueries = {
  list: (houseId: string) =>
    queryOptions({
      queryKey: ['phases', houseId],
      queryFn: () => api.phases.list.query({ houseId }),
      enabled: houseId !== '',
    }),
};

async function refresh() {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['phases'] }),
    queryClient.invalidateQueries({ queryKey: ['residents'] }),
    queryClient.invalidateQueries({ queryKey: ['passes'] }),
  ]);
}

export async function createPhase(input: Parameters<Api['phases']['create']['mutate']>[0]) {
  const result = await api.phases.create.mutate(input);
  await refresh();
  return result;
}

export async function updatePhase(input: Parameters<Api['phases']['update']['mutate']>[0]) {
  const result = await api.phases.update.mutate(input);
  await refresh();
  return result;
}

export async function assignPhase(input: Parameters<Api['phases']['assign']['mutate']>[0]) {
  const result = await api.phases.assign.mutate(input);
  await refresh();
  return result;
}
