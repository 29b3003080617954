// Check-in statuses in words with an icon beside them, so no status depends on
// colour alone; the colour only repeats what the words say. The icons are
// drawn, hidden from assistive technology, and shared by the staff areas.
import { MOOD_LABELS } from '@porchlight/domain';
import { type JSX, Match, Switch } from 'solid-js';
import type { BoardEntry, RequirementStatus } from './data';

export type IconName =
  'check' | 'cross' | 'clock' | 'hourglass' | 'away' | 'dash' | 'alert' | 'pen';

/** A 1em line icon in the text's colour; the words beside it carry the meaning. */
export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg
      class={props.class ?? 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <Switch>
        <Match when={props.name === 'check'}>
          <path d="M3 8.5l3 3 7-7" />
        </Match>
        <Match when={props.name === 'cross'}>
          <path d="M4 4l8 8M12 4l-8 8" />
        </Match>
        <Match when={props.name === 'clock'}>
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5V8l2.5 1.5" />
        </Match>
        <Match when={props.name === 'hourglass'}>
          <path d="M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6" />
        </Match>
        <Match when={props.name === 'away'}>
          <path d="M9 3h4v4M13 3L7 9M11 10v3H3V5h3" />
        </Match>
        <Match when={props.name === 'dash'}>
          <path d="M4 8h8" />
        </Match>
        <Match when={props.name === 'alert'}>
          <path d="M8 1.8L15 14.2H1z" />
          <path d="M8 6.5v3.5M8 12.2v.1" />
        </Match>
        <Match when={props.name === 'pen'}>
          <path d="M3 13l1-3.5 7-7 2.5 2.5-7 7z" />
        </Match>
      </Switch>
    </svg>
  );
}

/** The order the board's summary reads in. */
export const REQUIREMENT_ORDER: readonly RequirementStatus[] = [
  'due',
  'done',
  'late',
  'missed',
  'away',
  'not_required',
  'unsigned',
];

/** One word or two for a status, as a chip shows it. */
export const REQUIREMENT_WORDS: Record<RequirementStatus, string> = {
  due: 'Due',
  done: 'Done',
  late: 'Done late',
  missed: 'Missed',
  away: 'Away',
  not_required: 'Not required',
  unsigned: 'Not counted',
};

/** How a count reads in the summary: "3 due", "1 made before signing the rules". */
export const REQUIREMENT_COUNT_WORDS: Record<RequirementStatus, string> = {
  due: 'due',
  done: 'done',
  late: 'late',
  missed: 'missed',
  away: 'away',
  not_required: 'not required',
  unsigned: 'made before signing the rules',
};

export const REQUIREMENT_ICONS: Record<RequirementStatus, IconName> = {
  due: 'hourglass',
  done: 'check',
  late: 'clock',
  missed: 'cross',
  away: 'away',
  not_required: 'dash',
  unsigned: 'pen',
};

/** What a status means, for the title of a chip and the summary's hints. */
export const REQUIREMENT_MEANING: Record<RequirementStatus, string> = {
  due: 'Not made yet, and there is still time.',
  done: 'Made on time.',
  late: 'Made, after the time it was due.',
  missed: 'Not made, and the time has passed.',
  away: 'Away on an approved pass when it was due.',
  not_required: 'Not asked of this resident that day.',
  unsigned: 'Made before the resident first signed the house rules, so it does not count yet.',
};

export function StatusChip(props: { status: RequirementStatus; children?: JSX.Element }) {
  return (
    <span class={`status-chip status-${props.status}`}>
      <Icon name={REQUIREMENT_ICONS[props.status]} />
      <span>
        {REQUIREMENT_WORDS[props.status]}
        {props.children}
      </span>
    </span>
  );
}

/** "Mood 4 (good), craving 2 of 10" for a daily check-in. */
export function moodAndCraving(entry: BoardEntry): string {
  const parts: string[] = [];
  if (entry.mood !== null) {
    const word = MOOD_LABELS[entry.mood];
    parts.push(`Mood ${entry.mood}${word ? ` (${word.toLowerCase()})` : ''}`);
  }
  if (entry.craving !== null) parts.push(`craving ${entry.craving} of 10`);
  return parts.join(', ');
}
