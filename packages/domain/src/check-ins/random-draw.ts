// The random draw of residents for drug testing: fair, and reproducible from
// its record. A draw is a pure function of the eligible residents, the number
// drawn and a seed, so a resident who asks "why me?" can be shown the record,
// and anyone can re-run it and get the same names.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import * as z from 'zod';
import { invalid } from '../errors';
import { id, optionalText } from '../schemas';

const drawAmount = z
  .number({ error: 'must be a number.' })
  .int('must be a whole number.')
  .min(1, 'must be from 1 to 100.')
  .max(100, 'must be from 1 to 100.');

/** How many to draw, as a number of residents or a percentage of those eligible. */
export const randomDrawInput = z
  .strictObject({
    houseId: id,
    count: drawAmount.optional(),
    percent: drawAmount.optional(),
    reason: optionalText(300),
  })
  .superRefine((v, issue) => {
    if (v.count === undefined && v.percent === undefined)
      issue.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'is required: give a number of residents or a percentage.',
      });
    if (v.count !== undefined && v.percent !== undefined)
      issue.addIssue({
        code: 'custom',
        path: ['percent'],
        message: 'must be left out when a count is given: draw by one or the other.',
      });
  });
export type RandomDrawInput = z.infer<typeof randomDrawInput>;

/**
 * How many residents a draw takes from `eligibleCount`. A count larger than
 * the house is everyone; a percentage rounds up, so 10% of 5 draws one rather
 * than no one.
 */
export function drawSize(
  eligibleCount: number,
  amount: { count?: number | undefined; percent?: number | undefined },
): number {
  if (eligibleCount <= 0) return 0;
  if (amount.count !== undefined) return Math.min(amount.count, eligibleCount);
  if (amount.percent !== undefined)
    return Math.min(eligibleCount, Math.max(1, Math.ceil((eligibleCount * amount.percent) / 100)));
  throw invalid('count', 'is required: give a number of residents or a percentage.');
}

/** Seeds are unsigned 32-bit integers, so they fit any column and read back exactly. */
export const DRAW_SEED_MAX = 0xffff_ffff;

/**
 * Draws `size` of `eligibleIds` (fewer if fewer are eligible), in draw order.
 * The ids are sorted (and any listed twice counted once) before drawing, so the
 * order the database returned them in cannot change who is drawn; then a
 * Fisher–Yates shuffle, stopped after `size` places, picks each one uniformly
 * from those not yet drawn, using pure-rand's xoroshiro128+ seeded with `seed`.
 */
export function drawResidents(
  eligibleIds: readonly string[],
  size: number,
  seed: number,
): string[] {
  if (!Number.isInteger(size) || size < 0)
    throw invalid('size', 'must be a whole number, 0 or more.');
  if (!Number.isInteger(seed) || seed < 0 || seed > DRAW_SEED_MAX)
    throw invalid('seed', `must be a whole number from 0 to ${DRAW_SEED_MAX}.`);
  // sorted by UTF-16 code units, not by locale, so every machine agrees
  const pool = [...new Set(eligibleIds)].sort();
  const take = Math.min(size, pool.length);
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, pool.length - 1);
    const picked = pool[j];
    const displaced = pool[i];
    if (picked === undefined || displaced === undefined) break; // i < take <= length: never
    pool[i] = picked;
    pool[j] = displaced;
  }
  return pool.slice(0, take);
}

/** A fresh seed from the platform's cryptographic generator, for a new draw. */
export function newDrawSeed(): number {
  // the domain package is typed without DOM or Node globals; Web Crypto is in both
  const { crypto } = globalThis as typeof globalThis & {
    crypto: { getRandomValues(array: Uint32Array): Uint32Array };
  };
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export interface DrawRecord {
  eligible: readonly string[];
  size: number;
  seed: number;
  drawn: readonly string[];
}

/** Whether a recorded draw is what its eligible residents, size and seed give. */
export function verifyDraw(record: DrawRecord): boolean {
  let again: string[];
  try {
    again = drawResidents(record.eligible, record.size, record.seed);
  } catch {
    return false;
  }
  return again.length === record.drawn.length && again.every((d, i) => d === record.drawn[i]);
}
