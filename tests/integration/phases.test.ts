// Phases: what each one asks of a resident, and where each resident stands.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@porchlight/domain';
import { newId, schema } from '@porchlight/db';
import {
  callerAs,
  makeHouse,
  makeOrganisation,
  makeResidentUser,
  makeUser,
  todayIn,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id);
});
afterEach(() => t.destroy());

async function phase(name: string, position: number, archived = false) {
  const id = newId();
  await t.db.insert(schema.phases).values({
    id,
    houseId: house.id,
    name,
    position,
    curfewWeeknights: '22:00',
    curfewWeekends: '23:00',
    overnightPassesAllowed: position > 0,
    passTypesAllowed: ['work'],
    meetingsPerWeek: 5 - position,
    archivedAt: archived ? new Date() : null,
  });
  return id;
}

describe('phases', () => {
  it('lists a house’s phases in order for its residents, leaving out archived ones', async () => {
    await phase('Phase 2', 1);
    await phase('Phase 1', 0);
    await phase('Old phase', 2, true);
    const me = await makeResidentUser(t.db, house, house.bedIds[0]);
    const list = await (await callerAs(t.db, me.userId)).phases.list({ houseId: house.id });
    expect(list.map((p) => [p.name, p.meetingsPerWeek, p.overnightPassesAllowed])).toEqual([
      ['Phase 1', 5, false],
      ['Phase 2', 4, true],
    ]);
  });

  it('a resident’s record shows the phase they are in now and the phases before it', async () => {
    const p1 = await phase('Phase 1', 0);
    const p2 = await phase('Phase 2', 1);
    const me = await makeResidentUser(t.db, house, house.bedIds[0]);
    const today = todayIn(house.timezone);
    await t.db.insert(schema.residentPhases).values([
      {
        id: newId(),
        residentId: me.residentId,
        phaseId: p1,
        startDate: addDays(today, -40),
        reason: 'Moved in',
      },
      {
        id: newId(),
        residentId: me.residentId,
        phaseId: p2,
        startDate: addDays(today, -10),
        reason: 'Ready',
      },
    ]);
    const manager = await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] });
    const record = await (
      await callerAs(t.db, manager.userId)
    ).residents.get({ residentId: me.residentId });
    expect(record.currentPhase).toMatchObject({ name: 'Phase 2', startDate: addDays(today, -10) });
    expect(record.phaseHistory.map((p) => p.name)).toEqual(['Phase 2', 'Phase 1']);
    expect((await (await callerAs(t.db, me.userId)).residents.me()).currentPhase?.name).toBe(
      'Phase 2',
    );
  });
});
