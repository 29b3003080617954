// A chore occurrence's state in words with an icon, so no state depends on
// colour alone; and the few ways the chores area writes days and effort.
import { OCCURRENCE_STATUS_LABELS } from '@porchlight/domain';
import { Icon, type IconName } from '../components/icon';
import type { OccurrenceStatus } from './data';

const ICONS: Record<OccurrenceStatus, IconName> = {
  unassigned: 'alert',
  upcoming: 'dash',
  due: 'hourglass',
  done: 'check',
  verified: 'check',
  rejected: 'pen',
  missed: 'cross',
};

export function ChoreStatus(props: { status: OccurrenceStatus; needsVerification?: boolean }) {
  const words = () =>
    props.status === 'done' && props.needsVerification
      ? 'Done, to be checked'
      : OCCURRENCE_STATUS_LABELS[props.status];
  return (
    <span class={`chore-status chore-status-${props.status}`}>
      <Icon name={ICONS[props.status]} />
      <span>{words()}</span>
    </span>
  );
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Tue, Dec 1" for 2026-12-01. */
export function dayLabel(date: string): string {
  const at = utc(date);
  return Number.isNaN(at.getTime()) ? date : dayFormat.format(at);
}

/** "Today", "Tomorrow", "Thursday" within the week ahead, otherwise "Tue, Dec 1". */
export function relativeDay(date: string, today: string): string {
  const days = Math.round((utc(date).getTime() - utc(today).getTime()) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  if (days > 1 && days < 7) return weekdayFormat.format(utc(date));
  return dayLabel(date);
}

/** "Mon, Dec 1 to Sun, Dec 7". */
export function periodLabel(start: string, end: string): string {
  return `${dayLabel(start)} to ${dayLabel(end)}`;
}

/** Effort as dots and words: the dots are decoration, the words are read. */
export function Effort(props: { effort: number }) {
  return (
    <span class="chore-effort">
      <span aria-hidden="true" class="chore-effort-dots">
        {'●'.repeat(props.effort)}
        <span class="chore-effort-empty">{'●'.repeat(Math.max(0, 5 - props.effort))}</span>
      </span>
      <span class="visually-hidden">Effort {props.effort} of 5</span>
    </span>
  );
}
