// A resident's record as anyone allowed to see it reads it: the resident on
// their own profile, and staff.
import { DISCHARGE_REASON_LABELS } from '@porchlight/domain/labels';
import { For, Show } from 'solid-js';
import { browserToday, daysBetween, formatDate, plural } from '../lib/dates';
import type { ResidentRecord } from '../lib/trpc';

type Stay = ResidentRecord['stays'][number];

const STATUS_LABELS: Record<ResidentRecord['status'], string> = {
  current: 'Living in the house',
  past: 'Moved out',
  'awaiting-bed': 'Waiting for a bed',
};

export function statusLabel(record: ResidentRecord): string {
  return STATUS_LABELS[record.status];
}

function reasonLabel(reason: string | null): string {
  if (reason === null) return '';
  if (reason === 'transferred') return 'Transferred';
  return reason in DISCHARGE_REASON_LABELS
    ? DISCHARGE_REASON_LABELS[reason as keyof typeof DISCHARGE_REASON_LABELS]
    : reason;
}

export function bedName(stay: Pick<Stay, 'roomName' | 'bedLabel'>): string {
  return `${stay.roomName} · Bed ${stay.bedLabel}`;
}

export function ResidentFacts(props: { record: ResidentRecord }) {
  const daysSober = () => {
    const since = props.record.sobrietyDate;
    if (!since) return null;
    return daysBetween(since, props.record.today ?? browserToday());
  };
  return (
    <dl class="facts">
      <div>
        <dt>Status</dt>
        <dd>
          <span class={`badge badge-${props.record.status}`}>{statusLabel(props.record)}</span>
        </dd>
      </div>
      <div>
        <dt>Current bed</dt>
        <dd>
          <Show when={props.record.currentStay} fallback="None">
            {(stay) => (
              <>
                {bedName(stay())}, {stay().houseName}
              </>
            )}
          </Show>
        </dd>
      </div>
      <Show when={props.record.currentStay}>
        {(stay) => (
          <>
            <div>
              <dt>Move-in date</dt>
              <dd>{formatDate(stay().startDate)}</dd>
            </div>
            <Show when={stay().expectedEndDate}>
              {(date) => (
                <div>
                  <dt>Planned move-out</dt>
                  <dd>{formatDate(date())}</dd>
                </div>
              )}
            </Show>
          </>
        )}
      </Show>
      <Show when={!props.record.currentStay && props.record.house}>
        {(house) => (
          <div>
            <dt>House</dt>
            <dd>{house().name}</dd>
          </div>
        )}
      </Show>
      <div>
        <dt>Sobriety date</dt>
        <dd>
          <Show when={props.record.sobrietyDate} fallback="Not recorded">
            {(date) => (
              <>
                {formatDate(date())}
                <Show when={daysSober() !== null && (daysSober() ?? 0) >= 0}>
                  {' · '}
                  <strong>{plural(daysSober() ?? 0, 'day', 'days')}</strong>
                </Show>
              </>
            )}
          </Show>
        </dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>
          <Show when={props.record.phone} fallback="Not recorded">
            {(phone) => <a href={`tel:${phone().replace(/[^+0-9]/g, '')}`}>{phone()}</a>}
          </Show>
        </dd>
      </div>
      <div>
        <dt>Email</dt>
        <dd>
          <Show when={props.record.email} fallback="Not recorded">
            {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
          </Show>
        </dd>
      </div>
      <Show when={props.record.dateOfBirth}>
        {(date) => (
          <div>
            <dt>Date of birth</dt>
            <dd>{formatDate(date())}</dd>
          </div>
        )}
      </Show>
    </dl>
  );
}

export function EmergencyContactList(props: { record: ResidentRecord }) {
  return (
    <section class="stack" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Emergency contacts</h2>
      <Show
        when={props.record.emergencyContacts.length > 0}
        fallback={<p class="empty">No emergency contacts recorded.</p>}
      >
        <ul class="plain-list contacts">
          <For each={props.record.emergencyContacts}>
            {(contact) => (
              <li>
                <strong>{contact.name}</strong> <span class="muted">({contact.relationship})</span>{' '}
                <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

export function StayHistory(props: { record: ResidentRecord }) {
  return (
    <section class="stack" aria-labelledby="stays-heading">
      <h2 id="stays-heading">Stay history</h2>
      <Show
        when={props.record.stays.length > 0}
        fallback={<p class="empty">No stays yet: not yet admitted to a bed.</p>}
      >
        <ol class="stays">
          <For each={props.record.stays}>
            {(stay) => (
              <li class="stay card">
                <p>
                  <strong>{stay.houseName}</strong>
                </p>
                <p>{bedName(stay)}</p>
                <p>
                  {formatDate(stay.startDate)} – {stay.endDate ? formatDate(stay.endDate) : 'now'}
                </p>
                <Show when={stay.endReason}>
                  <p class="muted">
                    {reasonLabel(stay.endReason)}
                    <Show when={stay.endNote}>{(note) => <>: {note()}</>}</Show>
                  </p>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
