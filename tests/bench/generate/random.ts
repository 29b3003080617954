// Seeded randomness and record ids for the benchmark fixture: the same seed
// gives the same database shape on every run, so runs can be compared.

/** FNV-1a of a string: the seed of a named stream. */
function hashSeed(key: string): number {
  let state = 2166136261;
  for (let i = 0; i < key.length; i++) state = Math.imul(state ^ key.charCodeAt(i), 16777619);
  return state >>> 0;
}

/** mulberry32: small, fast and good enough for made-up records. */
export class Random {
  #state: number;

  constructor(key: string) {
    this.#state = hashSeed(key);
  }

  /** 0 (inclusive) to 1 (exclusive). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.next() * list.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }

  /** Picks by weight: `[value, weight]` pairs. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let roll = this.next() * total;
    for (const [value, w] of pairs) {
      roll -= w;
      if (roll < 0) return value;
    }
    const last = pairs.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** -1 to 1, most often near 0. */
  wobble(): number {
    return this.next() + this.next() - 1;
  }

  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }
}

/**
 * Ids shaped like version-4 UUIDs (the product's own ids are random UUIDs), but
 * the first eight digits count up, so each table's primary-key index is filled
 * in order instead of at random places: several times faster for millions of rows.
 */
export class Ids {
  #counter = 0;
  #random: Random;

  constructor(seed: string) {
    this.#random = new Random(`ids:${seed}`);
  }

  /** Eight random hex digits (a byte table: Number#toString(16) is slow on large numbers). */
  #word(): string {
    const n = Math.floor(this.#random.next() * 4294967296);
    return (
      (BYTE_HEX[(n >>> 24) & 255] ?? '00') +
      (BYTE_HEX[(n >>> 16) & 255] ?? '00') +
      (BYTE_HEX[(n >>> 8) & 255] ?? '00') +
      (BYTE_HEX[n & 255] ?? '00')
    );
  }

  next(): string {
    this.#counter += 1;
    const a = this.#word();
    const b = this.#word();
    const c = this.#word();
    const variant = '89ab'[Math.floor(this.#random.next() * 4)] ?? '8';
    return `${this.#counter.toString(16).padStart(8, '0')}-${a.slice(0, 4)}-4${a.slice(4, 7)}-${variant}${b.slice(0, 3)}-${b.slice(3, 8)}${c.slice(0, 7)}`;
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
