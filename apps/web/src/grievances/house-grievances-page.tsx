// A house's grievances for its staff: those waiting for a decision first; the
// operator step is decided by an operator only.
import { A, useParams } from '@solidjs/router';
import { grievanceDecideInput } from '@porchlight/domain';
import { GRIEVANCE_DECISION_LABELS, GRIEVANCE_DECISIONS } from '@porchlight/domain/labels';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { isOperator, useWhoami } from '../account/session';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextAreaField,
  validate,
} from '../lib/forms';
import { decideGrievance, grievanceQueries, type GrievanceItem } from './data';
import { GrievanceCard } from './grievance-card';
import { ShowMore } from '../components/show-more';

export default function HouseGrievancesPage() {
  const params = useParams<{ houseId: string }>();
  const who = useWhoami();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const list = useInfiniteQuery(() => grievanceQueries.house(params.houseId));
  const [message, setMessage] = createSignal<string | null>(null);
  const all = () => list.data?.pages.flatMap((p) => p.items) ?? [];
  const waiting = () =>
    all().filter((g) => g.waitingOn === 'house_manager' || g.waitingOn === 'operator');
  const others = () => all().filter((g) => !waiting().includes(g));
  const canDecide = (g: GrievanceItem) => g.level === 'house_manager' || isOperator(who.data);
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title="Grievances">Grievances</PageHeading>
        <p class="lede">
          The house manager decides first. A resident who disagrees can take it to the operator, who
          decides last. Every decision needs a reason the resident will read.
        </p>
      </div>
      <Show when={message()}>
        {(m) => (
          <p class="alert alert-success" role="status">
            {m()}
          </p>
        )}
      </Show>
      <Switch fallback={<Loading />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          <section class="stack" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">Waiting for a decision</h2>
            <Show when={waiting().length === 0}>
              <p class="empty">Nothing is waiting for a decision.</p>
            </Show>
            <ul class="plain-list stack">
              <For each={waiting()}>
                {(g) => (
                  <li>
                    <GrievanceCard grievance={g} forResident={false}>
                      <Show
                        when={canDecide(g)}
                        fallback={<p class="muted">The operator decides this step.</p>}
                      >
                        <Disclosure label={`Decide ${g.residentName}'s grievance`}>
                          {(close) => (
                            <DecideForm
                              grievanceId={g.id}
                              onDone={() => {
                                close();
                                setMessage(
                                  `Your decision on ${g.residentName}'s grievance was sent.`,
                                );
                              }}
                            />
                          )}
                        </Disclosure>
                      </Show>
                    </GrievanceCard>
                  </li>
                )}
              </For>
            </ul>
          </section>
          <section class="stack" aria-labelledby="others-heading">
            <h2 id="others-heading">Decided and closed</h2>
            <Show when={others().length === 0}>
              <p class="empty">None yet.</p>
            </Show>
            <ul class="plain-list stack">
              <For each={others()}>
                {(g) => (
                  <li>
                    <GrievanceCard grievance={g} forResident={false} />
                  </li>
                )}
              </For>
            </ul>
            <ShowMore list={list} />
          </section>
        </Match>
      </Switch>
    </div>
  );
}

function DecideForm(props: { grievanceId: string; onDone: () => void }) {
  const form = createForm({
    read: (data) =>
      validate(grievanceDecideInput, {
        grievanceId: props.grievanceId,
        decision: text(data, 'decision'),
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await decideGrievance(value);
      props.onDone();
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Decide the grievance">
      <SelectField
        name="decision"
        label="Decision"
        choices={GRIEVANCE_DECISIONS.map((d) => ({
          value: d,
          label: GRIEVANCE_DECISION_LABELS[d] ?? d,
        }))}
      />
      <TextAreaField name="reason" label="Reason, for the resident" rows={4} />
      <FormAlert />
      <SubmitButton busyLabel="Sending…">Send the decision</SubmitButton>
    </Form>
  );
}
