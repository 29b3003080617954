// A resident's grievances: file one (about a violation or anything else), see
// where each stands, and accept a decision, take it further, or withdraw.
import { useSearchParams } from '@solidjs/router';
import { grievanceEscalateInput, grievanceFileInput } from '@porchlight/domain';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { formatInstant } from '../lib/dates';
import { problemOf } from '../lib/errors';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  validate,
} from '../lib/forms';
import { violationQueries } from '../violations/data';
import {
  acceptGrievance,
  escalateGrievance,
  fileGrievance,
  grievanceQueries,
  withdrawGrievance,
} from './data';
import { GrievanceCard } from './grievance-card';
import { ShowMore } from '../components/show-more';

export default function MyGrievancesPage() {
  const [search, setSearch] = useSearchParams<{ violationId?: string }>();
  const list = useInfiniteQuery(() => grievanceQueries.mine());
  const [message, setMessage] = createSignal<string | null>(null);
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="My grievances">My grievances</PageHeading>
        <p class="lede">
          A grievance goes first to your house manager. If you disagree with their decision, you can
          take it to the operator, who decides last. Every step is kept.
        </p>
      </div>
      <Show when={message()}>
        {(m) => (
          <p class="alert alert-success" role="status">
            {m()}
          </p>
        )}
      </Show>
      <section class="stack" aria-labelledby="file-heading">
        <h2 id="file-heading">File a grievance</h2>
        <FileForm
          violationId={search.violationId}
          onDone={() => {
            setSearch({ violationId: undefined });
            setMessage('Your grievance was sent to your house manager.');
          }}
        />
      </section>
      <section class="stack" aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your grievances</h2>
        <Switch fallback={<Loading />}>
          <Match when={list.isError && !list.data}>
            <LoadError error={list.error} retry={() => void list.refetch()} />
          </Match>
          <Match when={list.data}>
            {(data) => (
              <>
                <Show when={data().pages[0]?.items.length === 0}>
                  <p class="empty">You have not filed a grievance.</p>
                </Show>
                <ul class="plain-list stack">
                  <For each={data().pages.flatMap((p) => p.items)}>
                    {(g) => (
                      <li>
                        <GrievanceCard grievance={g} forResident>
                          <Show when={g.waitingOn === 'resident'}>
                            <ResidentChoices
                              grievanceId={g.id}
                              canEscalate={g.level === 'house_manager'}
                              onDone={setMessage}
                            />
                          </Show>
                          <Show when={g.status === 'open' || g.status === 'escalated'}>
                            <WithdrawButton grievanceId={g.id} onDone={setMessage} />
                          </Show>
                        </GrievanceCard>
                      </li>
                    )}
                  </For>
                </ul>
                <ShowMore list={list} />
              </>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}

function FileForm(props: { violationId: string | undefined; onDone: () => void }) {
  const violations = useInfiniteQuery(() => ({
    ...violationQueries.mine(),
    enabled: props.violationId !== undefined,
  }));
  const violation = () =>
    violations.data?.pages.flatMap((p) => p.items).find((v) => v.id === props.violationId);
  const form = createForm({
    read: (data) =>
      validate(grievanceFileInput, {
        subject: text(data, 'subject'),
        body: text(data, 'body'),
        ...(props.violationId ? { violationId: props.violationId } : {}),
      }),
    submit: async (value, element) => {
      await fileGrievance(value);
      element.reset();
      props.onDone();
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="File a grievance">
      <Show when={violation()}>
        {(v) => (
          <p class="alert alert-info">
            About your violation of {formatInstant(v().occurredAt)}: {v().rule.text}
          </p>
        )}
      </Show>
      <TextField
        name="subject"
        label="What it is about"
        value={props.violationId ? 'Violation I disagree with' : ''}
      />
      <TextAreaField name="body" label="What happened, and what you would like done" rows={5} />
      <FormAlert />
      <SubmitButton busyLabel="Sending…">Send to my house manager</SubmitButton>
    </Form>
  );
}

function ResidentChoices(props: {
  grievanceId: string;
  canEscalate: boolean;
  onDone: (message: string) => void;
}) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  async function accept() {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await acceptGrievance(props.grievanceId);
      props.onDone('You accepted the decision. The grievance is closed.');
    } catch (e) {
      setError(problemOf(e).message);
    } finally {
      setBusy(false);
    }
  }
  const form = createForm({
    read: (data) =>
      validate(grievanceEscalateInput, {
        grievanceId: props.grievanceId,
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await escalateGrievance(value);
      props.onDone('Your grievance was taken to the operator.');
    },
  });
  return (
    <div class="stack">
      <div class="actions">
        <button
          type="button"
          class="button button-primary"
          aria-disabled={busy() ? 'true' : undefined}
          onClick={() => void accept()}
        >
          Accept the decision
        </button>
      </div>
      <Show when={error()}>
        {(m) => (
          <p class="alert alert-error" role="alert">
            {m()}
          </p>
        )}
      </Show>
      <Show when={props.canEscalate}>
        <Disclosure label="Take it to the operator">
          {() => (
            <Form form={form} class="stack" aria-label="Take it to the operator">
              <TextAreaField name="reason" label="Why you disagree with the decision" />
              <FormAlert />
              <SubmitButton busyLabel="Sending…">Send to the operator</SubmitButton>
            </Form>
          )}
        </Disclosure>
      </Show>
    </div>
  );
}

function WithdrawButton(props: { grievanceId: string; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  async function withdraw() {
    try {
      await withdrawGrievance(props.grievanceId);
      props.onDone('Your grievance was withdrawn.');
    } catch (e) {
      setError(problemOf(e).message);
    }
  }
  return (
    <div class="stack">
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
            Withdraw this grievance
          </button>
        }
      >
        <p>Withdraw it? It stays on record as withdrawn.</p>
        <div class="actions">
          <button type="button" class="button" onClick={() => void withdraw()}>
            Yes, withdraw
          </button>
          <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      </Show>
      <Show when={error()}>
        {(m) => (
          <p class="alert alert-error" role="alert">
            {m()}
          </p>
        )}
      </Show>
    </div>
  );
}
