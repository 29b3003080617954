// A resident's recovery capital over time: each BARC-10 total, the line at 47
// (the level that went with lasting recovery in research, shown as a guide
// only), which way it is moving, and when the next survey is due.
import {
  BARC10_ITEMS,
  BARC10_MAX_TOTAL,
  BARC10_MIN_TOTAL,
  BARC10_SCALE,
  BARC10_TREND_STEP,
} from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { type ChartConfiguration } from 'chart.js';
import { For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading } from '../components/page';
import { formatDate } from '../lib/dates';
import { CHART_BASE, CHART_COLOURS, ChartCanvas } from './charts';
import { type RecoveryCapitalHistoryData, recoveryCapitalQueries } from './data';
import './check-ins.css';

type Trend = RecoveryCapitalHistoryData['trend'];

const TREND_TEXT: Record<Trend, string> = {
  rising: `Rising: the latest total is at least ${BARC10_TREND_STEP} above the one before.`,
  falling: `Falling: the latest total is at least ${BARC10_TREND_STEP} below the one before.`,
  steady: `Steady: the latest total is within ${BARC10_TREND_STEP - 1} of the one before.`,
  unknown: 'Not enough surveys yet to show a trend.',
};

export function answerText(answer: number | undefined): string {
  return BARC10_SCALE.find((s) => s.value === answer)?.label ?? '—';
}

/** "Due now" or the day it is next due; nothing for someone not living in a house. */
export function SurveyDueLine(props: { due: RecoveryCapitalHistoryData['due'] }) {
  return (
    <Show when={props.due}>
      {(due) => (
        <Show when={due().due} fallback={<>Next due on {formatDate(due().dueOn)}.</>}>
          <strong>Due now</strong> (since {formatDate(due().dueOn)}).
        </Show>
      )}
    </Show>
  );
}

export function RecoveryCapitalHistory(props: { residentId: string }) {
  const history = useQuery(() => recoveryCapitalQueries.history(props.residentId));
  return (
    <section id="recovery-capital" class="stack" aria-labelledby="recovery-capital-history-heading">
      <h2 id="recovery-capital-history-heading">Recovery capital over time</h2>
      <Switch fallback={<Loading label="Loading the surveys…" />}>
        <Match when={history.isError && !history.data}>
          <LoadError error={history.error} retry={() => void history.refetch()} />
        </Match>
        <Match when={history.data}>{(data) => <HistoryView history={data()} />}</Match>
      </Switch>
    </section>
  );
}

function HistoryView(props: { history: RecoveryCapitalHistoryData }) {
  const surveys = () => props.history.surveys;
  const latest = () => surveys().at(-1);
  const config = (): ChartConfiguration<'line'> => ({
    type: 'line',
    data: {
      labels: surveys().map((s) => formatDate(s.forDate)),
      datasets: [
        {
          label: `Total (${BARC10_MIN_TOTAL} to ${BARC10_MAX_TOTAL})`,
          data: surveys().map((s) => s.total),
          borderColor: CHART_COLOURS.blue,
          backgroundColor: CHART_COLOURS.blue,
          pointStyle: 'circle',
          pointRadius: 4,
          tension: 0,
        },
        {
          label: `${props.history.threshold}: the guide line`,
          data: surveys().map(() => props.history.threshold),
          borderColor: CHART_COLOURS.grey,
          backgroundColor: CHART_COLOURS.grey,
          borderDash: [6, 4],
          pointRadius: 0,
          tension: 0,
        },
      ],
    },
    options: {
      ...CHART_BASE,
      scales: {
        y: {
          min: BARC10_MIN_TOTAL,
          max: BARC10_MAX_TOTAL,
          ticks: { stepSize: 10 },
          title: { display: true, text: 'BARC-10 total' },
        },
      },
    },
  });
  return (
    <>
      <dl class="check-in-stats">
        <div>
          <dt>Latest total</dt>
          <dd>
            <Show when={latest()} fallback={<span class="check-in-stat">—</span>}>
              {(s) => (
                <>
                  <span class="check-in-stat">{s().total}</span> of {BARC10_MAX_TOTAL}, on{' '}
                  {formatDate(s().forDate)}
                </>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Trend</dt>
          <dd>{TREND_TEXT[props.history.trend]}</dd>
        </div>
        <Show when={props.history.due}>
          <div>
            <dt>Next survey</dt>
            <dd>
              <SurveyDueLine due={props.history.due} />
            </dd>
          </div>
        </Show>
      </dl>
      <p class="muted">
        In research, a total of {props.history.threshold} or more went with lasting recovery. It is
        a guide to talk over, not a judgement about anyone.
      </p>
      <Show when={surveys().length > 0} fallback={<p class="empty">No surveys filled in yet.</p>}>
        <ChartCanvas
          config={config()}
          label={`BARC-10 totals by survey date, from ${BARC10_MIN_TOTAL} to ${BARC10_MAX_TOTAL}, with a dashed guide line at ${props.history.threshold}. The same numbers are in the table below.`}
        />
        <details class="check-in-numbers">
          <summary>Totals as a table</summary>
          <div class="check-in-table-scroll">
            <table class="check-in-table">
              <caption class="visually-hidden">BARC-10 totals, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" class="num">
                    Total
                  </th>
                  <th scope="col">Compared with {props.history.threshold}</th>
                </tr>
              </thead>
              <tbody>
                <For each={[...surveys()].reverse()}>
                  {(s) => (
                    <tr>
                      <th scope="row">{formatDate(s.forDate)}</th>
                      <td class="num">{s.total}</td>
                      <td>{s.total >= props.history.threshold ? 'At or above' : 'Below'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
        <Show when={latest()}>
          {(s) => (
            <details class="check-in-numbers">
              <summary>Answers in the latest survey</summary>
              <div class="check-in-table-scroll">
                <table class="check-in-table">
                  <caption class="visually-hidden">
                    Answers on {formatDate(s().forDate)}, statement by statement
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Statement</th>
                      <th scope="col">Answer</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={BARC10_ITEMS}>
                      {(statement, i) => (
                        <tr>
                          <th scope="row">{statement}</th>
                          <td>
                            {s().answers[i()] ?? '—'} · {answerText(s().answers[i()])}
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </Show>
      </Show>
    </>
  );
}
