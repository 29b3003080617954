// Who needs attention, most urgent first: each flag names the resident, says
// why in plain words and links to the record behind it. The list is for a
// person to act on; it changes nothing by itself.
import { A } from '@solidjs/router';
import { ATTENTION_LABELS } from '@porchlight/domain';
import { For, Show } from 'solid-js';
import type { AttentionFlag, AttentionList } from './data';
import { Icon, type IconName } from '../components/icon';

const FLAG_ICONS: Record<AttentionFlag['kind'], IconName> = {
  overdue_return: 'alert',
  missed_check_in: 'cross',
  positive_test: 'alert',
  craving_spike: 'alert',
  barc10_falling: 'dash',
  no_meetings: 'hourglass',
  empty_pillar: 'dash',
  no_mentor_contact: 'hourglass',
};

/** Where a flag's record is: the out card above, the passes page, or the resident's record. */
export function flagHref(flag: AttentionFlag, houseId: string): string {
  switch (flag.link.kind) {
    case 'sign_out':
      return `/houses/${houseId}/check-ins#out-${flag.link.id}`;
    case 'pass':
      return `/houses/${houseId}/passes`;
    case 'test':
      return `/residents/${flag.residentId}#tests`;
    case 'recovery_capital':
      return `/residents/${flag.residentId}#recovery-capital`;
    case 'check_ins':
      return `/residents/${flag.residentId}#check-ins`;
    case 'support':
      return `/residents/${flag.residentId}#support`;
  }
}

const LINK_WORDS: Record<AttentionFlag['link']['kind'], string> = {
  sign_out: 'See the sign-out',
  pass: 'See the pass',
  test: 'See the tests',
  recovery_capital: 'See the surveys',
  check_ins: 'See the check-ins',
  support: 'See their support circle',
};

export function AttentionFlags(props: { list: AttentionList; houseId: string; limit?: number }) {
  const shown = () =>
    props.limit === undefined ? props.list.flags : props.list.flags.slice(0, props.limit);
  return (
    <Show
      when={props.list.flags.length > 0}
      fallback={
        <p class="empty">
          Nobody is flagged today ({props.list.residentsCounted} residents looked at).
        </p>
      }
    >
      <ol class="attention-list">
        <For each={shown()}>
          {(flag) => (
            <li class={`attention-flag attention-${flag.kind}`}>
              <p class="attention-kind">
                <Icon name={FLAG_ICONS[flag.kind]} />
                <span>{ATTENTION_LABELS[flag.kind]}</span>
              </p>
              <p>
                <strong>{flag.residentName}</strong>: {flag.why}
              </p>
              <p>
                <A href={flagHref(flag, props.houseId)}>
                  {LINK_WORDS[flag.link.kind]}
                  <span class="visually-hidden"> of {flag.residentName}</span>
                </A>
              </p>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
