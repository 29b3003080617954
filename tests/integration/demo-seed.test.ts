// The demo organisation is what a newcomer judges the product by: it must be
// internally consistent, and seeding twice must add nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from 'better-auth/crypto';
import { count, eq, isNull, schema } from '@porchlight/db';
import { seedDemo } from '@porchlight/db/seed';
import { testDb, type TestDb } from '../support/db';

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
  expect(await seedDemo(t.db, { hashPassword })).toBe(true);
});
afterAll(() => t.destroy());

describe('demo data', () => {
  it('seeds once: a second start adds nothing', async () => {
    const [before] = await t.db.select({ n: count() }).from(schema.residents);
    expect(await seedDemo(t.db, { hashPassword })).toBe(false);
    const [after] = await t.db.select({ n: count() }).from(schema.residents);
    expect(after?.n).toBe(before?.n);
  });

  it('has three houses, one peer-run, and about twenty residents with history', async () => {
    const houses = await t.db.select().from(schema.houses);
    expect(houses.map((h) => h.narrLevel).sort()).toEqual([1, 2, 2]);
    const [residents] = await t.db.select({ n: count() }).from(schema.residents);
    expect(residents?.n).toBeGreaterThanOrEqual(20);
    const ended = await t.db
      .select()
      .from(schema.stays)
      .where(eq(schema.stays.endReason, 'transferred'));
    expect(ended.length).toBeGreaterThan(0);
  });

  it('every violation names a rule of its version and a consequence that rule disclosed', async () => {
    const rows = await t.db
      .select({ violation: schema.violations, rules: schema.ruleBookVersions.rules })
      .from(schema.violations)
      .innerJoin(
        schema.ruleBookVersions,
        eq(schema.ruleBookVersions.id, schema.violations.ruleBookVersionId),
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const { violation, rules } of rows) {
      const rule = rules.find((r) => r.key === violation.ruleKey);
      expect(rule, violation.ruleKey).toBeDefined();
      expect(rule?.category).toBe(violation.category);
      expect(rule?.consequences.map((c) => c.kind)).toContain(violation.consequence.kind);
      // a rule is applied only to someone who signed it, and only after they moved in
      const signed = await t.db
        .select()
        .from(schema.ruleAcknowledgements)
        .where(eq(schema.ruleAcknowledgements.residentId, violation.residentId));
      expect(signed.map((a) => a.ruleBookVersionId)).toContain(violation.ruleBookVersionId);
      const [stay] = await t.db
        .select()
        .from(schema.stays)
        .where(eq(schema.stays.residentId, violation.residentId))
        .orderBy(schema.stays.startDate)
        .limit(1);
      expect(violation.occurredAt.toISOString().slice(0, 10) >= (stay?.startDate ?? '')).toBe(true);
    }
  });

  it('every current resident is in a phase of their own house', async () => {
    const current = await t.db
      .select({ residentId: schema.stays.residentId, houseId: schema.stays.houseId })
      .from(schema.stays)
      .where(isNull(schema.stays.endDate));
    const phases = await t.db
      .select({ residentId: schema.residentPhases.residentId, houseId: schema.phases.houseId })
      .from(schema.residentPhases)
      .innerJoin(schema.phases, eq(schema.phases.id, schema.residentPhases.phaseId));
    for (const stay of current) {
      const theirs = phases.filter((p) => p.residentId === stay.residentId);
      expect(theirs.length, stay.residentId).toBeGreaterThan(0);
      expect(theirs.every((p) => p.houseId === stay.houseId)).toBe(true);
    }
  });

  it('Maple House is on its second rule book version, which Jordan Ellis has yet to sign', async () => {
    const maple = await t.db
      .select()
      .from(schema.houses)
      .where(eq(schema.houses.name, 'Maple House'))
      .get();
    const book = await t.db
      .select()
      .from(schema.ruleBooks)
      .where(eq(schema.ruleBooks.houseId, maple?.id ?? ''))
      .get();
    const versions = await t.db
      .select()
      .from(schema.ruleBookVersions)
      .where(eq(schema.ruleBookVersions.ruleBookId, book?.id ?? ''));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const latest = versions.find((v) => v.version === 2);
    const signed = await t.db
      .select({ name: schema.ruleAcknowledgements.typedName })
      .from(schema.ruleAcknowledgements)
      .where(eq(schema.ruleAcknowledgements.ruleBookVersionId, latest?.id ?? ''));
    expect(signed.map((s) => s.name)).not.toContain('Jordan Ellis');
    expect(signed.length).toBeGreaterThan(3);
  });

  it('has a grievance that went from the house manager to the operator, with every step kept', async () => {
    const grievance = await t.db.select().from(schema.grievances).get();
    expect(grievance).toMatchObject({ level: 'operator', status: 'escalated' });
    const steps = await t.db
      .select()
      .from(schema.grievanceSteps)
      .where(eq(schema.grievanceSteps.grievanceId, grievance?.id ?? ''));
    expect(steps.map((s) => s.action).sort()).toEqual(['decide', 'escalate', 'file']);
  });
});
