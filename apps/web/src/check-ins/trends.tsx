// How a resident's check-ins have gone over twelve weeks: mood and craving by
// day, and recovery meetings by week against what their phase asks. Each chart
// has a table with the same numbers, for screen readers and for reading exact values.
import { useQuery } from '@tanstack/solid-query';
import { type ChartConfiguration } from 'chart.js';
import { For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading } from '../components/page';
import { CHART_BASE, CHART_COLOURS, ChartCanvas } from './charts';
import { type CheckInSummary, checkInQueries } from './data';
import { cravingText, longDay, moodText, shortDay } from './format';
import './check-ins.css';

const WEEKS = 12;

const DAILY_STATUS_TEXT: Record<CheckInSummary['days'][number]['daily'], string> = {
  done: 'On time',
  late: 'Late',
  missed: 'Missed',
  due: 'Still due',
  away: 'Away on a pass',
  unsigned: 'Before signing the rules',
  not_required: 'Not required',
};

/** Mood and craving over twelve weeks, and meetings per week against the phase's requirement. */
export function CheckInTrends(props: { residentId: string }) {
  const summary = useQuery(() => checkInQueries.summary(props.residentId, WEEKS));
  return (
    <Switch fallback={<Loading label="Loading the trends…" />}>
      <Match when={summary.isError && !summary.data}>
        <LoadError error={summary.error} retry={() => void summary.refetch()} />
      </Match>
      <Match when={summary.data}>
        {(data) => (
          <>
            <MoodAndCraving summary={data()} />
            <MeetingsByWeek summary={data()} />
          </>
        )}
      </Match>
    </Switch>
  );
}

function MoodAndCraving(props: { summary: CheckInSummary }) {
  const days = () => props.summary.days;
  const answered = () => days().filter((d) => d.mood !== null || d.craving !== null);
  // days that say something: a check-in, or one that was due
  const listed = () =>
    [...days()].reverse().filter((d) => d.mood !== null || d.daily !== 'not_required');
  const config = (): ChartConfiguration<'line'> => ({
    type: 'line',
    data: {
      labels: days().map((d) => shortDay(d.date)),
      datasets: [
        {
          label: 'Mood (1 very low to 5 very good)',
          data: days().map((d) => d.mood),
          yAxisID: 'mood',
          borderColor: CHART_COLOURS.blue,
          backgroundColor: CHART_COLOURS.blue,
          pointStyle: 'circle',
          pointRadius: 3,
          spanGaps: false,
          tension: 0,
        },
        {
          label: 'Craving (0 none to 10 strong)',
          data: days().map((d) => d.craving),
          yAxisID: 'craving',
          borderColor: CHART_COLOURS.vermillion,
          backgroundColor: CHART_COLOURS.vermillion,
          borderDash: [6, 4],
          pointStyle: 'triangle',
          pointRadius: 4,
          spanGaps: false,
          tension: 0,
        },
      ],
    },
    options: {
      ...CHART_BASE,
      scales: {
        mood: {
          type: 'linear',
          position: 'left',
          min: 1,
          max: 5,
          ticks: { stepSize: 1 },
          title: { display: true, text: 'Mood' },
        },
        craving: {
          type: 'linear',
          position: 'right',
          min: 0,
          max: 10,
          ticks: { stepSize: 2 },
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'Craving' },
        },
      },
    },
  });
  return (
    <section class="stack" aria-labelledby="check-in-trend-heading">
      <h2 id="check-in-trend-heading">Mood and craving, last {WEEKS} weeks</h2>
      <Show
        when={answered().length > 0}
        fallback={<p class="empty">No check-ins in the last {WEEKS} weeks.</p>}
      >
        <ChartCanvas
          config={config()}
          label={`Mood and craving by day over the last ${WEEKS} weeks: mood as a solid line with circles, craving as a dashed line with triangles. The same numbers are in the table below.`}
        />
        <details class="check-in-numbers">
          <summary>Mood and craving as a table</summary>
          <div class="check-in-table-scroll">
            <table class="check-in-table">
              <caption class="visually-hidden">
                Mood and craving by day, newest first, over the last {WEEKS} weeks
              </caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Mood</th>
                  <th scope="col">Craving</th>
                  <th scope="col">Daily check-in</th>
                </tr>
              </thead>
              <tbody>
                <For each={listed()}>
                  {(day) => (
                    <tr>
                      <th scope="row">{longDay(day.date)}</th>
                      <td>{moodText(day.mood)}</td>
                      <td>{cravingText(day.craving)}</td>
                      <td>{DAILY_STATUS_TEXT[day.daily]}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </Show>
    </section>
  );
}

function MeetingsByWeek(props: { summary: CheckInSummary }) {
  const weeks = () => props.summary.weeks;
  const thisWeek = () => weeks().at(-1);
  const anyRequired = () => weeks().some((w) => w.required > 0);
  const config = (): ChartConfiguration<'bar' | 'line'> => ({
    type: 'bar',
    data: {
      labels: weeks().map((w) => shortDay(w.weekStart)),
      datasets: [
        {
          type: 'bar',
          label: 'Meetings',
          data: weeks().map((w) => w.meetings),
          backgroundColor: CHART_COLOURS.blue,
          borderColor: CHART_COLOURS.blue,
        },
        ...(anyRequired()
          ? [
              {
                type: 'line' as const,
                label: 'Required by the phase',
                data: weeks().map((w) => w.required),
                borderColor: CHART_COLOURS.grey,
                backgroundColor: CHART_COLOURS.grey,
                borderDash: [6, 4],
                pointStyle: 'rectRot' as const,
                pointRadius: 4,
                stepped: 'middle' as const,
              },
            ]
          : []),
      ],
    },
    options: {
      ...CHART_BASE,
      scales: {
        y: {
          beginAtZero: true,
          ticks: { stepSize: 1 },
          title: { display: true, text: 'Meetings' },
        },
        x: { title: { display: true, text: 'Week starting' } },
      },
    },
  });
  return (
    <section class="stack" aria-labelledby="check-in-meetings-heading">
      <h2 id="check-in-meetings-heading">Recovery meetings per week</h2>
      <Show when={thisWeek()}>
        {(week) => (
          <p class="lede">
            This week: <strong>{week().meetings}</strong>{' '}
            {week().meetings === 1 ? 'meeting' : 'meetings'}
            <Show when={week().required > 0} fallback={<>; the phase asks for none.</>}>
              {' '}
              of <strong>{week().required}</strong> required
              {week().meetings >= week().required ? ' (met).' : '.'}
            </Show>
          </p>
        )}
      </Show>
      <ChartCanvas
        config={config()}
        label={`Recovery meetings logged each week over the last ${WEEKS} weeks, as bars${anyRequired() ? ', with the number the phase requires as a dashed line' : ''}. The same numbers are in the table below.`}
      />
      <details class="check-in-numbers">
        <summary>Meetings per week as a table</summary>
        <div class="check-in-table-scroll">
          <table class="check-in-table">
            <caption class="visually-hidden">Recovery meetings per week, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Week starting</th>
                <th scope="col" class="num">
                  Meetings
                </th>
                <th scope="col" class="num">
                  Required
                </th>
                <th scope="col">Met</th>
              </tr>
            </thead>
            <tbody>
              <For each={[...weeks()].reverse()}>
                {(week) => (
                  <tr>
                    <th scope="row">{longDay(week.weekStart)}</th>
                    <td class="num">{week.meetings}</td>
                    <td class="num">{week.required}</td>
                    <td>
                      {week.required === 0 ? '—' : week.meetings >= week.required ? 'Yes' : 'No'}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
