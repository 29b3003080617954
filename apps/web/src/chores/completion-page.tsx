// Staff: how chores have gone in a house over the last 4 and 12 weeks, for the
// house, week by week and for each resident, so a manager sees who keeps up.
import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { type ChartConfiguration } from 'chart.js';
import { For, Match, Show, Switch } from 'solid-js';
import { CHART_BASE, CHART_COLOURS, ChartCanvas } from '../check-ins/charts';
import { LoadError, Loading, PageHeading } from '../components/page';
import { choreQueries, type CompletionCounts, type CompletionReport } from './data';
import './completion.css';

type Week = CompletionReport['weeks'][number];

const weekFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Nov 3" for a week's Monday; house dates are days, so they are read as UTC. */
function weekLabel(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? date : weekFormat.format(day);
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** "86%", or "—" when nothing was due. Never 100% with a chore missed, nor 0% with one done. */
function percent(rate: number | null): string {
  if (rate === null) return '—';
  const rounded = Math.round(rate * 100);
  if (rounded === 100 && rate < 1) return '99%';
  if (rounded === 0 && rate > 0) return '1%';
  return `${rounded}%`;
}

/** Diagonal stripes over `colour`, so the missed bars differ from the others in more than hue. */
function stripes(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.fillStyle = colour;
  context.fillRect(0, 0, 8, 8);
  context.strokeStyle = '#ffffff';
  context.lineWidth = 2;
  context.beginPath();
  // the two short corner strokes make the stripe seamless when the tile repeats
  context.moveTo(0, 8);
  context.lineTo(8, 0);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? colour;
}

export default function ChoreCompletionPage() {
  const params = useParams<{ houseId: string }>();
  const report = useQuery(() => choreQueries.completion(params.houseId));
  return (
    <div class="stack-lg chore-report">
      <div class="stack">
        <p class="crumbs chore-report-crumbs">
          <A href={`/houses/${params.houseId}`}>{report.data?.house.name ?? 'House'}</A>
          <A href={`/houses/${params.houseId}/chores`}>Rota</A>
        </p>
        <PageHeading
          title={report.data ? `How chores have gone · ${report.data.house.name}` : 'Chores report'}
        >
          How chores have gone
        </PageHeading>
        <p class="lede">
          Chores still to come are not counted, and a chore that was swapped counts for whoever it
          went to.
        </p>
      </div>
      <Switch fallback={<Loading />}>
        <Match when={report.isError && !report.data}>
          <LoadError error={report.error} retry={() => void report.refetch()} />
        </Match>
        <Match when={report.data}>{(data) => <ReportView report={data()} />}</Match>
      </Switch>
    </div>
  );
}

function ReportView(props: { report: CompletionReport }) {
  return (
    <>
      <section class="stack" aria-labelledby="chore-house-heading">
        <h2 id="chore-house-heading">The whole house</h2>
        <div class="chore-figures">
          <Figures heading="Last 4 weeks" counts={props.report.house4} />
          <Figures heading="Last 12 weeks" counts={props.report.house12} />
        </div>
      </section>
      <WeeksChart report={props.report} />
      <Residents report={props.report} />
    </>
  );
}

function Figures(props: { heading: string; counts: CompletionCounts }) {
  return (
    <div class="card chore-figure">
      <h3>{props.heading}</h3>
      <Show when={props.counts.assigned > 0} fallback={<p class="empty">No chores were due.</p>}>
        <p class="chore-figure-big">
          {percent(props.counts.rate)} <span class="chore-figure-word">done</span>
        </p>
        <p>
          {props.counts.done} of {props.counts.assigned}{' '}
          {props.counts.assigned === 1 ? 'chore' : 'chores'} · {props.counts.verified} checked ·{' '}
          {props.counts.missed} missed
        </p>
      </Show>
    </div>
  );
}

function WeeksChart(props: { report: CompletionReport }) {
  const weeks = () => props.report.weeks;
  // the twelve weeks end today: the first may start part-way through its week, the last is still going
  const firstDay = () => addDays(props.report.today, -83);
  const weekName = (week: Week, index: number) => {
    if (index === weeks().length - 1 && addDays(week.weekStart, 6) >= props.report.today)
      return `${weekLabel(week.weekStart)} (this week, so far)`;
    if (index === 0 && week.weekStart < firstDay())
      return `${weekLabel(week.weekStart)} (from ${weekLabel(firstDay())})`;
    return weekLabel(week.weekStart);
  };
  const missedFill = stripes(CHART_COLOURS.vermillion);
  const config = (): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels: weeks().map((w) => weekLabel(w.weekStart)),
      datasets: [
        {
          label: 'Done and checked',
          data: weeks().map((w) => w.verified),
          backgroundColor: CHART_COLOURS.blue,
          borderColor: CHART_COLOURS.blue,
          borderWidth: 0,
        },
        {
          label: 'Done (no check, or not yet)',
          data: weeks().map((w) => w.done),
          backgroundColor: CHART_COLOURS.green,
          borderColor: CHART_COLOURS.green,
          borderWidth: 0,
        },
        {
          label: 'Missed',
          data: weeks().map((w) => w.missed),
          backgroundColor: missedFill,
          borderColor: '#000000',
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...CHART_BASE,
      scales: {
        x: { stacked: true, title: { display: true, text: 'Week starting' } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: 'Chores' },
        },
      },
    },
  });
  return (
    <section class="stack" aria-labelledby="chore-weeks-heading">
      <h2 id="chore-weeks-heading">Week by week</h2>
      <Show
        when={props.report.house12.assigned > 0}
        fallback={<p class="empty">No chores were due in the last 12 weeks.</p>}
      >
        <ChartCanvas
          config={config()}
          label="Chores each week over the last 12 weeks, as stacked bars: done and checked at the bottom, done without a check (none needed, or not yet) in the middle, missed on top with stripes. The same numbers are in the table below, under “The weeks as a table”."
        />
        <details class="chore-report-numbers">
          <summary>The weeks as a table</summary>
          <div
            class="chore-report-scroll"
            role="region"
            aria-label="Chores by week (scrolls sideways)"
            tabindex="0"
          >
            <table class="chore-report-table">
              <caption class="visually-hidden">
                Chores by week over the last 12 weeks, oldest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Week starting</th>
                  <th scope="col" class="num">
                    Checked
                  </th>
                  <th scope="col" class="num">
                    Done, no check (yet)
                  </th>
                  <th scope="col" class="num">
                    Missed
                  </th>
                  <th scope="col" class="num">
                    Due
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={weeks()}>
                  {(week, index) => (
                    <tr>
                      <th scope="row">{weekName(week, index())}</th>
                      <td class="num">{week.verified}</td>
                      <td class="num">{week.done}</td>
                      <td class="num">{week.missed}</td>
                      <td class="num">{week.verified + week.done + week.missed}</td>
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

function Residents(props: { report: CompletionReport }) {
  const residents = () => [...props.report.residents].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section class="stack" aria-labelledby="chore-residents-heading">
      <h2 id="chore-residents-heading">Each resident</h2>
      <Show
        when={residents().length > 0}
        fallback={<p class="empty">Nobody had chores in the last 12 weeks.</p>}
      >
        <p class="muted">“Done” counts checked chores too.</p>
        <div
          class="chore-report-scroll"
          role="region"
          aria-label="Each resident's chores (scrolls sideways)"
          tabindex="0"
        >
          <table class="chore-report-table chore-residents-table">
            <caption class="visually-hidden">
              Each resident's chores over the last 4 and 12 weeks, by name
            </caption>
            <colgroup>
              <col />
            </colgroup>
            <colgroup span="4" />
            <colgroup span="4" />
            <thead>
              <tr>
                <td />
                <th scope="colgroup" colspan="4" class="chore-period">
                  Last 4 weeks
                </th>
                <th scope="colgroup" colspan="4" class="chore-period">
                  Last 12 weeks
                </th>
              </tr>
              <tr>
                <th scope="col">Resident</th>
                <PeriodHeadings />
                <PeriodHeadings />
              </tr>
            </thead>
            <tbody>
              <For each={residents()}>
                {(resident) => (
                  <tr>
                    <th scope="row">
                      <A href={`/residents/${resident.residentId}`}>{resident.name}</A>
                    </th>
                    <PeriodCells counts={resident.weeks4} />
                    <PeriodCells counts={resident.weeks12} />
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

function PeriodHeadings() {
  return (
    <>
      <th scope="col" class="num chore-period-start">
        % done
      </th>
      <th scope="col" class="num">
        Done
      </th>
      <th scope="col" class="num">
        Checked
      </th>
      <th scope="col" class="num">
        Missed
      </th>
    </>
  );
}

function PeriodCells(props: { counts: CompletionCounts }) {
  return (
    <>
      <td class="num chore-period-start">{percent(props.counts.rate)}</td>
      <td class="num">
        {props.counts.done} of {props.counts.assigned}
      </td>
      <td class="num">{props.counts.verified}</td>
      <td class="num">{props.counts.missed}</td>
    </>
  );
}
