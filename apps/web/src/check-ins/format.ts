// Check-ins in words: times on the house's clock, scores with their meaning,
// and where a check-in stands, so no status depends on colour alone.
import { HALT_LABELS, MEETING_TYPE_LABELS, MOOD_LABELS } from '@porchlight/domain';
import { browserTimeZone } from '../lib/dates';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = timeFormats.get(key);
  if (!format) {
    const named = timeZone !== undefined && timeZone !== browserTimeZone();
    try {
      format = new Intl.DateTimeFormat(undefined, {
        hour: 'numeric',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
        // a phone set to another timezone is told which clock the time is on
        ...(named ? { timeZoneName: 'short' as const } : {}),
      });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
    }
    timeFormats.set(key, format);
  }
  return format;
}

/** "8:14 PM" on the house's clock (named when it is not the phone's). */
export function formatTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : timeFormat(timeZone).format(at);
}

const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const longDayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

function utcDay(local: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(local);
  return match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : null;
}

/** "Mar 12" for 2026-03-12, as a chart's axis reads it. */
export function shortDay(local: string): string {
  const day = utcDay(local);
  return day ? shortDayFormat.format(day) : local;
}

/** "Thu, Mar 12, 2026" for 2026-03-12. */
export function longDay(local: string): string {
  const day = utcDay(local);
  return day ? longDayFormat.format(day) : local;
}

export function moodText(mood: number | null | undefined): string {
  if (mood === null || mood === undefined) return '—';
  return `${mood} · ${MOOD_LABELS[mood] ?? ''}`;
}

export function cravingText(craving: number | null | undefined): string {
  if (craving === null || craving === undefined) return '—';
  if (craving === 0) return '0 of 10 (none)';
  return `${craving} of 10`;
}

export function haltText(halt: readonly string[]): string {
  return halt
    .map((h) => (h in HALT_LABELS ? HALT_LABELS[h as keyof typeof HALT_LABELS] : h))
    .join(', ');
}

export function meetingTypeText(type: string): string {
  return type in MEETING_TYPE_LABELS
    ? MEETING_TYPE_LABELS[type as keyof typeof MEETING_TYPE_LABELS]
    : type;
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value ? 'Yes' : 'No';
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A link to the place on OpenStreetMap, close enough to see the street. */
export function mapLink(latitude: number, longitude: number): string {
  const lat = latitude.toFixed(5);
  const lon = longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}
