// Days as numbers for the generator's hot loops. Millions of instants are made
// from (house timezone, day, minute of day); Temporal is exact but far too slow
// for that, so each timezone's UTC offset at noon of every day is worked out
// once with the domain's own instantAt and applied by arithmetic. Daylight-saving
// changes happen between 01:00 and 03:00, so a time from 03:00 to midnight uses
// that day's offset and a time after midnight the evening before's. Instants
// that decide whether something was on time (curfews) come from the domain itself.
import { curfewInstant, instantAt, localDateAt, type PhaseCurfews } from '@porchlight/domain';
import type { Random } from './random';

const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

export class Calendar {
  readonly now: Date;
  readonly nowMs: number;
  /** dates[i] is the calendar date of day i (YYYY-MM-DD) */
  readonly dates: string[] = [];
  /** ISO weekday of day i: 1 Monday … 7 Sunday */
  readonly weekdays: number[] = [];
  readonly #utcMidnight: number[] = [];
  readonly #index = new Map<string, number>();
  readonly #offsets = new Map<string, number[]>();
  readonly #curfews = new Map<string, number>();

  constructor(now: Date, from: string, to: string) {
    this.now = now;
    this.nowMs = now.getTime();
    const first = Date.parse(`${from}T00:00:00Z`);
    const last = Date.parse(`${to}T00:00:00Z`);
    for (let ms = first, i = 0; ms <= last; ms += DAY_MS, i++) {
      const d = new Date(ms);
      const date = d.toISOString().slice(0, 10);
      this.dates.push(date);
      this.weekdays.push(((d.getUTCDay() + 6) % 7) + 1);
      this.#utcMidnight.push(ms);
      this.#index.set(date, i);
    }
  }

  get length() {
    return this.dates.length;
  }

  date(day: number): string {
    const date = this.dates[day];
    if (date === undefined) throw new Error(`day ${day} is outside the calendar`);
    return date;
  }

  day(date: string): number {
    const day = this.#index.get(date);
    if (day === undefined) throw new Error(`${date} is outside the calendar`);
    return day;
  }

  /** The day index of `timeZone`'s today. */
  today(timeZone: string): number {
    return this.day(localDateAt(this.now, timeZone));
  }

  #offsetsOf(timeZone: string): number[] {
    let offsets = this.#offsets.get(timeZone);
    if (offsets) return offsets;
    offsets = this.dates.map(
      (date, i) =>
        (this.#utcMidnight[i] ?? 0) + 12 * 3_600_000 - instantAt(date, 12, 0, timeZone).getTime(),
    );
    this.#offsets.set(timeZone, offsets);
    return offsets;
  }

  /** Epoch ms of `minutes` after midnight of `day` on `timeZone`'s clock (1440 and more: the next day). */
  at(timeZone: string, day: number, minutes: number): number {
    const offsets = this.#offsetsOf(timeZone);
    let d = day;
    let m = minutes;
    while (m >= 1440) {
      d += 1;
      m -= 1440;
    }
    const offset = m < 180 ? offsets[d - 1] : offsets[d];
    const midnight = this.#utcMidnight[d];
    if (offset === undefined || midnight === undefined)
      throw new Error(`day ${d} is outside the calendar`);
    return midnight + Math.round(m * MINUTE_MS) - offset;
  }

  /** The curfew instant of the night of `day`, exactly as the domain works it out. */
  curfewAt(phase: PhaseCurfews, timeZone: string, day: number): number {
    const key = `${timeZone}|${phase.curfewWeeknights}|${phase.curfewWeekends}|${day}`;
    let at = this.#curfews.get(key);
    if (at === undefined) {
      at = curfewInstant(phase, this.date(day), timeZone).getTime();
      this.#curfews.set(key, at);
    }
    return at;
  }

  /** Checks the arithmetic against the domain on random days and times (throws on a mismatch). */
  selfCheck(timeZones: readonly string[], random: Random) {
    for (const tz of timeZones) {
      for (let k = 0; k < 300; k++) {
        const day = random.int(1, this.length - 2);
        const minutes = random.int(180, 1439);
        const expected = instantAt(
          this.date(day),
          Math.floor(minutes / 60),
          minutes % 60,
          tz,
        ).getTime();
        const got = this.at(tz, day, minutes);
        if (got !== expected)
          throw new Error(
            `calendar arithmetic is off in ${tz} on ${this.date(day)} at minute ${minutes}: ${got} vs ${expected}`,
          );
      }
    }
  }
}
