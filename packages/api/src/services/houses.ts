// Houses, rooms, beds and who is in them.
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  newId,
  or,
  schema,
  sql,
  type SQL,
} from '@porchlight/db';
import { defaultOfficeRows } from '@porchlight/db';
import {
  type Actor,
  type HouseCreateInput,
  conflict,
  coversNight,
  invalid,
  localDateAt,
  occupancy,
} from '@porchlight/domain';
import type { AuthedContext } from '../trpc';
import { commit } from './write';
import { offsetOf, toPage } from './pages';

type House = typeof schema.houses.$inferSelect;

export function displayName(r: {
  firstName: string;
  lastName: string;
  preferredName: string | null;
}) {
  return `${r.preferredName ?? r.firstName} ${r.lastName}`;
}

export function houseToday(ctx: Pick<AuthedContext, 'clock'>, house: Pick<House, 'timezone'>) {
  return localDateAt(ctx.clock.now(), house.timezone);
}

/** Where-clause for the houses an actor may see. */
function visibleHouses(actor: Actor): SQL | undefined {
  const parts: SQL[] = [];
  for (const m of actor.memberships) {
    if (m.role === 'operator') parts.push(eq(schema.houses.organisationId, m.organisationId));
    else if (m.role === 'manager' && m.houseIds.length > 0)
      parts.push(inArray(schema.houses.id, [...m.houseIds]));
    else if (m.role === 'resident' && m.residentHouseId)
      parts.push(eq(schema.houses.id, m.residentHouseId));
  }
  return parts.length === 0 ? undefined : or(...parts);
}

export async function listHouses(
  ctx: AuthedContext,
  input: { cursor?: string | undefined; limit: number },
) {
  const where = visibleHouses(ctx.actor);
  if (!where) return { items: [], nextCursor: null };
  const offset = offsetOf(input.cursor);
  const rows = await ctx.db
    .select({
      id: schema.houses.id,
      organisationId: schema.houses.organisationId,
      name: schema.houses.name,
      address: schema.houses.address,
      timezone: schema.houses.timezone,
      narrLevel: schema.houses.narrLevel,
      capacity: schema.houses.capacity,
      beds: sql<number>`(select count(*) from beds b where b.house_id = houses.id)`,
      filled: sql<number>`(select count(*) from stays s where s.house_id = houses.id and s.end_date is null)`,
    })
    .from(schema.houses)
    .where(where)
    .orderBy(asc(schema.houses.name), asc(schema.houses.id))
    .limit(input.limit + 1)
    .offset(offset);
  const page = toPage(rows, offset, input.limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ beds, filled, ...house }) => {
      const staff = ctx.actor.memberships.some(
        (m) => m.organisationId === house.organisationId && m.role !== 'resident',
      );
      // residents see their house, not how full it is
      return { ...house, occupancy: staff ? { beds, filled, open: beds - filled } : null };
    }),
  };
}

export async function createHouse(
  ctx: AuthedContext & { organisationId: string },
  input: HouseCreateInput,
) {
  const houseId = newId();
  const { organisationId: _ignored, ...fields } = input;
  await commit(
    ctx,
    [
      ctx.db
        .insert(schema.houses)
        .values({ id: houseId, organisationId: ctx.organisationId, ...fields }),
      // every house starts with the offices of an Oxford House
      ctx.db
        .insert(schema.offices)
        .values(defaultOfficeRows({ id: houseId, organisationId: ctx.organisationId })),
    ],
    [
      {
        action: 'houses.create',
        recordType: 'house',
        recordId: houseId,
        organisationId: ctx.organisationId,
        details: fields,
      },
    ],
  );
  return { houseId };
}

export async function updateHouse(
  ctx: AuthedContext & { house: House },
  input: Omit<HouseCreateInput, 'organisationId'>,
) {
  const before = ctx.house;
  const changed = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => before[k as keyof House] !== v),
  ) as Partial<typeof input>;
  if (Object.keys(changed).length === 0) return { houseId: before.id, changed: [] };
  await commit(
    ctx,
    [
      ctx.db
        .update(schema.houses)
        .set({ ...changed, updatedAt: ctx.clock.now() })
        .where(eq(schema.houses.id, before.id)),
    ],
    [
      {
        action: 'houses.update',
        recordType: 'house',
        recordId: before.id,
        organisationId: before.organisationId,
        details: {
          before: Object.fromEntries(
            Object.keys(changed).map((k) => [k, before[k as keyof House]]),
          ),
          after: changed,
        },
      },
    ],
  );
  return { houseId: before.id, changed: Object.keys(changed) };
}

export async function addRoom(ctx: AuthedContext & { house: House }, name: string) {
  const existing = await ctx.db
    .select({ id: schema.rooms.id })
    .from(schema.rooms)
    .where(and(eq(schema.rooms.houseId, ctx.house.id), eq(schema.rooms.name, name)))
    .get();
  if (existing) throw conflict('This house already has a room with that name.', 'name');
  const roomId = newId();
  await commit(
    ctx,
    [ctx.db.insert(schema.rooms).values({ id: roomId, houseId: ctx.house.id, name })],
    [
      {
        action: 'houses.addRoom',
        recordType: 'room',
        recordId: roomId,
        organisationId: ctx.house.organisationId,
        details: { name },
      },
    ],
  );
  return { roomId };
}

export async function addBed(ctx: AuthedContext & { house: House }, roomId: string, label: string) {
  const room = await ctx.db
    .select({ id: schema.rooms.id })
    .from(schema.rooms)
    .where(and(eq(schema.rooms.id, roomId), eq(schema.rooms.houseId, ctx.house.id)))
    .get();
  if (!room) throw invalid('roomId', 'is not a room of this house.');
  const clash = await ctx.db
    .select({ id: schema.beds.id })
    .from(schema.beds)
    .where(and(eq(schema.beds.houseId, ctx.house.id), eq(schema.beds.label, label)))
    .get();
  if (clash) throw conflict('This house already has a bed with that label.', 'label');
  const bedId = newId();
  await commit(
    ctx,
    [ctx.db.insert(schema.beds).values({ id: bedId, houseId: ctx.house.id, roomId, label })],
    [
      {
        action: 'houses.addBed',
        recordType: 'bed',
        recordId: bedId,
        organisationId: ctx.house.organisationId,
        details: { roomId, label },
      },
    ],
  );
  return { bedId };
}

const stayWithResident = {
  stayId: schema.stays.id,
  residentId: schema.stays.residentId,
  bedId: schema.stays.bedId,
  houseId: schema.stays.houseId,
  startDate: schema.stays.startDate,
  endDate: schema.stays.endDate,
  endReason: schema.stays.endReason,
  firstName: schema.residents.firstName,
  lastName: schema.residents.lastName,
  preferredName: schema.residents.preferredName,
};

/** Rooms and beds of a house with who is in each bed tonight, and residents waiting for a bed. */
export async function houseBoard(ctx: AuthedContext & { house: House }) {
  const house = ctx.house;
  const today = houseToday(ctx, house);
  const [rooms, beds, openStays, waiting] = await Promise.all([
    ctx.db
      .select()
      .from(schema.rooms)
      .where(eq(schema.rooms.houseId, house.id))
      .orderBy(asc(schema.rooms.name)),
    ctx.db
      .select()
      .from(schema.beds)
      .where(eq(schema.beds.houseId, house.id))
      .orderBy(asc(schema.beds.label)),
    ctx.db
      .select(stayWithResident)
      .from(schema.stays)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
      .where(and(eq(schema.stays.houseId, house.id), isNull(schema.stays.endDate))),
    ctx.db
      .select({
        id: schema.residents.id,
        firstName: schema.residents.firstName,
        lastName: schema.residents.lastName,
        preferredName: schema.residents.preferredName,
      })
      .from(schema.residents)
      .where(
        and(
          eq(schema.residents.houseId, house.id),
          sql`not exists (select 1 from stays s where s.resident_id = residents.id)`,
        ),
      )
      .orderBy(asc(schema.residents.lastName)),
  ]);
  const stays = openStays.map((s) => ({ ...s, id: s.stayId }));
  return {
    house,
    today,
    occupancy: occupancy(
      beds.map((b) => b.id),
      stays,
      today,
    ),
    rooms: rooms.map((room) => ({
      id: room.id,
      name: room.name,
      beds: beds
        .filter((b) => b.roomId === room.id)
        .map((bed) => {
          const stay = stays.find((s) => s.bedId === bed.id);
          return {
            id: bed.id,
            label: bed.label,
            occupant: stay
              ? {
                  residentId: stay.residentId,
                  name: displayName(stay),
                  since: stay.startDate,
                  stayId: stay.stayId,
                }
              : null,
          };
        }),
    })),
    waiting: waiting.map((r) => ({ id: r.id, name: displayName(r) })),
  };
}

/** Every stay a bed has had, newest first. */
export async function bedHistory(
  ctx: AuthedContext & { bed: typeof schema.beds.$inferSelect; house: House },
) {
  const rows = await ctx.db
    .select(stayWithResident)
    .from(schema.stays)
    .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
    .where(eq(schema.stays.bedId, ctx.bed.id))
    .orderBy(desc(schema.stays.startDate));
  return {
    bed: { id: ctx.bed.id, label: ctx.bed.label, houseId: ctx.house.id, houseName: ctx.house.name },
    stays: rows.map((s) => ({
      stayId: s.stayId,
      residentId: s.residentId,
      name: displayName(s),
      startDate: s.startDate,
      endDate: s.endDate,
      endReason: s.endReason,
    })),
  };
}

/** Who slept in each bed of the house on the night of `date`. */
export async function occupantsOn(ctx: AuthedContext & { house: House }, date: string) {
  const [beds, stays] = await Promise.all([
    ctx.db
      .select({ id: schema.beds.id, label: schema.beds.label, roomName: schema.rooms.name })
      .from(schema.beds)
      .innerJoin(schema.rooms, eq(schema.rooms.id, schema.beds.roomId))
      .where(eq(schema.beds.houseId, ctx.house.id))
      .orderBy(asc(schema.beds.label)),
    ctx.db
      .select(stayWithResident)
      .from(schema.stays)
      .innerJoin(schema.residents, eq(schema.residents.id, schema.stays.residentId))
      .where(
        and(
          eq(schema.stays.houseId, ctx.house.id),
          sql`${schema.stays.startDate} <= ${date}`,
          or(isNull(schema.stays.endDate), sql`${schema.stays.endDate} > ${date}`),
        ),
      ),
  ]);
  return {
    date,
    beds: beds.map((bed) => {
      const stay = stays.find((s) => s.bedId === bed.id && coversNight(s, date));
      return {
        bedId: bed.id,
        label: bed.label,
        roomName: bed.roomName,
        occupant: stay
          ? { residentId: stay.residentId, name: displayName(stay), stayId: stay.stayId }
          : null,
      };
    }),
  };
}
