// Admission, transfer and move-out through the API on a real database: history
// is kept, never rewritten, and the database refuses double-booking.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { addDays } from '@porchlight/domain';
import { eq, schema } from '@porchlight/db';
import {
  callerAs,
  makeHouse,
  makeOrganisation,
  makeResident,
  makeUser,
  todayIn,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let manager: Awaited<ReturnType<typeof callerAs>>;
let today: string;

beforeEach(async () => {
  t = await testDb();
  const org = await makeOrganisation(t.db);
  house = await makeHouse(t.db, org.id, { rooms: 2, bedsPerRoom: 2, timezone: 'America/New_York' });
  const m = await makeUser(t.db, org.id, 'manager', { houseIds: [house.id] });
  manager = await callerAs(t.db, m.userId);
  today = todayIn(house.timezone);
});
afterEach(() => t.destroy());

const bed = (i: number) => house.bedIds[i] ?? '';

async function intake(firstName: string) {
  const { residentId } = await manager.residents.intake({
    houseId: house.id,
    firstName,
    lastName: 'Rivera',
    emergencyContacts: [{ name: 'Ana Rivera', relationship: 'Mother', phone: '555 010 2000' }],
  });
  return residentId;
}

describe('stays', () => {
  it('a manager admits a new resident to an open bed and the bed board shows them there', async () => {
    const residentId = await intake('Alex');
    const before = await manager.houses.board({ houseId: house.id });
    expect(before.occupancy).toEqual({ beds: 4, filled: 0, open: 4 });
    expect(before.waiting.map((w) => w.id)).toContain(residentId);

    await manager.residents.admit({ residentId, bedId: bed(0), startDate: today });

    const after = await manager.houses.board({ houseId: house.id });
    expect(after.occupancy).toEqual({ beds: 4, filled: 1, open: 3 });
    const occupied = after.rooms.flatMap((r) => r.beds).find((b) => b.id === bed(0));
    expect(occupied?.occupant).toMatchObject({ residentId, name: 'Alex Rivera', since: today });
    expect(after.waiting).toEqual([]);
    const list = await manager.residents.list({ houseId: house.id });
    expect(list.items.find((r) => r.id === residentId)?.status).toBe('current');
  });

  it('admits a new resident in one call: record, contacts and stay saved together, dated today by default', async () => {
    const admitted = await manager.residents.admit({
      bedId: bed(1),
      firstName: 'Nia',
      lastName: 'Okoro',
      emergencyContacts: [{ name: 'Ada Okoro', relationship: 'Sister', phone: '555 010 4000' }],
    });
    expect(admitted.startDate).toBe(today);
    const record = await manager.residents.get({ residentId: admitted.residentId });
    expect(record).toMatchObject({
      name: 'Nia Okoro',
      status: 'current',
      currentStay: { bedId: bed(1), startDate: today },
    });
    expect(record.emergencyContacts).toEqual([
      { name: 'Ada Okoro', relationship: 'Sister', phone: '555 010 4000' },
    ]);
    const actions = (await t.db.select().from(schema.auditLog)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['residents.intake', 'residents.admit']));
  });

  it('a new resident admitted to a taken bed is not saved at all', async () => {
    const first = await intake('Holder');
    await manager.residents.admit({ residentId: first, bedId: bed(0), startDate: today });
    await expect(
      manager.residents.admit({ bedId: bed(0), firstName: 'Late', lastName: 'Comer' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const rows = await t.db
      .select()
      .from(schema.residents)
      .where(eq(schema.residents.firstName, 'Late'));
    expect(rows).toEqual([]);
  });

  it('admission asks for either a resident on record or a new one’s name, and says which field is wrong', async () => {
    const residentId = await intake('Either');
    const fieldsOf = async (call: Promise<unknown>) => {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      const issues =
        ((error as TRPCError).cause as { issues?: Array<{ path: string[]; message: string }> })
          .issues ?? [];
      return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(await fieldsOf(manager.residents.admit({ bedId: bed(0) }))).toEqual({
      firstName: 'is required.',
      lastName: 'is required.',
    });
    expect(
      await fieldsOf(manager.residents.admit({ residentId, bedId: bed(0), firstName: 'Twice' })),
    ).toEqual({
      firstName: 'is only for a new resident: leave it out when giving residentId.',
    });
  });

  it('keeps the whole history: who was in a bed on any past night has an answer', async () => {
    const first = await intake('First');
    const second = await intake('Second');
    const d0 = addDays(today, -20);
    const d1 = addDays(today, -10);
    await manager.residents.admit({ residentId: first, bedId: bed(0), startDate: d0 });
    await manager.residents.moveOut({ residentId: first, date: d1, reason: 'completed' });
    await manager.residents.admit({ residentId: second, bedId: bed(0), startDate: d1 });

    const night = async (date: string) =>
      (await manager.houses.occupantsOn({ houseId: house.id, date })).beds.find(
        (b) => b.bedId === bed(0),
      )?.occupant?.residentId ?? null;
    expect(await night(addDays(d0, -1))).toBeNull();
    expect(await night(d0)).toBe(first);
    expect(await night(addDays(d1, -1))).toBe(first);
    expect(await night(d1)).toBe(second);
    expect(await night(today)).toBe(second);

    const history = await manager.houses.bedHistory({ bedId: bed(0) });
    expect(history.stays.map((s) => [s.residentId, s.startDate, s.endDate, s.endReason])).toEqual([
      [second, d1, null, null],
      [first, d0, d1, 'completed'],
    ]);
  });

  it('a transfer closes the old stay and opens a linked new one; both stay visible', async () => {
    const residentId = await intake('Mover');
    await manager.residents.admit({ residentId, bedId: bed(0), startDate: addDays(today, -5) });
    await manager.residents.transfer({ residentId, bedId: bed(3), date: today });
    const record = await manager.residents.get({ residentId });
    expect(record.stays).toHaveLength(2);
    const [current, previous] = record.stays;
    expect(current).toMatchObject({ bedId: bed(3), startDate: today, endDate: null });
    expect(previous).toMatchObject({ bedId: bed(0), endDate: today, endReason: 'transferred' });
    expect(current?.previousStayId).toBe(previous?.id);
    expect(record.currentStay?.bedId).toBe(bed(3));
  });

  it('a move-out records the date and reason and frees the bed', async () => {
    const residentId = await intake('Leaver');
    await manager.residents.admit({ residentId, bedId: bed(1), startDate: addDays(today, -30) });
    await manager.residents.moveOut({
      residentId,
      date: today,
      reason: 'other',
      note: 'Moved closer to work.',
    });
    const record = await manager.residents.get({ residentId });
    expect(record.status).toBe('past');
    expect(record.stays[0]).toMatchObject({
      endDate: today,
      endReason: 'other',
      endNote: 'Moved closer to work.',
    });
    const board = await manager.houses.board({ houseId: house.id });
    expect(board.rooms.flatMap((r) => r.beds).find((b) => b.id === bed(1))?.occupant).toBeNull();
    const past = await manager.residents.list({ houseId: house.id, status: 'past' });
    expect(past.items.map((r) => r.id)).toEqual([residentId]);
  });

  it('refuses a bed that is taken, naming the field, and changes nothing', async () => {
    const a = await intake('Aa');
    const b = await intake('Bb');
    await manager.residents.admit({ residentId: a, bedId: bed(0), startDate: today });
    const error = await manager.residents
      .admit({ residentId: b, bedId: bed(0), startDate: today })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('CONFLICT');
    expect((error as TRPCError).message).toMatch(/bed/i);
    const stays = await t.db.select().from(schema.stays).where(eq(schema.stays.residentId, b));
    expect(stays).toEqual([]);
  });

  it('refuses a move-in date in the future of the house', async () => {
    const a = await intake('Future');
    await expect(
      manager.residents.admit({ residentId: a, bedId: bed(0), startDate: addDays(today, 1) }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('startDate') as unknown,
    });
  });

  it('two admissions racing for one bed: exactly one wins, the database holds one open stay', async () => {
    const residents = await Promise.all(['R1', 'R2', 'R3', 'R4', 'R5'].map((n) => intake(n)));
    const results = await Promise.allSettled(
      residents.map((residentId) =>
        manager.residents.admit({ residentId, bedId: bed(2), startDate: today }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as TRPCError).code).toBe('CONFLICT');
    }
    const open = await t.db
      .select()
      .from(schema.stays)
      .where(eq(schema.stays.bedId, bed(2)));
    expect(open).toHaveLength(1);
  });

  it('two move-outs of one resident racing: one is saved, the other is a conflict, and only one is audited', async () => {
    const residentId = await intake('Racer');
    await manager.residents.admit({ residentId, bedId: bed(0), startDate: addDays(today, -3) });
    const results = await Promise.allSettled([
      manager.residents.moveOut({ residentId, date: today, reason: 'completed' }),
      manager.residents.moveOut({ residentId, date: addDays(today, -1), reason: 'voluntary' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as TRPCError | undefined)?.code).toBe('CONFLICT');
    const audits = (await t.db.select().from(schema.auditLog)).filter(
      (e) => e.action === 'residents.moveOut',
    );
    expect(audits).toHaveLength(1);
    const [stay] = await t.db
      .select()
      .from(schema.stays)
      .where(eq(schema.stays.residentId, residentId));
    expect(audits[0]?.details).toMatchObject({ date: stay?.endDate, reason: stay?.endReason });
  });

  it('two transfers of one resident racing: one new stay, never two open ones', async () => {
    const residentId = await intake('Shuffler');
    await manager.residents.admit({ residentId, bedId: bed(0), startDate: addDays(today, -3) });
    const results = await Promise.allSettled([
      manager.residents.transfer({ residentId, bedId: bed(2), date: today }),
      manager.residents.transfer({ residentId, bedId: bed(3), date: today }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stays = await t.db
      .select()
      .from(schema.stays)
      .where(eq(schema.stays.residentId, residentId));
    expect(stays).toHaveLength(2);
    expect(stays.filter((s) => s.endDate === null)).toHaveLength(1);
    const audits = (await t.db.select().from(schema.auditLog)).filter(
      (e) => e.action === 'residents.transfer',
    );
    expect(audits).toHaveLength(1);
  });

  it('every change writes an audit entry with the actor, action, record and request id', async () => {
    const residentId = await intake('Audited');
    await manager.residents.admit({ residentId, bedId: bed(0), startDate: today });
    const entries = await t.db.select().from(schema.auditLog);
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['residents.intake', 'residents.admit']));
    for (const e of entries) {
      expect(e.actorUserId).toBeTruthy();
      expect(e.requestId).toBeTruthy();
      expect(e.organisationId).toBe(house.organisationId);
    }
  });

  it('a profile change keeps the old values in the audit log', async () => {
    const residentId = await intake('Before');
    await manager.residents.update({
      residentId,
      firstName: 'After',
      lastName: 'Rivera',
      emergencyContacts: [],
      reason: 'Spelling',
    });
    const entry = (await t.db.select().from(schema.auditLog)).find(
      (e) => e.action === 'residents.update',
    );
    expect(entry?.details).toMatchObject({
      reason: 'Spelling',
      before: { firstName: 'Before', emergencyContacts: [{ name: 'Ana Rivera' }] },
      after: { firstName: 'After', emergencyContacts: [] },
    });
  });

  it('a resident sees their own record through residents.me and nobody else’s', async () => {
    const org = house.organisationId;
    const user = await makeUser(t.db, org, 'resident');
    const mine = await makeResident(t.db, house, { bedId: bed(0), userId: user.userId });
    const other = await makeResident(t.db, house, { bedId: bed(1) });
    const me = await callerAs(t.db, user.userId);
    expect((await me.residents.me()).id).toBe(mine.id);
    await expect(me.residents.get({ residentId: other.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(me.residents.list({ houseId: house.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
