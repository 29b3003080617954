// The rule book in force, who has signed it, and the versions before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@porchlight/domain';
import {
  acknowledge,
  callerAs,
  makeHouse,
  makeOrganisation,
  makeResident,
  makeResidentUser,
  makeRuleBook,
  makeUser,
  SAMPLE_RULES,
  todayIn,
  type MadeHouse,
} from '../factories';
import { eq, schema } from '@porchlight/db';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let managerId: string;
beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, { rooms: 2, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] }))
    .userId;
});
afterEach(() => t.destroy());

const v2 = [
  ...SAMPLE_RULES,
  {
    key: 'guests',
    category: 'guests',
    text: 'Guests until 20:00.',
    consequences: [{ kind: 'warning' }],
  },
];

describe('rules.current', () => {
  it('shows a resident the version in force and whether they signed it, never who else has not', async () => {
    const { versionIds } = await makeRuleBook(t.db, house, [SAMPLE_RULES, v2]);
    const me = await makeResidentUser(t.db, house, house.bedIds[0]);
    await acknowledge(t.db, me.residentId, versionIds[0] ?? '', 'Me Tester');
    const resident = await callerAs(t.db, me.userId);
    const current = await resident.rules.current({ houseId: house.id });
    expect(current.version).toMatchObject({ version: 2, rules: v2 });
    expect(current.mySignature).toEqual({ signed: false, acknowledgedAt: null });
    expect(current.unsigned).toBeNull();

    await acknowledge(t.db, me.residentId, versionIds[1] ?? '', 'Me Tester');
    expect((await resident.rules.current({ houseId: house.id })).mySignature?.signed).toBe(true);
  });

  it('shows the manager which current residents have not signed the version in force', async () => {
    const { versionIds } = await makeRuleBook(t.db, house, [SAMPLE_RULES, v2]);
    const signedBoth = await makeResident(t.db, house, {
      bedId: house.bedIds[0],
      firstName: 'Signed',
    });
    const signedOld = await makeResident(t.db, house, { bedId: house.bedIds[1], firstName: 'Old' });
    const gone = await makeResident(t.db, house, { bedId: house.bedIds[2], firstName: 'Gone' });
    await t.db
      .update(schema.stays)
      .set({ endDate: addDays(todayIn(house.timezone), -1) })
      .where(eq(schema.stays.residentId, gone.id));
    await acknowledge(t.db, signedBoth.id, versionIds[1] ?? '', 'Signed Tester');
    await acknowledge(t.db, signedOld.id, versionIds[0] ?? '', 'Old Tester');
    const current = await (await callerAs(t.db, managerId)).rules.current({ houseId: house.id });
    expect(current.unsigned?.map((u) => u.residentId)).toEqual([signedOld.id]);
    expect(current.mySignature).toBeNull();
  });

  it('a house without a rule book says so instead of failing', async () => {
    const current = await (await callerAs(t.db, managerId)).rules.current({ houseId: house.id });
    expect(current).toMatchObject({ ruleBook: null, version: null, unsigned: [] });
  });

  it('keeps old versions readable, newest first', async () => {
    await makeRuleBook(t.db, house, [SAMPLE_RULES, v2]);
    const history = await (await callerAs(t.db, managerId)).rules.history({ houseId: house.id });
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(history.versions[1]?.rules).toEqual(SAMPLE_RULES);
  });
});

describe('rules.acknowledge', () => {
  it('a resident signs the version in force with their name; staff then no longer list them; it is audited', async () => {
    const { versionIds } = await makeRuleBook(t.db, house, [SAMPLE_RULES, v2]);
    const me = await makeResidentUser(t.db, house, house.bedIds[0], {
      firstName: 'Dana',
      lastName: 'Ruiz',
    });
    const resident = await callerAs(t.db, me.userId);
    const signed = await resident.rules.acknowledge({
      ruleBookVersionId: versionIds[1] ?? '',
      typedName: 'dana ruiz',
    });
    expect(new Date(signed.acknowledgedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await resident.rules.current({ houseId: house.id })).mySignature?.signed).toBe(true);
    const staffView = await (await callerAs(t.db, managerId)).rules.current({ houseId: house.id });
    expect(staffView.unsigned?.map((u) => u.residentId)).not.toContain(me.residentId);
    const audit = (await t.db.select().from(schema.auditLog)).filter(
      (e) => e.action === 'rules.acknowledge',
    );
    expect(audit).toHaveLength(1);

    // signing again changes nothing
    const again = await resident.rules.acknowledge({
      ruleBookVersionId: versionIds[1] ?? '',
      typedName: 'Dana Ruiz',
    });
    expect(again.acknowledgementId).toBe(signed.acknowledgementId);
    expect(await t.db.select().from(schema.ruleAcknowledgements)).toHaveLength(1);
  });

  it('refuses a name that is not the resident’s, an outdated version, and another house’s rule book', async () => {
    const { versionIds } = await makeRuleBook(t.db, house, [SAMPLE_RULES, v2]);
    const me = await makeResidentUser(t.db, house, house.bedIds[0], {
      firstName: 'Dana',
      lastName: 'Ruiz',
    });
    const resident = await callerAs(t.db, me.userId);
    await expect(
      resident.rules.acknowledge({
        ruleBookVersionId: versionIds[1] ?? '',
        typedName: 'Someone Else',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('typedName') as unknown,
    });
    await expect(
      resident.rules.acknowledge({
        ruleBookVersionId: versionIds[0] ?? '',
        typedName: 'Dana Ruiz',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const elsewhere = await makeHouse(t.db, house.organisationId);
    const other = await makeRuleBook(t.db, elsewhere);
    await expect(
      resident.rules.acknowledge({
        ruleBookVersionId: other.versionIds[0] ?? '',
        typedName: 'Dana Ruiz',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await t.db.select().from(schema.ruleAcknowledgements)).toHaveLength(0);
  });
});
