// The Brief Assessment of Recovery Capital (BARC-10): ten statements a resident
// rates once a month, giving a total from 10 to 60. It is for the resident and
// their house manager to talk over; the product never decides anything from it.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import type { LocalDate } from '../dates';
import { invalid } from '../errors';

/** The ten statements, in the published order and wording. */
export const BARC10_ITEMS = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
] as const;

/** The six-point agreement scale, in the order it is shown. */
export const BARC10_SCALE = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Somewhat disagree' },
  { value: 4, label: 'Somewhat agree' },
  { value: 5, label: 'Agree' },
  { value: 6, label: 'Strongly agree' },
] as const;
export type Barc10Answer = (typeof BARC10_SCALE)[number]['value'];

export const BARC10_MIN_TOTAL = BARC10_ITEMS.length * 1;
export const BARC10_MAX_TOTAL = BARC10_ITEMS.length * 6;

/**
 * In the published validation (Vilsaint et al., 2017), a total of 47 or more
 * went with sustained recovery. It is guidance shown to people beside a total,
 * never a decision about anyone.
 */
export const BARC10_RECOVERY_THRESHOLD = 47;

/** A change in total of at least this much, either way, reads as rising or falling. */
export const BARC10_TREND_STEP = 3;

const answer = z
  .number({ error: 'is required: pick from 1 (strongly disagree) to 6 (strongly agree).' })
  .int('must be a whole number.')
  .min(1, 'must be from 1 (strongly disagree) to 6 (strongly agree).')
  .max(6, 'must be from 1 (strongly disagree) to 6 (strongly agree).');

/** A resident's answers, one per statement in order; an issue's path names the statement. */
export const barc10SubmitInput = z.strictObject({
  answers: z
    .array(answer, { error: `must be a list of ${BARC10_ITEMS.length} answers.` })
    .length(BARC10_ITEMS.length, `must answer all ${BARC10_ITEMS.length} statements.`),
});
export type Barc10SubmitInput = z.infer<typeof barc10SubmitInput>;

/** The total score, from 10 to 60. */
export function barc10Total(answers: readonly number[]): number {
  if (answers.length !== BARC10_ITEMS.length)
    throw invalid('answers', `must answer all ${BARC10_ITEMS.length} statements.`);
  let total = 0;
  for (const a of answers) {
    if (!Number.isInteger(a) || a < 1 || a > 6)
      throw invalid('answers', 'must each be from 1 to 6.');
    total += a;
  }
  return total;
}

/**
 * Whether the monthly BARC-10 is due on `today`, and from when. A new resident's
 * first is due from the day they move in; each later one from the same day of
 * the month after the last, or the month's last day when it is shorter (a form
 * done on 31 January is due again on 28 February).
 */
export function barc10Due(
  lastSubmittedOn: LocalDate | null,
  today: LocalDate,
  moveInDate: LocalDate,
): { due: boolean; dueOn: LocalDate } {
  const dueOn =
    lastSubmittedOn === null
      ? Temporal.PlainDate.from(moveInDate)
      : Temporal.PlainDate.from(lastSubmittedOn).add({ months: 1 });
  return {
    due: Temporal.PlainDate.compare(Temporal.PlainDate.from(today), dueOn) >= 0,
    dueOn: dueOn.toString(),
  };
}

export type Barc10Trend = 'rising' | 'falling' | 'steady' | 'unknown';

/**
 * Which way the latest total moved from the one before it. Totals are taken in
 * date order whatever order they are given in; two on the same date keep the
 * order given, the later one the latest.
 */
export function barc10Trend(totals: ReadonlyArray<{ on: LocalDate; total: number }>): Barc10Trend {
  const byDate = [...totals].sort((a, b) =>
    Temporal.PlainDate.compare(Temporal.PlainDate.from(a.on), Temporal.PlainDate.from(b.on)),
  );
  const latest = byDate.at(-1);
  const before = byDate.at(-2);
  if (latest === undefined || before === undefined) return 'unknown';
  const change = latest.total - before.total;
  if (change <= -BARC10_TREND_STEP) return 'falling';
  if (change >= BARC10_TREND_STEP) return 'rising';
  return 'steady';
}

/** Whether the latest total fell by enough to be worth a conversation. */
export function barc10Falling(totals: ReadonlyArray<{ on: LocalDate; total: number }>): boolean {
  return barc10Trend(totals) === 'falling';
}
