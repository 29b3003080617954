// A resident's drug and alcohol tests, for the resident and their house's
// staff: what was taken, how, and the result that stands after any lab
// confirmation. A refusal says it counts as positive. The list loads only when
// asked for, because every read of a test is written to the audit log.
import { useInfiniteQuery } from '@tanstack/solid-query';
import { For, type JSX, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading } from '../components/page';
import { formatAt } from '../passes/format';
import { type ResidentTestItem, testQueries } from './data';
import { substancesText, testMethodText, testResultText, testTypeText } from './test-format';
import { ShowMore } from '../components/show-more';
import './check-ins.css';

/** Staff add what only they may do to a test (a lab confirmation) through `actions`. */
export function ResidentTests(props: {
  residentId: string;
  /** The house's clock for staff; the reader's own otherwise. */
  timeZone?: string | undefined;
  actions?: (test: ResidentTestItem) => JSX.Element;
  children?: JSX.Element;
}) {
  return (
    <section id="tests" class="stack" aria-labelledby="check-in-tests-heading">
      <h2 id="check-in-tests-heading">Drug and alcohol tests</h2>
      {props.children}
      <Disclosure label="Show the test results">
        {() => (
          <TestList
            residentId={props.residentId}
            timeZone={props.timeZone}
            actions={props.actions}
          />
        )}
      </Disclosure>
    </section>
  );
}

function TestList(props: {
  residentId: string;
  timeZone: string | undefined;
  actions?: ((test: ResidentTestItem) => JSX.Element) | undefined;
}) {
  const list = useInfiniteQuery(() => testQueries.forResident(props.residentId));
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
                <TestCard test={test} timeZone={props.timeZone}>
                  {props.actions?.(test)}
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

/** The result in words; the colour only repeats whether it counts as positive. */
function ResultBadge(props: { result: string; countsAsPositive: boolean }) {
  return (
    <span class="badge" classList={{ 'check-in-positive': props.countsAsPositive }}>
      {testResultText(props.result)}
    </span>
  );
}

/** One test; `showResident` names whose it is, as the house's log does. */
export function TestCard(props: {
  test: ResidentTestItem;
  showResident?: boolean;
  timeZone?: string | undefined;
  children?: JSX.Element;
}) {
  const t = () => props.test;
  const confirmed = () => t().confirmations.length > 0;
  return (
    <li class="card stack check-in-entry">
      <h3>
        <Show when={props.showResident}>{t().residentName}: </Show>
        {testTypeText(t().type)} test, {formatAt(t().collectedAt, props.timeZone)}
      </h3>
      <p class="check-in-badges">
        <span>{confirmed() ? 'Result after the lab:' : 'Result:'}</span>
        <ResultBadge result={t().standing} countsAsPositive={t().countsAsPositive} />
        <Show when={t().standing === 'positive' && t().standingPositiveFor.length > 0}>
          <span>for {substancesText(t().standingPositiveFor)}</span>
        </Show>
      </p>
      <dl class="check-in-facts">
        <div>
          <dt>Method</dt>
          <dd>{testMethodText(t().method)}</dd>
        </div>
        <Show when={t().panel.length > 0}>
          <div>
            <dt>Tested for</dt>
            <dd>{substancesText(t().panel)}</dd>
          </div>
        </Show>
        <Show when={confirmed()}>
          <div>
            <dt>First result</dt>
            <dd>
              {testResultText(t().result)}
              <Show when={t().positiveFor.length > 0}> for {substancesText(t().positiveFor)}</Show>
            </dd>
          </div>
        </Show>
        <Show when={t().witness}>
          {(witness) => (
            <div>
              <dt>Witness</dt>
              <dd>{witness()}</dd>
            </div>
          )}
        </Show>
        <Show when={t().recordedByName}>
          {(name) => (
            <div>
              <dt>Recorded by</dt>
              <dd>{name()}</dd>
            </div>
          )}
        </Show>
        <Show when={t().notes}>
          {(notes) => (
            <div>
              <dt>Notes</dt>
              <dd class="check-in-note">{notes()}</dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={confirmed()}>
        <div class="stack">
          <p>
            <strong>Lab confirmations</strong>
          </p>
          <ul class="check-in-versions">
            <For each={t().confirmations}>
              {(c) => (
                <li>
                  <p>
                    {formatAt(c.recordedAt, props.timeZone)}
                    <Show when={c.lab}>{(lab) => <>, {lab()}</>}</Show>:{' '}
                    <ResultBadge result={c.result} countsAsPositive={c.result === 'positive'} />
                    <Show when={c.positiveFor.length > 0}>
                      {' '}
                      for {substancesText(c.positiveFor)}
                    </Show>
                  </p>
                  <Show when={c.notes}>{(notes) => <p class="check-in-note">{notes()}</p>}</Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      {props.children}
    </li>
  );
}
