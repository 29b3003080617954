// A resident's support system as their house's staff see it: the picture of
// the circle (a thin or empty pillar at a glance), the people in it, a form to
// suggest someone (the resident decides), milestones, contributions, and peer
// mentoring: pairing them with a senior resident, or ending a pairing.
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading } from '../components/page';
import { addDays } from '@porchlight/domain';
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
import { residentQueries } from '../residents/data';
import { CirclePicture } from './circle-picture';
import { AddMemberForm, ContributionList, MilestoneSummary, PillarLists } from './circle-parts';
import { endPairing, pairMentor, supportQueries } from './data';
import './support.css';

export function ResidentSupport(props: {
  residentId: string;
  name: string;
  houseId: string | null;
  livingIn: boolean;
  onDone: (message: string) => void;
}) {
  const circle = useQuery(() => supportQueries.circle(props.residentId));
  const milestones = useQuery(() => supportQueries.milestonesOf(props.residentId));
  const contributions = useQuery(() => supportQueries.contributions(props.residentId));
  const first = () => props.name.split(' ')[0] ?? props.name;
  return (
    <section class="stack" id="support" aria-labelledby="support-heading">
      <h2 id="support-heading">Support</h2>
      <Switch fallback={<Loading label="Loading the support circle" />}>
        <Match when={circle.isError && !circle.data}>
          <LoadError error={circle.error} retry={() => void circle.refetch()} />
        </Match>
        <Match when={circle.data}>
          {(c) => (
            <>
              <CirclePicture circle={c()} centre={first()} />
              <Show when={c().members.some((m) => m.suggested)}>
                <p class="alert alert-info">
                  Waiting for {first()} to accept:{' '}
                  {c()
                    .members.filter((m) => m.suggested)
                    .map((m) => m.name)
                    .join(', ')}
                  .
                </p>
              </Show>
              <PillarLists circle={c()} headingLevel="h3" />
              <Show when={props.livingIn}>
                <Disclosure label="Suggest someone for the circle">
                  {(close) => (
                    <AddMemberForm
                      residentId={props.residentId}
                      asStaff
                      onDone={(m) => {
                        close();
                        props.onDone(m);
                      }}
                    />
                  )}
                </Disclosure>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <Show when={milestones.data}>
        {(m) => (
          <div class="stack">
            <h3>Milestones</h3>
            <MilestoneSummary milestones={m()} you={false} />
            <p class="member-meta">
              {m().shareMilestones
                ? `${first()} agreed to have milestones celebrated at the house.`
                : `${first()} has not agreed to have milestones celebrated at the house.`}
            </p>
          </div>
        )}
      </Show>
      <Show when={props.houseId && props.livingIn ? props.houseId : undefined}>
        {(houseId) => (
          <Mentoring
            houseId={houseId()}
            residentId={props.residentId}
            name={first()}
            onDone={props.onDone}
          />
        )}
      </Show>
      <Show when={contributions.data}>
        {(c) => (
          <div class="stack">
            <h3>Contributions</h3>
            <ContributionList contributions={c()} you={false} />
          </div>
        )}
      </Show>
    </section>
  );
}

function Mentoring(props: {
  houseId: string;
  residentId: string;
  name: string;
  onDone: (m: string) => void;
}) {
  const pairings = useQuery(() => supportQueries.housePairings(props.houseId));
  const residents = useInfiniteQuery(() => residentQueries.list(props.houseId, 'current', ''));
  const theirs = () =>
    (pairings.data ?? []).filter(
      (p) => p.mentorId === props.residentId || p.menteeId === props.residentId,
    );
  const hasMentor = () => theirs().some((p) => p.current && p.menteeId === props.residentId);
  const others = () =>
    (residents.data?.pages.flatMap((p) => p.items) ?? []).filter((r) => r.id !== props.residentId);
  const today = browserToday();
  const form = createForm({
    read: (data) => {
      const mentorId = text(data, 'mentorId');
      if (!mentorId) return { ok: false, errors: { mentorId: 'is required: pick a resident.' } };
      const endDate = text(data, 'endDate');
      return {
        ok: true,
        data: {
          houseId: props.houseId,
          mentorId,
          menteeId: props.residentId,
          ...(endDate ? { endDate } : {}),
        },
      };
    },
    submit: async (value) => {
      await pairMentor(value);
      props.onDone(`${props.name} has a peer mentor now.`);
    },
  });
  return (
    <div class="stack">
      <h3>Peer mentoring</h3>
      <Show when={theirs().length > 0} fallback={<p class="member-meta">No pairings yet.</p>}>
        <ul class="plain-list stack">
          <For each={theirs()}>
            {(p) => (
              <li class="card stack-sm pairing">
                <p>
                  {p.menteeId === props.residentId
                    ? `Mentored by ${p.mentorName}`
                    : `Mentor to ${p.menteeName}`}{' '}
                  <span class="member-meta">
                    {formatDate(p.startDate)} to {formatDate(p.endDate)}
                    {p.endedEarly ? ` (ended early: ${p.endReason ?? ''})` : ''}
                  </span>
                </p>
                <Show when={p.notes.length > 0}>
                  <ul class="plain-list stack-sm">
                    <For each={p.notes.slice(0, 3)}>
                      {(n) => (
                        <li>
                          <span class="member-meta">{formatDate(n.date)}:</span> {n.note}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={p.current && !p.endedEarly}>
                  <EndPairing pairingId={p.id} onDone={props.onDone} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!hasMentor()}>
        <Disclosure label={`Pair ${props.name} with a peer mentor`}>
          {() => (
            <Form form={form} class="stack" aria-label={`Pair ${props.name} with a peer mentor`}>
              <SelectField
                name="mentorId"
                label="Peer mentor"
                hint="A resident further along, who agreed to it."
                choices={[
                  { value: '', label: 'Choose a resident' },
                  ...others().map((r) => ({ value: r.id, label: r.name })),
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
          )}
        </Disclosure>
      </Show>
    </div>
  );
}

export function EndPairing(props: { pairingId: string; onDone: (m: string) => void }) {
  const form = createForm({
    read: (data) => {
      const reason = text(data, 'reason').trim();
      return reason
        ? { ok: true, data: { mentorshipId: props.pairingId, reason } }
        : { ok: false, errors: { reason: 'is required.' } };
    },
    submit: async (value) => {
      await endPairing(value);
      props.onDone('The pairing was ended. It stays in the history.');
    },
  });
  return (
    <Disclosure label="End this pairing">
      {() => (
        <Form form={form} class="stack" aria-label="End this pairing">
          <TextField name="reason" label="Why it ends" />
          <FormAlert />
          <SubmitButton busyLabel="Ending…" class="button">
            End the pairing
          </SubmitButton>
        </Form>
      )}
    </Disclosure>
  );
}
