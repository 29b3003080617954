// Passes: what a resident may ask for in their phase, what the person deciding
// should know, and whether a return was late. A request the phase forbids is
// refused with the field it is about; one the phase allows but that keeps the
// resident out past curfew carries a note for the manager who decides.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import { daysBetween, type LocalDate, localDateAt } from '../dates';
import { id, optionalText, requiredText } from '../schemas';
import { curfewInstant, curfewTimeOn, type PhaseCurfews } from './phases';
import { PASS_TYPE_LABELS, PASS_TYPES } from './rule-labels';

const instant = z.iso
  .datetime({ offset: true, error: 'must be a date and time.' })
  .transform((v) => new Date(v));

export const passRequestInput = z
  .strictObject({
    type: z.enum(PASS_TYPES, { error: 'must be one of the listed pass types.' }),
    destination: requiredText(200),
    departAt: instant,
    expectedReturnAt: instant,
    contact: optionalText(120),
    note: optionalText(500),
  })
  // (runs even when a date failed to parse, so it only compares real dates)
  .refine(
    (p) =>
      !(p.departAt instanceof Date && p.expectedReturnAt instanceof Date) ||
      p.expectedReturnAt.getTime() > p.departAt.getTime(),
    {
      path: ['expectedReturnAt'],
      message: 'must be after the departure.',
    },
  );
export type PassRequestInput = z.infer<typeof passRequestInput>;

export const passDecideInput = z
  .strictObject({
    passId: id,
    decision: z.enum(['approve', 'decline'], { error: 'must be approve or decline.' }),
    reason: optionalText(500),
  })
  .refine((d) => d.decision === 'approve' || d.reason !== undefined, {
    path: ['reason'],
    message: 'is required when declining: the resident is told why.',
  });
export const passIdInput = z.strictObject({ passId: id });
export const passReturnInput = z.strictObject({
  passId: id,
  // when staff record it after the fact; the server's clock otherwise
  returnedAt: instant.optional(),
});

export interface PassPhase extends PhaseCurfews {
  overnightPassesAllowed: boolean;
  passTypesAllowed: readonly string[];
  minDaysBeforePasses: number;
}

export interface PassCheck {
  refusals: Array<{ field: string; message: string }>;
  /** For the person deciding: what the request asks beyond the everyday. */
  notes: string[];
}

/** How far ahead a pass may be asked for, and how long it may last. */
export const PASS_LIMITS = { maxDaysAhead: 60, maxDays: 14, pastSlackMinutes: 15 } as const;

/** The nights (house-local dates) whose curfew falls while the resident is away. */
export function curfewsMissed(
  phase: PhaseCurfews,
  departAt: Date,
  returnAt: Date,
  timeZone: string,
): Array<{ night: LocalDate; curfewAt: Date }> {
  const missed: Array<{ night: LocalDate; curfewAt: Date }> = [];
  // start the night before departure: a 00:30 curfew belongs to the previous date
  let night = Temporal.PlainDate.from(localDateAt(departAt, timeZone)).subtract({ days: 1 });
  const last = Temporal.PlainDate.from(localDateAt(returnAt, timeZone));
  while (Temporal.PlainDate.compare(night, last) <= 0) {
    const at = curfewInstant(phase, night.toString(), timeZone);
    if (at.getTime() > departAt.getTime() && at.getTime() < returnAt.getTime())
      missed.push({ night: night.toString(), curfewAt: at });
    night = night.add({ days: 1 });
  }
  return missed;
}

/**
 * Checks a pass request against the resident's phase. `moveInDate` is the first
 * night of the resident's current stay; `now` is the server's clock.
 */
export function checkPassEligibility(args: {
  phase: PassPhase;
  request: Pick<PassRequestInput, 'type' | 'departAt' | 'expectedReturnAt'>;
  moveInDate: LocalDate;
  timeZone: string;
  now: Date;
}): PassCheck {
  const { phase, request, timeZone, now } = args;
  const refusals: PassCheck['refusals'] = [];
  const notes: string[] = [];
  const typeLabel = (PASS_TYPE_LABELS[request.type] ?? request.type).toLowerCase();
  const hour = 3_600_000;
  const day = 24 * hour;

  if (request.departAt.getTime() < now.getTime() - PASS_LIMITS.pastSlackMinutes * 60_000)
    refusals.push({
      field: 'departAt',
      message: 'is in the past: a pass is asked for beforehand.',
    });
  if (request.departAt.getTime() > now.getTime() + PASS_LIMITS.maxDaysAhead * day)
    refusals.push({
      field: 'departAt',
      message: `must be within ${PASS_LIMITS.maxDaysAhead} days from now.`,
    });
  if (request.expectedReturnAt.getTime() - request.departAt.getTime() > PASS_LIMITS.maxDays * day)
    refusals.push({
      field: 'expectedReturnAt',
      message: `must be at most ${PASS_LIMITS.maxDays} days after the departure.`,
    });

  const typeAllowed = phase.passTypesAllowed.includes(request.type);
  if (!typeAllowed)
    refusals.push({
      field: 'type',
      message: `is not allowed in ${phase.name}: no ${typeLabel} passes.`,
    });

  const dayInHouse = daysBetween(args.moveInDate, localDateAt(request.departAt, timeZone));
  if (dayInHouse < phase.minDaysBeforePasses) {
    const from = Temporal.PlainDate.from(args.moveInDate)
      .add({ days: phase.minDaysBeforePasses })
      .toString();
    refusals.push({
      field: 'departAt',
      message: `is too soon: ${phase.name} allows passes from day ${phase.minDaysBeforePasses} in the house (${from}).`,
    });
  }

  const missed = curfewsMissed(phase, request.departAt, request.expectedReturnAt, timeZone);
  // nights away count by 03:00 house time, so a pass that leaves after curfew and
  // stays out all night is overnight even though it misses no curfew
  const nights = nightsAway(request.departAt, request.expectedReturnAt, timeZone);
  const overnight = request.type === 'overnight' || nights > 0;
  if (overnight && !phase.overnightPassesAllowed) {
    // an overnight pass the phase does not list at all is already refused above
    if (typeAllowed || request.type !== 'overnight')
      refusals.push({
        field: request.type === 'overnight' ? 'type' : 'expectedReturnAt',
        message: `is overnight, and ${phase.name} does not allow overnight passes.`,
      });
  } else if (nights > 0) {
    notes.push(`Overnight: away for ${nights === 1 ? 'one night' : `${nights} nights`}.`);
  } else if (missed.length > 0) {
    const first = missed[0];
    if (first) {
      const late = Math.round(
        (request.expectedReturnAt.getTime() - first.curfewAt.getTime()) / 60_000,
      );
      notes.push(
        `Returns ${formatMinutes(late)} after the ${phase.name} curfew of ${curfewTimeOn(phase, first.night)}.`,
      );
    }
  }
  return { refusals, notes };
}

// A pass counts as overnight when the resident is away in the dead of the night
// (03:00 house time), not merely back an hour late. Counts those nights.
function nightsAway(departAt: Date, returnAt: Date, timeZone: string): number {
  let day = Temporal.PlainDate.from(localDateAt(departAt, timeZone));
  const last = Temporal.PlainDate.from(localDateAt(returnAt, timeZone));
  let nights = 0;
  while (Temporal.PlainDate.compare(day, last) <= 0) {
    const three = day.toZonedDateTime({
      timeZone,
      plainTime: Temporal.PlainTime.from('03:00'),
    }).epochMilliseconds;
    if (departAt.getTime() <= three && returnAt.getTime() > three) nights += 1;
    day = day.add({ days: 1 });
  }
  return nights;
}

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export type PassState = 'requested' | 'approved' | 'declined' | 'cancelled';

/** Where an approved pass stands at `now`: not yet gone, away, overdue, back (late or not). */
export function passProgress(
  pass: { status: PassState; departAt: Date; expectedReturnAt: Date; returnedAt: Date | null },
  now: Date,
):
  | { state: 'not_approved' }
  | { state: 'upcoming' }
  | { state: 'away' }
  | { state: 'overdue'; minutesOverdue: number }
  | { state: 'returned'; minutesLate: number } {
  if (pass.status !== 'approved') return { state: 'not_approved' };
  if (pass.returnedAt) {
    const late = pass.returnedAt.getTime() - pass.expectedReturnAt.getTime();
    return { state: 'returned', minutesLate: late > 0 ? Math.floor(late / 60_000) : 0 };
  }
  if (now.getTime() < pass.departAt.getTime()) return { state: 'upcoming' };
  if (now.getTime() <= pass.expectedReturnAt.getTime()) return { state: 'away' };
  return {
    state: 'overdue',
    minutesOverdue: Math.floor((now.getTime() - pass.expectedReturnAt.getTime()) / 60_000),
  };
}

/** Whether an approved pass excuses the resident at `instant` (for check-ins and chores). */
export function passCovers(
  pass: { status: PassState; departAt: Date; expectedReturnAt: Date; returnedAt: Date | null },
  instant: Date,
): boolean {
  if (pass.status !== 'approved') return false;
  const end =
    pass.returnedAt && pass.returnedAt < pass.expectedReturnAt
      ? pass.returnedAt
      : pass.expectedReturnAt;
  return instant.getTime() >= pass.departAt.getTime() && instant.getTime() < end.getTime();
}
