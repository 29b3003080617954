// Peer mentoring in one house, for its managers and its chair (in a peer-run
// house, the residents' elected officer): who mentors whom now, the pairings
// before, and pairing a newcomer with a resident who has lived in the house
// longer. Pairings are ended with a reason, never deleted.
import { A, useParams } from '@solidjs/router';
import { addDays } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { browserToday, formatDate } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextField,
} from '../lib/forms';
import { pairMentor, type Pairing, supportQueries } from './data';
import { EndPairing } from './resident-support';
import './support.css';

export default function MentoringPage() {
  const params = useParams<{ houseId: string }>();
  const pairings = useQuery(() => supportQueries.housePairings(params.houseId));
  const candidates = useQuery(() => supportQueries.pairingCandidates(params.houseId));
  const [message, setMessage] = createSignal('');
  const current = () => (pairings.data ?? []).filter((p) => p.current);
  const before = () => (pairings.data ?? []).filter((p) => !p.current);
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}/meetings`}>Meetings</A>
        </p>
        <PageHeading title="Peer mentoring">Peer mentoring</PageHeading>
        <p class="lede">
          Pair a newcomer with a resident who has been in the house longer. Both see the pairing,
          and the mentor logs short check-ins with their mentee.
        </p>
      </div>
      <p class="status-note" role="status">
        {message()}
      </p>
      <Switch fallback={<Loading label="Loading the pairings" />}>
        <Match when={pairings.isError && !pairings.data}>
          <LoadError error={pairings.error} retry={() => void pairings.refetch()} />
        </Match>
        <Match when={pairings.data}>
          <section class="stack" aria-labelledby="current-heading">
            <h2 id="current-heading">Now</h2>
            <Show
              when={current().length > 0}
              fallback={<p class="empty">Nobody is paired right now.</p>}
            >
              <PairingList pairings={current()} onDone={setMessage} />
            </Show>
          </section>
          <Show when={candidates.data}>
            {(people) => (
              <PairForm houseId={params.houseId} people={people()} onDone={setMessage} />
            )}
          </Show>
          <Show when={before().length > 0}>
            <section class="stack" aria-labelledby="before-heading">
              <h2 id="before-heading">Before</h2>
              <PairingList pairings={before()} onDone={setMessage} />
            </section>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

function PairingList(props: { pairings: Pairing[]; onDone: (m: string) => void }) {
  return (
    <ul class="plain-list stack">
      <For each={props.pairings}>
        {(p) => (
          <li class="card stack-sm pairing">
            <p>
              <strong>{p.mentorName}</strong> mentors <strong>{p.menteeName}</strong>{' '}
              <span class="member-meta">
                {formatDate(p.startDate)} to {formatDate(p.endDate)}
                {p.endedEarly ? ` (ended early: ${p.endReason ?? ''})` : ''}
                {` · ${p.notes.length} ${p.notes.length === 1 ? 'check-in' : 'check-ins'} logged`}
              </span>
            </p>
            <Show when={p.current && !p.endedEarly}>
              <EndPairing pairingId={p.id} onDone={props.onDone} />
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

type Candidate = { id: string; name: string; since: string; hasMentor: boolean };

function PairForm(props: { houseId: string; people: Candidate[]; onDone: (m: string) => void }) {
  const today = browserToday();
  const [menteeId, setMenteeId] = createSignal('');
  const mentee = () => props.people.find((p) => p.id === menteeId());
  // a mentor has lived in the house longer than the newcomer (the server says so too)
  const mentors = () => {
    const m = mentee();
    return props.people.filter((p) => p.id !== menteeId() && (!m || p.since <= m.since));
  };
  const label = (p: Candidate) => `${p.name}, in the house since ${formatDate(p.since)}`;
  const form = createForm({
    read: (data) => {
      const errors: Record<string, string> = {};
      const mentee = text(data, 'menteeId');
      const mentor = text(data, 'mentorId');
      if (!mentee) errors.menteeId = 'is required: pick the newcomer.';
      if (!mentor) errors.mentorId = 'is required: pick a resident.';
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      const endDate = text(data, 'endDate');
      return {
        ok: true,
        data: {
          houseId: props.houseId,
          mentorId: mentor,
          menteeId: mentee,
          ...(endDate ? { endDate } : {}),
        },
      };
    },
    submit: async (value, element) => {
      await pairMentor(value);
      const names = (id: string) => props.people.find((p) => p.id === id)?.name ?? 'The resident';
      element.reset();
      setMenteeId('');
      props.onDone(`${names(value.menteeId)} is paired with ${names(value.mentorId)}.`);
    },
  });
  return (
    <section class="stack" aria-labelledby="pair-heading">
      <h2 id="pair-heading">Pair a newcomer</h2>
      <Form form={form} class="stack" aria-label="Pair a newcomer with a peer mentor">
        <SelectField
          name="menteeId"
          label="Newcomer"
          hint="Residents who have a mentor now are not listed."
          onChange={(e) => setMenteeId(e.currentTarget.value)}
          choices={[
            { value: '', label: 'Choose a resident' },
            ...[...props.people]
              .filter((p) => !p.hasMentor)
              .reverse()
              .map((p) => ({ value: p.id, label: label(p) })),
          ]}
        />
        <SelectField
          name="mentorId"
          label="Peer mentor"
          hint="Someone further along, who agreed to it: only residents who moved in earlier are listed."
          choices={[
            { value: '', label: 'Choose a resident' },
            ...mentors().map((p) => ({ value: p.id, label: label(p) })),
          ]}
        />
        <TextField
          name="endDate"
          label="Until"
          type="date"
          optional
          hint="90 days unless you say otherwise."
          min={today}
          max={addDays(today, 365)}
        />
        <FormAlert />
        <SubmitButton busyLabel="Pairing…">Pair them</SubmitButton>
      </Form>
    </section>
  );
}
