import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ZodType } from 'zod';
import {
  DRAW_SEED_MAX,
  drawResidents,
  drawSize,
  newDrawSeed,
  randomDrawInput,
  verifyDraw,
} from './random-draw';

/** Each issue's message keyed by its dotted path ('' for the value itself). */
function issuesOf(schema: ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]),
  );
}

const seed = fc.integer({ min: 0, max: DRAW_SEED_MAX });
const residents = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 30 });

describe('randomDrawInput', () => {
  test('accepts a count or a percentage', () => {
    expect(randomDrawInput.parse({ houseId: 'house-1', count: 2 })).toEqual({
      houseId: 'house-1',
      count: 2,
    });
    expect(
      randomDrawInput.parse({ houseId: 'house-1', percent: 25, reason: 'Weekly random' }),
    ).toEqual({ houseId: 'house-1', percent: 25, reason: 'Weekly random' });
  });

  test('requires one of the two, naming the count', () => {
    expect(issuesOf(randomDrawInput, { houseId: 'house-1' })).toEqual({
      count: 'is required: give a number of residents or a percentage.',
    });
  });

  test('refuses both at once, naming the percentage', () => {
    expect(issuesOf(randomDrawInput, { houseId: 'house-1', count: 2, percent: 25 })).toEqual({
      percent: 'must be left out when a count is given: draw by one or the other.',
    });
  });

  test('counts and percentages are whole numbers from 1 to 100', () => {
    expect(issuesOf(randomDrawInput, { houseId: 'house-1', count: 0 })).toEqual({
      count: 'must be from 1 to 100.',
    });
    expect(issuesOf(randomDrawInput, { houseId: 'house-1', percent: 101 })).toEqual({
      percent: 'must be from 1 to 100.',
    });
    expect(issuesOf(randomDrawInput, { houseId: 'house-1', percent: 12.5 })).toEqual({
      percent: 'must be a whole number.',
    });
  });
});

describe('how many are drawn', () => {
  test('a count is capped at the number eligible', () => {
    expect(drawSize(8, { count: 3 })).toBe(3);
    expect(drawSize(2, { count: 3 })).toBe(2);
  });

  test('a percentage rounds up, and draws at least one when anyone is eligible', () => {
    expect(drawSize(8, { percent: 25 })).toBe(2);
    expect(drawSize(9, { percent: 25 })).toBe(3);
    expect(drawSize(5, { percent: 10 })).toBe(1);
    expect(drawSize(1, { percent: 1 })).toBe(1);
    expect(drawSize(7, { percent: 100 })).toBe(7);
  });

  test('nobody eligible means nobody drawn', () => {
    expect(drawSize(0, { count: 3 })).toBe(0);
    expect(drawSize(0, { percent: 50 })).toBe(0);
  });

  test('a size is always from 1 to the number eligible (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        (eligible, amount, byCount) => {
          const size = drawSize(eligible, byCount ? { count: amount } : { percent: amount });
          expect(size).toBeGreaterThanOrEqual(1);
          expect(size).toBeLessThanOrEqual(eligible);
        },
      ),
    );
  });
});

describe('drawing residents', () => {
  test('the same eligible residents, size and seed always draw the same residents', () => {
    const eligible = ['r-amy', 'r-ben', 'r-cal', 'r-dee', 'r-eve', 'r-fay'];
    const first = drawResidents(eligible, 3, 20261122);
    expect(first).toHaveLength(3);
    expect(drawResidents(eligible, 3, 20261122)).toEqual(first);
  });

  test('drawn residents are eligible, never repeated, and as many as asked or eligible (property)', () => {
    fc.assert(
      fc.property(residents, fc.nat({ max: 40 }), seed, (eligible, size, s) => {
        const drawn = drawResidents(eligible, size, s);
        expect(drawn).toHaveLength(Math.min(size, eligible.length));
        expect(new Set(drawn).size).toBe(drawn.length);
        for (const d of drawn) expect(eligible).toContain(d);
      }),
    );
  });

  test('nobody ineligible is ever drawn (property)', () => {
    fc.assert(
      fc.property(
        residents,
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 10 }),
        seed,
        (eligible, others, s) => {
          const ineligible = others.filter((o) => !eligible.includes(o));
          const drawn = drawResidents(eligible, eligible.length, s);
          for (const o of ineligible) expect(drawn).not.toContain(o);
        },
      ),
    );
  });

  test('the order the residents are listed in does not change the draw (property)', () => {
    fc.assert(
      fc.property(
        residents.chain((eligible) =>
          fc.tuple(
            fc.constant(eligible),
            fc.shuffledSubarray(eligible, { minLength: eligible.length }),
          ),
        ),
        fc.nat({ max: 40 }),
        seed,
        ([eligible, reordered], size, s) => {
          expect(drawResidents(reordered, size, s)).toEqual(drawResidents(eligible, size, s));
        },
      ),
    );
  });

  test('a resident listed twice is one resident', () => {
    const drawn = drawResidents(['r-amy', 'r-ben', 'r-amy'], 3, 7);
    expect([...drawn].sort()).toEqual(['r-amy', 'r-ben']);
  });

  test('every eligible resident can be drawn', () => {
    const eligible = ['r-amy', 'r-ben', 'r-cal', 'r-dee', 'r-eve', 'r-fay', 'r-gus'];
    for (const size of [1, 2, 3]) {
      const everDrawn = new Set<string>();
      for (let s = 0; s < 200; s++)
        for (const d of drawResidents(eligible, size, s)) everDrawn.add(d);
      expect([...everDrawn].sort()).toEqual(eligible);
    }
  });

  test('each resident is drawn about as often as any other', () => {
    // xoroshiro128+ as pure-rand seeds it makes neighbouring seeds' first picks
    // run in turn, so over consecutive seeds a one-person draw is near-exactly even;
    // the bounds are what a fair draw over random seeds keeps within too
    const eligible = ['r-amy', 'r-ben', 'r-cal', 'r-dee', 'r-eve'];
    const times = new Map<string, number>();
    const draws = 5000;
    for (let s = 0; s < draws; s++) {
      for (const d of drawResidents(eligible, 1, s)) times.set(d, (times.get(d) ?? 0) + 1);
    }
    for (const r of eligible) {
      const share = (times.get(r) ?? 0) / draws;
      expect(share).toBeGreaterThanOrEqual(0.15);
      expect(share).toBeLessThanOrEqual(0.25);
    }
  });

  test('a draw of two gives every pair a fair share', () => {
    const eligible = ['r-amy', 'r-ben', 'r-cal', 'r-dee', 'r-eve'];
    const times = new Map<string, number>();
    const draws = 5000;
    for (let s = 0; s < draws; s++) {
      // seeds spread over the whole range, as fresh ones are
      const pair = drawResidents(eligible, 2, (s * 2_654_435_761) % (DRAW_SEED_MAX + 1)).sort();
      times.set(pair.join(), (times.get(pair.join()) ?? 0) + 1);
    }
    expect(times.size).toBe(10);
    for (const n of times.values()) {
      expect(n / draws).toBeGreaterThanOrEqual(0.07);
      expect(n / draws).toBeLessThanOrEqual(0.13);
    }
  });

  test('refuses a size or seed that is not a whole number in range', () => {
    expect(() => drawResidents(['r-amy'], -1, 1)).toThrow('size must be a whole number');
    expect(() => drawResidents(['r-amy'], 1.5, 1)).toThrow('size must be a whole number');
    expect(() => drawResidents(['r-amy'], 1, -1)).toThrow('seed must be a whole number');
    expect(() => drawResidents(['r-amy'], 1, DRAW_SEED_MAX + 1)).toThrow(
      'seed must be a whole number',
    );
  });
});

describe('new seeds', () => {
  test('are unsigned 32-bit integers, and differ from draw to draw', () => {
    const seeds = Array.from({ length: 20 }, newDrawSeed);
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(DRAW_SEED_MAX);
    }
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});

describe('checking a recorded draw', () => {
  test('a real draw checks out (property)', () => {
    fc.assert(
      fc.property(residents, fc.nat({ max: 40 }), seed, (eligible, size, s) => {
        const drawn = drawResidents(eligible, size, s);
        expect(verifyDraw({ eligible, size, seed: s, drawn })).toBe(true);
      }),
    );
  });

  test('a draw with a name swapped, added, dropped or reordered does not (property)', () => {
    fc.assert(
      fc.property(
        residents.filter((r) => r.length >= 3),
        fc.integer({ min: 2, max: 40 }),
        seed,
        fc.nat(),
        (eligible, requested, s, pick) => {
          const size = Math.min(requested, eligible.length - 1);
          const drawn = drawResidents(eligible, size, s);
          const left = eligible.filter((e) => !drawn.includes(e));
          const outsider = left[pick % left.length] ?? 'r-nobody';
          const record = { eligible, size, seed: s };
          const tampered = [
            [outsider, ...drawn.slice(1)],
            [...drawn, outsider],
            drawn.slice(1),
            [...drawn].reverse(),
          ];
          for (const t of tampered) expect(verifyDraw({ ...record, drawn: t })).toBe(false);
        },
      ),
    );
  });

  test('a record with another seed or an impossible seed does not check out', () => {
    const eligible = ['r-amy', 'r-ben', 'r-cal', 'r-dee', 'r-eve', 'r-fay', 'r-gus', 'r-hal'];
    const drawn = drawResidents(eligible, 3, 41);
    expect(verifyDraw({ eligible, size: 3, seed: -41, drawn })).toBe(false);
    const otherSeeds = Array.from({ length: 50 }, (_, i) => i + 100).filter(
      (s) => !verifyDraw({ eligible, size: 3, seed: s, drawn }),
    );
    expect(otherSeeds.length).toBeGreaterThan(45);
  });
});
