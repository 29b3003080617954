// Writing, publishing and comparing rule books; templates; phases and who is in which.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { addDays } from '@porchlight/domain';
import { eq, schema } from '@porchlight/db';
import {
  acknowledge,
  callerAs,
  makeHouse,
  makeOrganisation,
  makePhase,
  makeResidentUser,
  makeRuleBook,
  makeUser,
  todayIn,
  type MadeHouse,
} from '../factories';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
let house: MadeHouse;
let managerId: string;
let operatorId: string;

beforeEach(async () => {
  t = await testDb();
  house = await makeHouse(t.db, (await makeOrganisation(t.db)).id, { rooms: 1, bedsPerRoom: 2 });
  managerId = (await makeUser(t.db, house.organisationId, 'manager', { houseIds: [house.id] }))
    .userId;
  operatorId = (await makeUser(t.db, house.organisationId, 'operator')).userId;
});
afterEach(() => t.destroy());

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const guests = {
  category: 'guests' as const,
  text: 'Guests until 20:00.',
  consequences: [{ kind: 'warning' as const }],
};

describe('rule book versions', () => {
  it('publishing makes a new version, old ones stay readable, the diff says what changed, and everyone is asked to sign again', async () => {
    const { versionIds } = await makeRuleBook(t.db, house);
    const resident = await makeResidentUser(t.db, house, house.bedIds[0], {
      firstName: 'Sam',
      lastName: 'Rivera',
    });
    await acknowledge(t.db, resident.residentId, versionIds[0] ?? '', 'Sam Rivera');
    const manager = await callerAs(t.db, managerId);

    const draft = await manager.rules.draft({ houseId: house.id });
    expect(draft).toMatchObject({ hasDraft: false, basedOnVersion: 1 });
    const rules = draft.rules.map((r) =>
      r.key === 'curfew' ? { ...r, text: 'Be home by curfew, and check in.' } : r,
    );
    const saved = await manager.rules.saveDraft({
      houseId: house.id,
      rules: [...rules, guests].map((r) => ({
        ...r,
        category: r.category as 'guests',
        consequences: r.consequences as Array<{ kind: 'warning' }>,
      })),
    });
    const added = saved.rules.find((r) => r.text === guests.text);
    expect(added?.key).toBe('guests-until-20-00');

    const diff = await manager.rules.diff({ houseId: house.id, from: 1, to: 'draft' });
    expect(diff.added.map((r) => r.key)).toEqual(['guests-until-20-00']);
    expect(diff.changed.map((c) => c.key)).toEqual(['curfew']);

    const published = await manager.rules.publish({
      houseId: house.id,
      changeNote: 'Guest hours',
      draftUpdatedAt: saved.draftUpdatedAt,
    });
    expect(published.version).toBe(2);

    const me = await callerAs(t.db, resident.userId);
    const current = await me.rules.current({ houseId: house.id });
    expect(current.version?.version).toBe(2);
    expect(current.mySignature?.signed).toBe(false);
    expect((await me.rules.history({ houseId: house.id })).versions.map((v) => v.version)).toEqual([
      2, 1,
    ]);
    // a resident can compare published versions, not see the draft
    expect((await me.rules.diff({ houseId: house.id, from: 1, to: 2 })).added).toHaveLength(1);
    expect((await refusal(me.rules.diff({ houseId: house.id, from: 1, to: 'draft' }))).code).toBe(
      'BAD_REQUEST',
    );
  });

  it('a draft changed by someone else since it was opened is not published blind', async () => {
    const manager = await callerAs(t.db, managerId);
    const operator = await callerAs(t.db, operatorId);
    const first = await manager.rules.saveDraft({ houseId: house.id, rules: [guests] });
    await new Promise((r) => setTimeout(r, 5));
    await operator.rules.saveDraft({
      houseId: house.id,
      rules: [guests, { ...guests, text: 'No pets.' }],
    });
    const error = await refusal(
      manager.rules.publish({
        houseId: house.id,
        changeNote: 'x',
        draftUpdatedAt: first.draftUpdatedAt,
      }),
    );
    expect(error.code).toBe('CONFLICT');
  });

  it('publishing the same rules again is refused: nothing changed', async () => {
    await makeRuleBook(t.db, house);
    const manager = await callerAs(t.db, managerId);
    const draft = await manager.rules.draft({ houseId: house.id });
    const saved = await manager.rules.saveDraft({
      houseId: house.id,
      rules: draft.rules as Parameters<typeof manager.rules.saveDraft>[0]['rules'],
    });
    const error = await refusal(
      manager.rules.publish({
        houseId: house.id,
        changeNote: 'x',
        draftUpdatedAt: saved.draftUpdatedAt,
      }),
    );
    expect(error.message).toMatch(/^rules are the same as version 1/);
  });

  it('a house starts its draft from an organisation template and changes it from there', async () => {
    const operator = await callerAs(t.db, operatorId);
    const { templateId } = await operator.rules.saveTemplate({
      name: 'Standard',
      rules: [guests],
    });
    const manager = await callerAs(t.db, managerId);
    expect((await manager.rules.templates()).map((x) => x.name)).toEqual(['Standard']);
    await manager.rules.startFromTemplate({ houseId: house.id, templateId });
    const draft = await manager.rules.draft({ houseId: house.id });
    expect(draft).toMatchObject({ hasDraft: true, basedOnVersion: null });
    expect(draft.rules.map((r) => r.text)).toEqual(['Guests until 20:00.']);
  });

  it('a published version cannot be rewritten, even in the database', async () => {
    await makeRuleBook(t.db, house);
    await expect(
      t.client.execute(`update rule_book_versions set change_note = 'edited'`),
    ).rejects.toThrow(/never change/);
  });
});

describe('phases', () => {
  it('a manager defines phases, and moving a resident on records who decided, when and why', async () => {
    const manager = await callerAs(t.db, managerId);
    const one = await manager.phases.create({
      houseId: house.id,
      name: 'Phase 1',
      curfewWeeknights: '22:00',
      curfewWeekends: '23:00',
      overnightPassesAllowed: false,
      passTypesAllowed: ['work', 'family'],
      minDaysBeforePasses: 7,
      dailyCheckIn: true,
      meetingsPerWeek: 5,
    });
    const two = await manager.phases.create({
      houseId: house.id,
      name: 'Phase 2',
      curfewWeeknights: '23:00',
      curfewWeekends: '00:00',
      overnightPassesAllowed: true,
      passTypesAllowed: ['work', 'family', 'overnight'],
      minDaysBeforePasses: 0,
      dailyCheckIn: true,
      meetingsPerWeek: 4,
    });
    expect(
      (await manager.phases.list({ houseId: house.id })).map((p) => [p.id, p.position]),
    ).toEqual([
      [one.phaseId, 0],
      [two.phaseId, 1],
    ]);

    // admission puts a new resident in the first phase
    const { residentId } = await manager.residents.admit({
      bedId: house.bedIds[0] ?? '',
      firstName: 'Pat',
      lastName: 'Lee',
      startDate: addDays(todayIn(house.timezone), -31),
    });
    expect((await manager.residents.get({ residentId })).currentPhase?.name).toBe('Phase 1');

    await manager.phases.assign({ residentId, phaseId: two.phaseId, reason: '30 days clean' });
    const record = await manager.residents.get({ residentId });
    expect(record.currentPhase).toMatchObject({ name: 'Phase 2', reason: '30 days clean' });
    expect(record.phaseHistory.map((p) => p.name)).toEqual(['Phase 2', 'Phase 1']);
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'phases.assign'));
    expect(audit[0]?.actorUserId).toBe(managerId);

    // history is not rewritten: a start before the current phase's is refused
    const error = await refusal(
      manager.phases.assign({
        residentId,
        phaseId: one.phaseId,
        startDate: addDays(todayIn(house.timezone), -40),
      }),
    );
    expect(error.message).toMatch(/^startDate must be on or after/);
  });

  it('a phase of another house cannot be assigned', async () => {
    const other = await makeHouse(t.db, house.organisationId);
    const foreign = await makePhase(t.db, other.id);
    const resident = await makeResidentUser(t.db, house, house.bedIds[0]);
    const manager = await callerAs(t.db, operatorId);
    const error = await refusal(
      manager.phases.assign({ residentId: resident.residentId, phaseId: foreign.id }),
    );
    expect(error.message).toBe('phaseId is not a phase of the resident’s house.');
  });
});
