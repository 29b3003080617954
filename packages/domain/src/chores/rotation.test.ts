import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, type LocalDate } from '../dates';
import {
  balancesAfter,
  isAvailable,
  nextPeriodStart,
  planRota,
  type RotaChore,
  type RotaInput,
  type RotaPlan,
  type RotaResident,
} from './rotation';

const START = '2026-03-02'; // a Monday; the period runs across the spring DST change

function chore(id: string, effort: number, over: Partial<RotaChore> = {}): RotaChore {
  return { id, effort, frequency: 'daily', weekdays: [], residentsNeeded: 1, ...over };
}

function resident(id: string, over: Partial<RotaResident> = {}): RotaResident {
  return { id, from: null, until: null, away: [], ...over };
}

function input(over: Partial<RotaInput>): RotaInput {
  return {
    start: START,
    days: 7,
    chores: [],
    residents: [],
    balances: {},
    lastPeriod: [],
    exclusions: [],
    pins: [],
    ...over,
  };
}

function totals(plan: RotaPlan): Map<string, number> {
  const t = new Map<string, number>();
  for (const s of plan.slots)
    if (s.residentId) t.set(s.residentId, (t.get(s.residentId) ?? 0) + s.effort);
  return t;
}

// ---- generators: random houses, rosters and histories ----

const choreArb = (i: number) =>
  fc
    .record({
      effort: fc.integer({ min: 1, max: 5 }),
      frequency: fc.constantFrom('daily' as const, 'weekdays' as const, 'weekly' as const),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      residentsNeeded: fc.integer({ min: 1, max: 2 }),
    })
    .map((c): RotaChore => ({
      id: `chore-${i}`,
      effort: c.effort,
      frequency: c.frequency,
      weekdays:
        c.frequency === 'weekly' ? c.days.slice(0, 1) : c.frequency === 'daily' ? [] : c.days,
      residentsNeeded: c.residentsNeeded,
    }));

const choresArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => choreArb(i))));

const dateIn = (days: number) =>
  fc.integer({ min: 0, max: days - 1 }).map((d) => addDays(START, d));

/** A roster where people move in, move out and go away on passes. */
const rosterArb = (days: number) =>
  fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc
          .record({
            from: fc.option(dateIn(days), { nil: null }),
            until: fc.option(dateIn(days), { nil: null }),
            away: fc.uniqueArray(dateIn(days), { maxLength: 4 }),
          })
          .map((r): RotaResident => ({ id: `res-${i}`, ...r })),
      ),
    ),
  );

const houseArb = fc
  .record({
    days: fc.constantFrom(7, 14),
    chores: choresArb,
  })
  .chain(({ days, chores }) =>
    fc.record({
      days: fc.constant(days),
      chores: fc.constant(chores),
      residents: rosterArb(days),
      balances: fc.dictionary(
        fc.integer({ min: 0, max: 8 }).map((i) => `res-${i}`),
        fc.integer({ min: -20, max: 20 }),
      ),
      lastPeriod: fc.array(
        fc.record({
          residentId: fc.integer({ min: 0, max: 8 }).map((i) => `res-${i}`),
          choreId: fc.integer({ min: 0, max: 7 }).map((i) => `chore-${i}`),
        }),
        { maxLength: 12 },
      ),
      exclusions: fc.array(
        fc.record({
          residentId: fc.integer({ min: 0, max: 8 }).map((i) => `res-${i}`),
          choreId: fc.integer({ min: 0, max: 7 }).map((i) => `chore-${i}`),
        }),
        { maxLength: 4 },
      ),
      pins: fc.array(
        fc.record({
          residentId: fc.integer({ min: 0, max: 8 }).map((i) => `res-${i}`),
          choreId: fc.integer({ min: 0, max: 7 }).map((i) => `chore-${i}`),
          date: fc.option(dateIn(days), { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
    }),
  )
  .map((h) => input(h));

describe('planRota: invariants over random houses, rosters and histories', () => {
  test('is deterministic: the same house gives the same rota', () => {
    fc.assert(
      fc.property(houseArb, (house) => {
        expect(planRota(house)).toEqual(planRota(structuredClone(house)));
      }),
    );
  });

  test('gives every occurrence to someone in the house that day, not excused, never twice a day', () => {
    fc.assert(
      fc.property(houseArb, (house) => {
        const plan = planRota(house);
        const byId = new Map(house.residents.map((r) => [r.id, r]));
        const seen = new Set<string>();
        for (const slot of plan.slots) {
          if (slot.residentId === null) continue;
          const r = byId.get(slot.residentId);
          expect(r).toBeDefined();
          if (!r) continue;
          // away, before the first full day, or after moving out: never responsible
          expect(isAvailable(r, slot.date)).toBe(true);
          expect(
            house.exclusions.some((e) => e.residentId === r.id && e.choreId === slot.choreId),
          ).toBe(false);
          const key = `${r.id}|${slot.choreId}|${slot.date}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
    );
  });

  test('leaves an occurrence to nobody only when nobody in the house could take it', () => {
    fc.assert(
      fc.property(houseArb, (house) => {
        const plan = planRota(house);
        for (const slot of plan.slots.filter((s) => s.residentId === null)) {
          const sameDay = plan.slots.filter(
            (s) => s.choreId === slot.choreId && s.date === slot.date,
          );
          const able = house.residents.filter(
            (r) =>
              isAvailable(r, slot.date) &&
              !house.exclusions.some((e) => e.residentId === r.id && e.choreId === slot.choreId) &&
              !sameDay.some((s) => s.residentId === r.id),
          );
          expect(able).toEqual([]);
          expect(slot.reasons).toContainEqual({ code: 'nobody' });
        }
      }),
    );
  });

  test('honours a pin whenever the pinned resident is in the house and free for it', () => {
    fc.assert(
      fc.property(houseArb, (house) => {
        const plan = planRota(house);
        const byId = new Map(house.residents.map((r) => [r.id, r]));
        for (const pin of house.pins) {
          const r = byId.get(pin.residentId);
          if (
            !r ||
            house.exclusions.some((e) => e.residentId === r.id && e.choreId === pin.choreId)
          )
            continue;
          const dates = new Set(
            plan.slots
              .filter((s) => s.choreId === pin.choreId && (!pin.date || s.date === pin.date))
              .map((s) => s.date),
          );
          for (const date of dates) {
            if (!isAvailable(r, date)) continue;
            // more residents pinned to the chore that day than it has places: not every pin can hold
            const places = plan.slots.filter(
              (s) => s.choreId === pin.choreId && s.date === date,
            ).length;
            const pinnedThatDay = new Set(
              house.pins
                .filter((p) => p.choreId === pin.choreId && (!p.date || p.date === date))
                .filter((p) => {
                  const other = byId.get(p.residentId);
                  return (
                    other !== undefined &&
                    isAvailable(other, date) &&
                    !house.exclusions.some(
                      (e) => e.residentId === other.id && e.choreId === p.choreId,
                    )
                  );
                })
                .map((p) => p.residentId),
            );
            if (pinnedThatDay.size > places) continue;
            const theirs = plan.slots.filter(
              (s) => s.choreId === pin.choreId && s.date === date && s.residentId === r.id,
            );
            expect(theirs.length, `${r.id} pinned to ${pin.choreId} on ${date}`).toBe(1);
          }
        }
      }),
    );
  });

  test('does not give anyone last period’s chore again when someone else could take it without falling behind', () => {
    fc.assert(
      fc.property(houseArb, (house) => {
        const plan = planRota(house);
        const had = (rid: string, cid: string) =>
          house.lastPeriod.some((l) => l.residentId === rid && l.choreId === cid);
        const heaviest = Math.max(...house.chores.map((c) => c.effort));
        // balances as they stood when each slot was filled, replayed from the plan
        const shares = new Map(plan.loads.map((l) => [l.residentId, l.share]));
        const given = new Map<string, number>();
        const balance = (rid: string) =>
          (house.balances[rid] ?? 0) + (given.get(rid) ?? 0) - (shares.get(rid) ?? 0);
        const fixedFirst = plan.slots.filter((s) => s.pinned);
        for (const s of fixedFirst)
          if (s.residentId) given.set(s.residentId, (given.get(s.residentId) ?? 0) + s.effort);
        for (const [index, slot] of plan.slots.entries()) {
          const add = () => {
            if (slot.residentId && !slot.pinned)
              given.set(slot.residentId, (given.get(slot.residentId) ?? 0) + slot.effort);
          };
          const rid = slot.residentId;
          if (rid === null || slot.pinned || !had(rid, slot.choreId)) {
            add();
            continue;
          }
          const able = house.residents.filter(
            (r) =>
              isAvailable(r, slot.date) &&
              !house.exclusions.some((e) => e.residentId === r.id && e.choreId === slot.choreId) &&
              !plan.slots.some(
                (s, i) =>
                  s.choreId === slot.choreId &&
                  s.date === slot.date &&
                  s.residentId === r.id &&
                  (i < index || s.pinned),
              ),
          );
          const lowest = Math.min(...able.map((r) => balance(r.id)));
          for (const other of house.residents) {
            if (other.id === rid || had(other.id, slot.choreId)) continue;
            if (!isAvailable(other, slot.date)) continue;
            if (
              house.exclusions.some((e) => e.residentId === other.id && e.choreId === slot.choreId)
            )
              continue;
            // taking it would have put them more than one heaviest chore above the lowest
            if (balance(other.id) + slot.effort > lowest + heaviest + 1e-9) continue;
            // the other could only have been busy with another place on the same chore that day,
            // filled before this one (or pinned)
            const busy = plan.slots.some(
              (s, i) =>
                s.choreId === slot.choreId &&
                s.date === slot.date &&
                s.residentId === other.id &&
                (i < index || s.pinned),
            );
            expect(busy, `${other.id} could have taken ${slot.choreId} on ${slot.date}`).toBe(true);
          }
          add();
        }
      }),
    );
  });

  test('each resident’s fair share adds up to the effort given out, and balances carry over', () => {
    fc.assert(
      fc.property(houseArb, (house) => {
        const plan = planRota(house);
        const given = plan.slots.reduce((sum, s) => sum + (s.residentId ? s.effort : 0), 0);
        const assigned = plan.loads.reduce((sum, l) => sum + l.assigned, 0);
        expect(assigned).toBe(given);
        for (const l of plan.loads) {
          expect(l.after).toBeCloseTo(l.before + l.assigned - l.share, 9);
          expect(l.before).toBe(house.balances[l.residentId] ?? 0);
        }
      }),
    );
  });
});

describe('planRota: fairness over time', () => {
  test('after eight periods the effort spread stays within one heaviest chore’s weight', () => {
    fc.assert(
      fc.property(
        choresArb,
        fc.integer({ min: 2, max: 9 }),
        fc.constantFrom(7, 14),
        (chores, size, days) => {
          const residents = Array.from({ length: size }, (_, i) => resident(`res-${i}`));
          const heaviest = Math.max(...chores.map((c) => c.effort));
          let balances: Record<string, number> = {};
          let lastPeriod: Array<{ residentId: string; choreId: string }> = [];
          let start: LocalDate = START;
          const total = new Map(residents.map((r) => [r.id, 0]));
          for (let period = 0; period < 8; period += 1) {
            const plan = planRota(input({ start, days, chores, residents, balances, lastPeriod }));
            for (const [rid, effort] of totals(plan))
              total.set(rid, (total.get(rid) ?? 0) + effort);
            balances = balancesAfter(plan);
            lastPeriod = plan.slots.flatMap((s) =>
              s.residentId ? [{ residentId: s.residentId, choreId: s.choreId }] : [],
            );
            start = nextPeriodStart(start, days);
          }
          const values = [...total.values()];
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(heaviest);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  test('counts earlier periods: whoever did more before is given less now', () => {
    const chores = [chore('dishes', 2), chore('trash', 1, { frequency: 'weekly', weekdays: [4] })];
    const plan = planRota(
      input({
        chores,
        residents: [resident('a'), resident('b')],
        balances: { a: 8, b: -8 },
      }),
    );
    const t = totals(plan);
    expect(t.get('b') ?? 0).toBeGreaterThan(t.get('a') ?? 0);
    expect((t.get('b') ?? 0) - (t.get('a') ?? 0)).toBeLessThanOrEqual(16 + 2);
  });

  test('a resident who moves in mid-period joins from their first full day only', () => {
    const plan = planRota(
      input({
        chores: [chore('dishes', 2), chore('floors', 3)],
        residents: [resident('a'), resident('b'), resident('new', { from: addDays(START, 4) })],
      }),
    );
    const theirs = plan.slots.filter((s) => s.residentId === 'new');
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((s) => s.date >= addDays(START, 4))).toBe(true);
    const share = plan.loads.find((l) => l.residentId === 'new')?.share ?? 0;
    const fullShare = plan.loads.find((l) => l.residentId === 'a')?.share ?? 0;
    expect(share).toBeLessThan(fullShare);
  });

  test('days away on a pass are skipped and owe no share', () => {
    const away = [addDays(START, 1), addDays(START, 2)];
    const plan = planRota(
      input({
        chores: [chore('dishes', 2)],
        residents: [resident('a', { away }), resident('b'), resident('c')],
      }),
    );
    expect(plan.slots.some((s) => s.residentId === 'a' && away.includes(s.date))).toBe(false);
    const a = plan.loads.find((l) => l.residentId === 'a');
    const b = plan.loads.find((l) => l.residentId === 'b');
    expect(a?.share ?? 0).toBeLessThan(b?.share ?? 0);
  });
});

describe('planRota: explanations', () => {
  test('says why: pinned, the only one who could, the lowest balance, not last time', () => {
    const plan = planRota(
      input({
        chores: [
          chore('trash', 1, { frequency: 'weekly', weekdays: [1] }),
          chore('yard', 4, { frequency: 'weekly', weekdays: [6] }),
          chore('fridge', 3, { frequency: 'weekly', weekdays: [7] }),
        ],
        residents: [resident('a'), resident('b', { away: [addDays(START, 5)] })],
        pins: [{ choreId: 'trash', residentId: 'b' }],
        lastPeriod: [{ residentId: 'b', choreId: 'fridge' }],
      }),
    );
    const slot = (id: string) => plan.slots.find((s) => s.choreId === id);
    expect(slot('trash')).toMatchObject({
      residentId: 'b',
      pinned: true,
      reasons: [{ code: 'pinned' }],
    });
    expect(slot('yard')).toMatchObject({ residentId: 'a', reasons: [{ code: 'only_one' }] });
    expect(slot('fridge')?.residentId).toBe('a');
    expect(slot('fridge')?.reasons).toContainEqual({ code: 'not_last_time', skipped: 1 });
  });

  test('a pinned resident who is away that day is named, and someone else takes it', () => {
    const plan = planRota(
      input({
        chores: [chore('trash', 1, { frequency: 'weekly', weekdays: [1] })],
        residents: [resident('a', { away: [START] }), resident('b')],
        pins: [{ choreId: 'trash', residentId: 'a' }],
      }),
    );
    expect(plan.slots[0]?.residentId).toBe('b');
    expect(plan.slots[0]?.reasons).toContainEqual({ code: 'pinned_away', residentId: 'a' });
  });

  test('assignments kept from before stand, and count towards the balance', () => {
    const chores = [chore('dishes', 2)];
    const first = planRota(input({ chores, residents: [resident('a'), resident('b')] }));
    // b moves out from the fourth day: their later days are planned again, the rest stays
    const leaving = addDays(START, 3);
    const fixed = first.slots.flatMap((s) =>
      s.residentId && !(s.residentId === 'b' && s.date >= leaving)
        ? [{ choreId: s.choreId, date: s.date, slot: s.slot, residentId: s.residentId }]
        : [],
    );
    const again = planRota(
      input({
        chores,
        residents: [resident('a'), resident('b', { until: addDays(leaving, -1) })],
        fixed,
      }),
    );
    for (const f of fixed)
      expect(
        again.slots.find((s) => s.date === f.date && s.choreId === f.choreId)?.residentId,
      ).toBe(f.residentId);
    expect(again.slots.filter((s) => s.date >= leaving).every((s) => s.residentId === 'a')).toBe(
      true,
    );
  });
});
