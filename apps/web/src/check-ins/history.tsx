// A resident's check-ins, newest first: when each was made (late ones say so),
// what it said, and every correction beside the first version. Staff also see
// where a check-in was made, when the resident shared it.
import { useInfiniteQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading } from '../components/page';
import { formatAt } from '../passes/format';
import { type CheckInHistoryItem, type CheckInVersion, checkInQueries } from './data';
import {
  cravingText,
  haltText,
  longDay,
  mapLink,
  meetingTypeText,
  moodText,
  yesNo,
} from './format';
import { ShowMore } from '../components/show-more';
import './check-ins.css';

type Location = NonNullable<CheckInVersion['location']>;

export function CheckInHistory(props: { residentId: string }) {
  const list = useInfiniteQuery(() => checkInQueries.history(props.residentId));
  const items = () => list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section class="stack" aria-labelledby="check-in-history-heading">
      <h2 id="check-in-history-heading">Check-in history</h2>
      <Switch fallback={<Loading label="Loading the check-ins…" />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          <Show when={items().length > 0} fallback={<p class="empty">No check-ins yet.</p>}>
            <ul class="check-in-list">
              <For each={items()}>{(item) => <HistoryEntry item={item} />}</For>
            </ul>
          </Show>
          <ShowMore list={list} />
        </Match>
      </Switch>
    </section>
  );
}

function HistoryEntry(props: { item: CheckInHistoryItem }) {
  const daily = () => props.item.kind === 'daily';
  const corrections = () => Math.max(0, props.item.versions.length - 1);
  return (
    <li class="card stack check-in-entry">
      <h3>
        {daily() ? 'Daily check-in' : "Curfew check-in (I'm home)"} for{' '}
        {longDay(props.item.forDate)}
      </h3>
      <p class="check-in-badges">
        <span>Made {formatAt(props.item.recordedAt, props.item.timezone)}</span>
        <Show when={props.item.late}>
          <span class="badge check-in-late">Late</span>
        </Show>
        <Show when={corrections() > 0}>
          <span class="badge check-in-corrected">
            Corrected{corrections() > 1 ? ` ${corrections()} times` : ''}
          </span>
        </Show>
      </p>
      <Show when={daily()}>
        <VersionFacts version={props.item.current} />
      </Show>
      <Show when={props.item.current.location}>
        {(where) => <LocationLine location={where()} />}
      </Show>
      <Show when={props.item.versions.length > 0}>
        <details class="check-in-numbers">
          <summary>Every version ({props.item.versions.length})</summary>
          <ol class="check-in-versions">
            <For each={props.item.versions}>
              {(version, index) => (
                <li>
                  <p>
                    <strong>{index() === 0 ? 'First version' : `Correction ${index()}`}</strong>,
                    made {formatAt(version.recordedAt, props.item.timezone)}
                  </p>
                  <Show when={version.correctionReason}>
                    {(reason) => (
                      <p>
                        Reason: <q>{reason()}</q>
                      </p>
                    )}
                  </Show>
                  <VersionFacts version={version} />
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </li>
  );
}

/** What one version of a daily check-in said; what was left out is not listed. */
function VersionFacts(props: { version: CheckInVersion }) {
  const v = () => props.version;
  return (
    <dl class="check-in-facts">
      <div>
        <dt>Mood</dt>
        <dd>{moodText(v().mood)}</dd>
      </div>
      <div>
        <dt>Craving</dt>
        <dd>{cravingText(v().craving)}</dd>
      </div>
      <Show when={v().halt.length > 0}>
        <div>
          <dt>Feeling</dt>
          <dd>{haltText(v().halt)}</dd>
        </div>
      </Show>
      <Show when={v().sleepHours !== null}>
        <div>
          <dt>Slept</dt>
          <dd>{v().sleepHours} h</dd>
        </div>
      </Show>
      <Show when={v().meetings.length > 0}>
        <div>
          <dt>Meetings</dt>
          <dd>
            <ul class="plain-list">
              <For each={v().meetings}>
                {(meeting) => (
                  <li>
                    {meetingTypeText(meeting.type)}: {meeting.name}
                    <Show when={meeting.verification}>
                      {(note) => <> (verification: {note()})</>}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </dd>
        </div>
      </Show>
      <Show when={v().sponsorContact !== null}>
        <div>
          <dt>Sponsor or mentor</dt>
          <dd>{yesNo(v().sponsorContact)}</dd>
        </div>
      </Show>
      <Show when={v().workOrSchool !== null}>
        <div>
          <dt>Work or school</dt>
          <dd>{yesNo(v().workOrSchool)}</dd>
        </div>
      </Show>
      <Show when={v().note}>
        {(note) => (
          <div>
            <dt>Note</dt>
            <dd class="check-in-note">{note()}</dd>
          </div>
        )}
      </Show>
    </dl>
  );
}

/** Where the phone was, as coordinates and a map link that sends no address of ours along. */
function LocationLine(props: { location: Location }) {
  const lat = () => props.location.latitude.toFixed(5);
  const lon = () => props.location.longitude.toFixed(5);
  return (
    <p>
      Location:{' '}
      <a href={mapLink(props.location.latitude, props.location.longitude)} rel="noreferrer">
        {lat()}, {lon()}
        <span class="visually-hidden"> on OpenStreetMap</span>
      </a>
      <Show when={props.location.accuracy}>
        {(accuracy) => <> (within {Math.round(accuracy())} m)</>}
      </Show>
    </p>
  );
}
