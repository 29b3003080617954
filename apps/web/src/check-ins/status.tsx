// Check-in statuses in words with an icon beside them, so no status depends on
// colour alone; the colour only repeats what the words say.
import { MOOD_LABELS } from '@porchlight/domain';
import type { JSX } from 'solid-js';
import { Icon, type IconName } from '../components/icon';
import type { BoardEntry, RequirementStatus } from './data';

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
