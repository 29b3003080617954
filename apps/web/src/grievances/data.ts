// Loading and moving grievances; the cache keys of the area.
import { infiniteQueryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api, type Api, type Output } from '../lib/trpc';

export type GrievanceItem = Output<Api['grievances']['mine']>['items'][number];

export const grievanceQueries = {
  house: (houseId: string) =>
    infiniteQueryOptions({
      queryKey: ['grievances', 'house', houseId],
      queryFn: ({ pageParam }) =>
        api.grievances.list.query({ houseId, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  mine: () =>
    infiniteQueryOptions({
      queryKey: ['grievances', 'mine'],
      queryFn: ({ pageParam }) =>
        api.grievances.mine.query(pageParam ? { cursor: pageParam, limit: 50 } : undefined),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};

async function after<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['grievances'] }),
    queryClient.invalidateQueries({ queryKey: ['violations'] }),
  ]);
  return result;
}

export const fileGrievance = (input: Parameters<Api['grievances']['file']['mutate']>[0]) =>
  after(api.grievances.file.mutate(input));
export const decideGrievance = (input: Parameters<Api['grievances']['decide']['mutate']>[0]) =>
  after(api.grievances.decide.mutate(input));
export const escalateGrievance = (input: { grievanceId: string; reason: string }) =>
  after(api.grievances.escalate.mutate(input));
export const acceptGrievance = (grievanceId: string) =>
  after(api.grievances.accept.mutate({ grievanceId }));
export const withdrawGrievance = (grievanceId: string) =>
  after(api.grievances.withdraw.mutate({ grievanceId }));
