// The cache keys and reads of houses, apart from the changes in data.ts: the
// route table starts these reads early, so the first page of every person
// carries them and nothing more of the area.
import { infiniteQueryOptions, queryOptions } from '@tanstack/solid-query';
import { api } from '../lib/trpc';

export const houseQueries = {
  list: () =>
    infiniteQueryOptions({
      queryKey: ['houses', 'list'],
      queryFn: ({ pageParam }) => api.houses.list.query(pageParam ? { cursor: pageParam } : {}),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** Every house the caller may see, for pickers. */
  all: () =>
    queryOptions({
      queryKey: ['houses', 'all'],
      queryFn: () => api.houses.list.query({ limit: 200 }),
    }),
  get: (houseId: string) =>
    queryOptions({
      queryKey: ['houses', 'get', houseId],
      queryFn: () => api.houses.get.query({ houseId }),
    }),
  /** Staff only: `enabled` is false for anyone else, so nobody asks for what they may not see. */
  board: (houseId: string, enabled = true) =>
    queryOptions({
      queryKey: ['houses', 'board', houseId],
      queryFn: () => api.houses.board.query({ houseId }),
      enabled: enabled && houseId !== '',
    }),
  /** Who slept in each bed on the night of `date` (house-local). */
  night: (houseId: string, date: string) =>
    queryOptions({
      queryKey: ['houses', 'night', houseId, date],
      queryFn: () => api.houses.occupantsOn.query({ houseId, date }),
    }),
};
