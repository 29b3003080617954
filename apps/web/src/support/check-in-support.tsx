// The support parts of a resident's daily check-in: who from their circle they
// were in touch with (one tap each; a sponsor or mentor counts as sponsor
// contact), and a meeting picked from the house's directory instead of typed.
import { A } from '@solidjs/router';
import { MEETING_TYPE_LABELS, type MeetingType, SUPPORT_KIND_LABELS } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, createUniqueId, For, Show, Suspense } from 'solid-js';
import { formatWallTime } from '../passes/format';
import { residentQueries } from '../residents/data';
import { supportQueries, type Resource } from './data';
import './support.css';

/** Checkbox chips named `contacts`, one per person in the resident's circle. */
export function ContactChips() {
  // its own boundary: loading the circle never blanks the check-in form around it
  return (
    <Suspense>
      <Chips />
    </Suspense>
  );
}

function Chips() {
  const me = useQuery(residentQueries.me);
  const circle = useQuery(() => supportQueries.circle(me.data?.id ?? ''));
  const people = () => circle.data?.members.filter((m) => !m.suggested) ?? [];
  return (
    <Show when={circle.data}>
      <Show
        when={people().length > 0}
        fallback={
          <p class="field-hint">
            <A href="/support">Add the people who support you</A> to log who you talk to.
          </p>
        }
      >
        <fieldset class="field stack-sm contact-field">
          <legend>Who did you connect with today?</legend>
          <p class="field-hint">Optional. Tap everyone you talked to or saw.</p>
          <div class="contact-chips">
            <For each={people()}>
              {(m) => (
                <label class="contact-chip">
                  <input type="checkbox" name="contacts" value={m.id} />
                  <span>
                    {m.name}
                    <span class="visually-hidden">, {SUPPORT_KIND_LABELS[m.kind]}</span>
                  </span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </Show>
    </Show>
  );
}

const WEEKDAY_INDEX: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

/** Today's ISO weekday (1 Monday … 7 Sunday) in a time zone. */
export function weekdayIn(timeZone: string, at = new Date()): number {
  const short = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(at);
  return WEEKDAY_INDEX[short] ?? 1;
}

/**
 * A select of the house's directory meetings (today's first) that fills a
 * meeting row's kind and name and remembers which entry it was.
 */
export function DirectoryMeetingPicker(props: { index: number }) {
  // its own boundary: adding a meeting row never blanks the form while the directory loads
  return (
    <Suspense>
      <Picker index={props.index} />
    </Suspense>
  );
}

function Picker(props: { index: number }) {
  const me = useQuery(residentQueries.me);
  const directory = useQuery(() => supportQueries.directory(me.data?.house?.id ?? ''));
  const meetings = createMemo(() => {
    const d = directory.data;
    if (!d) return { today: [] as Resource[], other: [] as Resource[] };
    const day = weekdayIn(d.house.timezone);
    const all = d.resources.filter((r) => r.kind === 'meeting');
    const byTime = (a: Resource, b: Resource) => (a.time ?? '').localeCompare(b.time ?? '');
    return {
      today: all.filter((r) => r.weekdays.includes(day)).sort(byTime),
      other: all.filter((r) => !r.weekdays.includes(day)),
    };
  });
  const pickId = createUniqueId();
  let hidden: HTMLInputElement | undefined;
  const pick = (select: HTMLSelectElement) => {
    const chosen = directory.data?.resources.find((r) => r.id === select.value);
    const row = select.closest('fieldset');
    if (hidden) hidden.value = chosen?.id ?? '';
    if (!chosen || !row) return;
    const type = row.querySelector<HTMLSelectElement>(
      `select[name="meetings.${props.index}.type"]`,
    );
    const name = row.querySelector<HTMLInputElement>(`input[name="meetings.${props.index}.name"]`);
    const fellowship = chosen.fellowship as MeetingType | null;
    if (type) type.value = fellowship && fellowship in MEETING_TYPE_LABELS ? fellowship : 'other';
    if (name) name.value = chosen.name;
  };
  const label = (r: Resource) => `${r.name}${r.time ? ` (${formatWallTime(r.time)})` : ''}`;
  return (
    <>
      <Show when={meetings().today.length + meetings().other.length > 0}>
        <div class="field">
          <div class="field-label">
            <label for={pickId}>From the house’s meeting list</label>
            <span class="field-optional">optional</span>
          </div>
          <select id={pickId} data-meeting-pick onChange={(e) => pick(e.currentTarget)}>
            <option value="">Type it in below instead</option>
            <Show when={meetings().today.length > 0}>
              <optgroup label="Today">
                <For each={meetings().today}>{(r) => <option value={r.id}>{label(r)}</option>}</For>
              </optgroup>
            </Show>
            <optgroup label="Other days">
              <For each={meetings().other}>{(r) => <option value={r.id}>{label(r)}</option>}</For>
            </optgroup>
          </select>
        </div>
      </Show>
      {/* after the field: the legend before it floats, and the next element clears it */}
      <input type="hidden" name={`meetings.${props.index}.resourceId`} ref={hidden} />
    </>
  );
}

/** Clears a row's directory entry when its name is typed over. */
export function forgetDirectoryEntry(input: HTMLInputElement, index: number) {
  const row = input.closest('fieldset');
  const hidden = row?.querySelector<HTMLInputElement>(`input[name="meetings.${index}.resourceId"]`);
  if (hidden) hidden.value = '';
  const pick = row?.querySelector<HTMLSelectElement>('select[data-meeting-pick]');
  if (pick) pick.value = '';
}
