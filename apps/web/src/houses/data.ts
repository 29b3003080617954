// Loading and changing houses, rooms and beds; the cache keys of the area.
import { queryClient } from '../lib/query-client';
import { api, type HouseBoard } from '../lib/trpc';

type Api = typeof api;

export { houseQueries } from './queries';

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
