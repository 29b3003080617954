// House meetings: the weekly schedule on the house's clock (right across
// daylight-saving changes), the agenda template (by default the Oxford House
// order of business) with the reports each item carries, attendance, minutes
// that lock once approved, and action items that carry over until done.
import { Temporal } from 'temporal-polyfill';
import * as z from 'zod';
import { addDays, instantAt, type LocalDate, localDateAt } from '../dates';
import { id, localDate, optionalText, requiredText } from '../schemas';

export const MEETING_KINDS = ['house', 'emergency', 'officer'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  house: 'House meeting',
  emergency: 'Emergency meeting',
  officer: 'Officers’ meeting',
};

export const MEETING_STATUSES = ['scheduled', 'open', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Coming up',
  open: 'In progress',
  closed: 'Held',
  cancelled: 'Cancelled',
};

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'unexcused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  late: 'Late',
  excused: 'Excused',
  unexcused: 'Absent, not excused',
};

/** In the room for a vote: present, or arrived late. */
export function inTheRoom(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'late';
}

/** What the house's own records put under an agenda item. */
export const REPORT_SOURCES = [
  'minutes',
  'chores',
  'check_ins',
  'violations',
  'residents',
  'action_items',
  'milestones',
] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export const REPORT_SOURCE_LABELS: Record<ReportSource, string> = {
  minutes: 'The minutes of the last meeting',
  chores: 'Last week’s chores and next week’s rota',
  check_ins: 'Check-ins over the last week',
  violations: 'Open violations and grievances',
  residents: 'Who moved in and who left',
  action_items: 'Open action items',
  milestones: 'Milestones to celebrate (of residents who agreed to share them)',
};

export interface AgendaItem {
  key: string;
  title: string;
  reports: ReportSource[];
}

/** The Oxford House order of business. */
export const DEFAULT_AGENDA: readonly AgendaItem[] = [
  { key: 'call_to_order', title: 'Call to order', reports: [] },
  { key: 'roll_call', title: 'Roll call', reports: [] },
  { key: 'reading', title: 'Reading of the traditions', reports: [] },
  { key: 'minutes', title: 'Secretary’s minutes of the last meeting', reports: ['minutes'] },
  { key: 'treasurer', title: 'Treasurer’s report', reports: [] },
  { key: 'comptroller', title: 'Comptroller’s report', reports: [] },
  { key: 'chores', title: 'Chore coordinator’s report', reports: ['chores'] },
  { key: 'old_business', title: 'Old business', reports: ['action_items'] },
  {
    key: 'new_business',
    title: 'New business',
    reports: ['milestones', 'residents', 'check_ins', 'violations'],
  },
  { key: 'adjourn', title: 'Adjourn', reports: [] },
];

const wallTime = z
  .string({ error: 'is required.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 19:00.');

export const meetingScheduleInput = z.strictObject({
  houseId: id,
  weekday: z
    .number({ error: 'must be a day of the week.' })
    .int('must be a day of the week.')
    .min(1, 'must be a day of the week.')
    .max(7, 'must be a day of the week.'),
  time: wallTime,
  title: requiredText(120).default('House meeting'),
});

export const meetingCreateInput = z.strictObject({
  houseId: id,
  kind: z.enum(MEETING_KINDS, { error: 'must be a house, emergency or officers’ meeting.' }),
  title: requiredText(120),
  date: localDate,
  time: wallTime,
});

export const agendaTemplateInput = z.strictObject({
  houseId: id,
  items: z
    .array(
      z.strictObject({
        key: z.string().trim().max(60).optional(),
        title: requiredText(120),
        reports: z
          .array(z.enum(REPORT_SOURCES, { error: 'must be one of the listed reports.' }))
          .max(REPORT_SOURCES.length)
          .default([]),
      }),
    )
    .min(1, 'must have at least one item.')
    .max(30, 'can have at most 30 items.'),
});

export const attendanceInput = z.strictObject({
  meetingId: id,
  residentId: id,
  status: z.enum(ATTENDANCE_STATUSES, { error: 'must be present, late, excused or absent.' }),
  note: optionalText(300),
});

export const minutesInput = z.strictObject({
  meetingId: id,
  text: z.string().max(50_000, 'must be at most 50,000 characters.'),
});

export const amendMinutesInput = z.strictObject({
  meetingId: id,
  text: requiredText(10_000),
  reason: requiredText(300),
});

export const actionItemInput = z.strictObject({
  meetingId: id,
  text: requiredText(500),
  ownerResidentId: id.optional(),
  dueDate: localDate.optional(),
});

export interface WeeklySchedule {
  weekday: number;
  /** HH:MM on the house's clock. */
  time: string;
}

function hm(time: string): [number, number] {
  const [h, m] = time.split(':').map(Number);
  return [h ?? 0, m ?? 0];
}

/** The instant a meeting on `date` at `time` starts, on the house's clock. */
export function meetingStart(date: LocalDate, time: string, timeZone: string): Date {
  const [h, m] = hm(time);
  return instantAt(date, h, m, timeZone);
}

/**
 * The dates from `from` to `to` (both included) a weekly schedule meets on,
 * with the instant each starts: 19:00 stays 19:00 on the house's clock on both
 * sides of a daylight-saving change.
 */
export function scheduledMeetings(
  schedule: WeeklySchedule,
  from: LocalDate,
  to: LocalDate,
  timeZone: string,
): Array<{ date: LocalDate; startsAt: Date }> {
  const out: Array<{ date: LocalDate; startsAt: Date }> = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    if (Temporal.PlainDate.from(d).dayOfWeek === schedule.weekday)
      out.push({ date: d, startsAt: meetingStart(d, schedule.time, timeZone) });
  return out;
}

/** The next `count` meetings of a schedule that start at or after `now`. */
export function nextMeetings(
  schedule: WeeklySchedule,
  now: Date,
  timeZone: string,
  count: number,
): Array<{ date: LocalDate; startsAt: Date }> {
  const today = localDateAt(now, timeZone);
  return scheduledMeetings(schedule, today, addDays(today, 7 * count + 7), timeZone)
    .filter((m) => m.startsAt.getTime() >= now.getTime())
    .slice(0, count);
}

/** Keys for agenda items a house writes itself, stable through later edits. */
export function agendaKey(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'item';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}
