// Staff: a house's drug and alcohol tests. The random draw (who was eligible,
// who was drawn, the seed that anyone can re-run), recording a test, the log
// with lab confirmations, and past draws. The log loads only when asked for,
// because every read of a test is written to the audit log.
import { A, useParams } from '@solidjs/router';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { plural } from '../lib/dates';
import { formatAt } from '../passes/format';
import { residentQueries } from '../residents/data';
import { type DrawItem, type DrawResult, testQueries } from './data';
import { TestCard } from './drug-tests';
import { DrawForm, LabConfirmation, RecordTestForm, type ResidentChoice } from './test-forms';
import { ShowMore } from '../components/show-more';
import './board.css';
import './check-ins.css';

type Done = (message: string) => void;

export default function HouseTestsPage() {
  const params = useParams<{ houseId: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const residents = useInfiniteQuery(() => residentQueries.list(params.houseId, 'current', ''));
  const choices = (): ResidentChoice[] =>
    (residents.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({
      residentId: r.id,
      name: r.name,
    }));
  const timeZone = () => house.data?.timezone;
  const [message, setMessage] = createSignal('');
  const [draw, setDraw] = createSignal<DrawResult | null>(null);
  // a drawn resident's test is recorded from the draw: the form comes up for them
  const [testing, setTesting] = createSignal<{ residentId: string; key: number } | null>(null);
  let recordSection: HTMLElement | undefined;
  const testNow = (residentId: string) => {
    setTesting({ residentId, key: Date.now() });
    recordSection?.scrollIntoView({ block: 'start' });
    recordSection?.querySelector('select')?.focus();
  };
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title="Drug and alcohol tests">Drug and alcohol tests</PageHeading>
        <p class="lede">
          Only this house's staff and each resident see a resident's tests, and every time a test is
          read it is written to the audit log. A refusal counts as positive everywhere.
        </p>
      </div>
      <p class="status-note" role="status">
        {message()}
      </p>
      <section class="stack" aria-labelledby="draw-heading">
        <h2 id="draw-heading">Random draw</h2>
        <p>
          Draws fairly from the residents in the house now; residents away on a pass are left out.
          The draw is recorded with who asked, who was eligible, who was drawn and its seed, so
          anyone can check it later.
        </p>
        <div class="card stack">
          <DrawForm houseId={params.houseId} onDrawn={setDraw} />
        </div>
        <Show when={draw()} keyed>
          {(d) => <DrawOutcome draw={d} timeZone={timeZone()} onTest={testNow} />}
        </Show>
      </section>
      <section ref={recordSection} class="stack" aria-labelledby="record-test-heading">
        <h2 id="record-test-heading">Record a test</h2>
        <div class="card stack">
          <Show when={residents.data} fallback={<Loading label="Loading the residents…" />}>
            <For each={[testing()]}>
              {(chosen) => (
                <RecordTestForm
                  residents={choices()}
                  residentId={chosen?.residentId}
                  type={chosen ? 'random' : undefined}
                  onDone={(said) => {
                    setTesting(null);
                    setMessage(said);
                  }}
                />
              )}
            </For>
          </Show>
        </div>
      </section>
      <section class="stack" aria-labelledby="tests-log-heading">
        <h2 id="tests-log-heading">Tests log</h2>
        <Disclosure label="Show the tests log">
          {() => <TestsLog houseId={params.houseId} timeZone={timeZone()} onDone={setMessage} />}
        </Disclosure>
      </section>
      <PastDraws houseId={params.houseId} timeZone={timeZone()} />
    </div>
  );
}

function DrawOutcome(props: {
  draw: DrawResult;
  timeZone: string | undefined;
  onTest: (residentId: string) => void;
}) {
  let heading: HTMLHeadingElement | undefined;
  // the result replaces nothing on screen: it takes the focus so it is read out
  queueMicrotask(() => heading?.focus());
  return (
    <div class="card stack draw-outcome" aria-labelledby="draw-outcome-heading">
      <h3 id="draw-outcome-heading" ref={heading} tabindex="-1">
        Drawn: {props.draw.drawn.map((r) => r.name).join(', ')}
      </h3>
      <p>
        {plural(props.draw.size, 'resident', 'residents')} drawn from {props.draw.eligibleCount} in
        the house, {formatAt(props.draw.requestedAt, props.timeZone)}. Seed{' '}
        <code>{props.draw.seed}</code>.
      </p>
      <ul class="plain-list stack">
        <For each={props.draw.drawn}>
          {(r) => (
            <li>
              <button type="button" class="button" onClick={() => props.onTest(r.residentId)}>
                Record {r.name}'s test
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.draw.notEligible.length > 0}>
        <p class="muted">
          Not in the draw: {props.draw.notEligible.map((r) => `${r.name} (${r.why})`).join(', ')}.
        </p>
      </Show>
    </div>
  );
}

function TestsLog(props: { houseId: string; timeZone: string | undefined; onDone: Done }) {
  const list = useInfiniteQuery(() => testQueries.forHouse(props.houseId));
  const items = () => list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Switch fallback={<Loading label="Loading the tests…" />}>
      <Match when={list.isError && !list.data}>
        <LoadError error={list.error} retry={() => void list.refetch()} />
      </Match>
      <Match when={list.data}>
        <Show when={items().length > 0} fallback={<p class="empty">No tests on record.</p>}>
          <ul class="check-in-list">
            <For each={items()}>
              {(test) => (
                <TestCard test={test} timeZone={props.timeZone} showResident>
                  <LabConfirmation test={test} onDone={props.onDone} />
                </TestCard>
              )}
            </For>
          </ul>
        </Show>
        <ShowMore list={list} label="Show more tests" />
      </Match>
    </Switch>
  );
}

function PastDraws(props: { houseId: string; timeZone: string | undefined }) {
  const list = useInfiniteQuery(() => testQueries.draws(props.houseId));
  const items = () => list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section class="stack" aria-labelledby="past-draws-heading">
      <h2 id="past-draws-heading">Past draws</h2>
      <Switch fallback={<Loading label="Loading the draws…" />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          <Show when={items().length > 0} fallback={<p class="empty">No draws yet.</p>}>
            <ul class="check-in-list">
              <For each={items()}>{(d) => <DrawCard draw={d} timeZone={props.timeZone} />}</For>
            </ul>
          </Show>
          <ShowMore list={list} label="Show more draws" />
        </Match>
      </Switch>
    </section>
  );
}

function DrawCard(props: { draw: DrawItem; timeZone: string | undefined }) {
  const asked = () =>
    props.draw.count !== null
      ? plural(props.draw.count, 'resident', 'residents')
      : `${props.draw.percent ?? 0}% of the house`;
  return (
    <li class="card stack check-in-entry">
      <h3>{formatAt(props.draw.requestedAt, props.timeZone)}</h3>
      <p class="check-in-badges">
        <Show
          when={props.draw.verified}
          fallback={<span class="badge check-in-positive">Does not match its seed</span>}
        >
          <span class="badge">Checked: the seed gives this draw</span>
        </Show>
      </p>
      <dl class="check-in-facts">
        <div>
          <dt>Asked for</dt>
          <dd>
            {asked()}, by {props.draw.requestedByName}
            <Show when={props.draw.reason}>{(reason) => <> ({reason()})</>}</Show>
          </dd>
        </div>
        <div>
          <dt>Drawn</dt>
          <dd>{props.draw.drawn.map((r) => r.name).join(', ')}</dd>
        </div>
        <div>
          <dt>Eligible</dt>
          <dd>
            {props.draw.eligible.length}: {props.draw.eligible.map((r) => r.name).join(', ')}
          </dd>
        </div>
        <div>
          <dt>Seed</dt>
          <dd>
            <code>{props.draw.seed}</code>
          </dd>
        </div>
      </dl>
    </li>
  );
}
