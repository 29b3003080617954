// Loading and changing houses, rooms and beds; the cache keys of the area.
import { infiniteQueryOptions, queryOptions } from '@tanstack/solid-query';
import { queryClient } from '../lib/query-client';
import { api, type HouseBoard } from '../lib/trpc';

type Api = typeof api;

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

async function refreshHouses() {
  await queryClient.invalidateQueries({ queryKey: ['houses'] });
}

export async function createHouse(input: Parameters<Api['houses']['create']['mutate']>[0]) {
  const result = await api.houses.create.mutate(input);
  await refreshHouses();
  return result;
}

export async function updateHouse(input: Parameters<Api['houses']['update']['mutate']>[0]) {
  const result = await api.houses.update.mutate(input);
  await refreshHouses();
  return result;
}

export async function addRoom(input: Parameters<Api['houses']['addRoom']['mutate']>[0]) {
  const result = await api.houses.addRoom.mutate(input);
  await refreshHouses();
  return result;
}

export async function addBed(input: Parameters<Api['houses']['addBed']['mutate']>[0]) {
  const result = await api.houses.addBed.mutate(input);
  await refreshHouses();
  return result;
}

export interface OpenBed {
  id: string;
  label: string;
  /** "<room> · <bed label>" */
  name: string;
}

export function openBeds(board: HouseBoard): OpenBed[] {
  return board.rooms.flatMap((room) =>
    room.beds
      .filter((bed) => bed.occupant === null)
      .map((bed) => ({ id: bed.id, label: bed.label, name: `${room.name} · ${bed.label}` })),
  );
}

export function occupancyText(o: { beds: number; filled: number; open: number }): string {
  return `${o.filled} of ${o.beds} beds filled · ${o.open} open`;
}
