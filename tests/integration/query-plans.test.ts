// The hot paths keep using their indexes: every query the product runs for a
// check-in, a resident's history, a house's boards and the operator's overview
// is read back from drizzle and explained by SQLite; a plan that scans one of
// the big tables (the ones that grow with residents and history) fails here,
// long before a large operator feels it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from 'better-auth/crypto';
import { schema } from '@porchlight/db';
import { seedDemo } from '@porchlight/db/seed';
import { callerAs } from '../factories';
import { testDb, type TestDb } from '../support/db';

/** Tables that grow with residents and years of history: never read whole. */
const BIG = [
  'audit_log',
  'check_ins',
  'check_in_meetings',
  'check_in_contacts',
  'chore_occurrences',
  'drug_tests',
  'house_day_stats',
  'meeting_attendance',
  'passes',
  'sessions',
  'sign_outs',
  'stays',
  'violations',
];

let handle: TestDb;
let recording: Array<{ sql: string; params: unknown[] }> | null = null;

beforeAll(async () => {
  handle = await testDb({ logQuery: (sql, params) => recording?.push({ sql, params }) });
  expect(await seedDemo(handle.db, { hashPassword })).toBe(true);
});
afterAll(() => handle.destroy());

async function userId(email: string) {
  const users = await handle.db.select().from(schema.users);
  return users.find((u) => u.email === email)?.id ?? '';
}

/** The queries `work` runs, each with the plan SQLite chose for it. */
async function plansOf(work: () => Promise<unknown>) {
  recording = [];
  await work();
  const queries = recording;
  recording = null;
  const plans: Array<{ sql: string; plan: string[] }> = [];
  for (const q of queries) {
    if (!/^\s*(select|with)\b/i.test(q.sql)) continue;
    const rows = await handle.client.execute({
      sql: `explain query plan ${q.sql}`,
      args: q.params as never,
    });
    plans.push({
      sql: q.sql,
      plan: rows.rows.map((r) => (typeof r.detail === 'string' ? r.detail : '')),
    });
  }
  return plans;
}

function scansOfBigTables(plans: Awaited<ReturnType<typeof plansOf>>) {
  const scans: string[] = [];
  for (const p of plans)
    for (const step of p.plan) {
      const table = /^SCAN (\w+)/.exec(step)?.[1];
      if (table && BIG.includes(table)) scans.push(`${step}\n    in: ${p.sql.slice(0, 300)}`);
    }
  return scans;
}

describe('query plans of the hot paths', () => {
  it('a resident recording a check-in and reading their history searches by index only', async () => {
    const luis = await callerAs(handle.db, await userId('housemate@example.org'));
    const plans = await plansOf(async () => {
      await luis.checkIns.record({ mood: 3, craving: 2 });
      const me = await luis.residents.me();
      await luis.checkIns.history({ residentId: me.id });
      await luis.checkIns.summary({ residentId: me.id });
    });
    expect(plans.length).toBeGreaterThan(3);
    expect(scansOfBigTables(plans)).toEqual([]);
  });

  it('a manager reading a house’s boards and attention list searches by index only', async () => {
    const manager = await callerAs(handle.db, await userId('manager@example.org'));
    const houses = await manager.houses.list();
    const maple = houses.items.find((h) => h.name === 'Maple House');
    if (!maple) throw new Error('no Maple House');
    const plans = await plansOf(async () => {
      await manager.checkIns.board({ houseId: maple.id });
      await manager.houses.board({ houseId: maple.id });
      await manager.attention.list({ houseId: maple.id });
    });
    expect(plans.length).toBeGreaterThan(5);
    expect(scansOfBigTables(plans)).toEqual([]);
  });

  it('the operator’s overview and trends search by index only', async () => {
    const operator = await callerAs(handle.db, await userId('operator@example.org'));
    // the first call works out the day figures; the plans that matter are the steady ones
    await operator.portfolio.overview();
    const plans = await plansOf(async () => {
      await operator.portfolio.overview();
      await operator.portfolio.trends();
    });
    expect(plans.some((p) => p.sql.includes('house_day_stats'))).toBe(true);
    expect(scansOfBigTables(plans)).toEqual([]);
  });
});
