// Passes in words: times in the house's timezone, how long, and where a pass
// stands, so no status depends on colour alone.
import { PASS_STATUS_LABELS, PASS_TYPE_LABELS } from '@porchlight/domain/labels';
import { browserTimeZone, formatDate } from '../lib/dates';
import type { PassItem } from './data';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    const named = timeZone !== undefined && timeZone !== browserTimeZone();
    try {
      format = new Intl.DateTimeFormat(undefined, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
        // a reader in another timezone is told which clock the time is on
        ...(named ? { timeZoneName: 'short' as const } : {}),
      });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
    formats.set(key, format);
  }
  return format;
}

/** "Fri, Mar 13, 7:30 PM" in the house's timezone (named when it is not the reader's). */
export function formatAt(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatIn(timeZone).format(at);
}

const wallFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'UTC' });

/** A house-local wall time ("22:30") in the reader's style ("10:30 PM"). */
export function formatWallTime(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  if (!match) return hhmm;
  return wallFormat.format(new Date(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))));
}

/** "25 min", "1 h 5 min", "2 days 3 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 1440) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  }
  const days = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const dayText = `${days} ${days === 1 ? 'day' : 'days'}`;
  return h === 0 ? dayText : `${dayText} ${h} h`;
}

/** The calendar day `days` after the local date `from` (YYYY-MM-DD), formatted. */
export function dayAfter(from: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  if (!match) return from;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return formatDate(at.toISOString().slice(0, 10));
}

export function passTypeText(type: string): string {
  return PASS_TYPE_LABELS[type] ?? type;
}

export type PassTone = 'urgent' | 'active' | 'done' | 'closed';

/** Where a pass stands, in words, and how loudly to show it. */
export function passState(pass: PassItem): { text: string; tone: PassTone } {
  const progress = pass.progress;
  if (pass.status !== 'approved')
    return {
      text: PASS_STATUS_LABELS[pass.status] ?? pass.status,
      tone: pass.status === 'requested' ? 'active' : 'closed',
    };
  switch (progress.state) {
    case 'overdue':
      return { text: `Overdue by ${formatMinutes(progress.minutesOverdue)}`, tone: 'urgent' };
    case 'away':
      return { text: 'Approved · away now', tone: 'active' };
    case 'upcoming':
      return { text: 'Approved · not left yet', tone: 'active' };
    case 'returned':
      return progress.minutesLate > 0
        ? { text: `Back ${formatMinutes(progress.minutesLate)} late`, tone: 'done' }
        : { text: 'Back on time', tone: 'done' };
    default:
      return { text: PASS_STATUS_LABELS[pass.status] ?? pass.status, tone: 'active' };
  }
}

/** A datetime-local value as an ISO instant; '' stays '' and nonsense stays as typed. */
export function localInputToIso(value: string): string {
  if (value.trim() === '') return '';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
}

/** The possessive of a name: "Jordan Ellis's". */
export function possessive(name: string): string {
  return `${name}'s`;
}
