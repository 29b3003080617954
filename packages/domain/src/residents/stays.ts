// The rules of stays: a stay covers the nights from its start date up to, not
// including, its end date. One bed holds one resident a night; one resident has
// one bed a night; stays are closed, never rewritten.
import { conflict, invalid } from '../errors';
import type { LocalDate } from '../dates';

export interface StayRecord {
  id: string;
  residentId: string;
  bedId: string;
  houseId: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

export function isOpen(stay: Pick<StayRecord, 'endDate'>): boolean {
  return stay.endDate === null;
}

/** Whether the resident slept in the stay's bed on the night of `date`. */
export function coversNight(
  stay: Pick<StayRecord, 'startDate' | 'endDate'>,
  date: LocalDate,
): boolean {
  return stay.startDate <= date && (stay.endDate === null || date < stay.endDate);
}

/** The stay that had `bedId` on the night of `date`, if any. */
export function occupantOn<S extends StayRecord>(
  stays: readonly S[],
  bedId: string,
  date: LocalDate,
) {
  return stays.find((s) => s.bedId === bedId && coversNight(s, date));
}

/** A stay that holds the bed on any night from `date` on. */
function claimFrom<S extends StayRecord>(bedStays: readonly S[], date: LocalDate) {
  return bedStays.find((s) => s.endDate === null || s.endDate > date);
}

function notInFuture(field: string, date: LocalDate, today: LocalDate) {
  if (date > today) throw invalid(field, 'cannot be in the future.');
}

export function checkAdmission(args: {
  bedId: string;
  startDate: LocalDate;
  today: LocalDate;
  bedStays: readonly StayRecord[];
  residentStays: readonly StayRecord[];
}): void {
  notInFuture('startDate', args.startDate, args.today);
  if (args.residentStays.some(isOpen)) {
    throw conflict('This resident already has a bed. Use a transfer to move them.', 'residentId');
  }
  const lastEnd = args.residentStays
    .map((s) => s.endDate)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  if (lastEnd !== undefined && args.startDate < lastEnd) {
    throw invalid(
      'startDate',
      `must be on or after the end of the resident's last stay (${lastEnd}).`,
    );
  }
  const taken = claimFrom(args.bedStays, args.startDate);
  if (taken) throw conflict('That bed is not free from that date.', 'bedId');
}

export function checkTransfer(args: {
  current: StayRecord | undefined;
  bedId: string;
  date: LocalDate;
  today: LocalDate;
  bedStays: readonly StayRecord[];
}): StayRecord {
  const { current } = args;
  if (!current)
    throw conflict('This resident has no bed to transfer from. Admit them instead.', 'residentId');
  notInFuture('date', args.date, args.today);
  if (args.bedId === current.bedId) throw invalid('bedId', 'is the bed the resident already has.');
  if (args.date < current.startDate) {
    throw invalid('date', `must be on or after the current stay began (${current.startDate}).`);
  }
  const taken = claimFrom(args.bedStays, args.date);
  if (taken) throw conflict('That bed is not free from that date.', 'bedId');
  return current;
}

export function checkMoveOut(args: {
  current: StayRecord | undefined;
  date: LocalDate;
  today: LocalDate;
}): StayRecord {
  const { current } = args;
  if (!current) throw conflict('This resident has no current stay to end.', 'residentId');
  notInFuture('date', args.date, args.today);
  if (args.date < current.startDate) {
    throw invalid('date', `must be on or after the stay began (${current.startDate}).`);
  }
  return current;
}

export interface Occupancy {
  beds: number;
  filled: number;
  open: number;
}

export function occupancy(
  bedIds: readonly string[],
  stays: readonly StayRecord[],
  date: LocalDate,
): Occupancy {
  const filled = bedIds.filter((bedId) => occupantOn(stays, bedId, date)).length;
  return { beds: bedIds.length, filled, open: bedIds.length - filled };
}
