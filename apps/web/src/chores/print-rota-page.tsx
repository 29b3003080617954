// Staff: a house's chore rota as a sheet of paper for the fridge, one week to a
// page, with who does what each day. On screen it shows how it will print.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { formatDate } from '../lib/dates';
import { choreQueries, type RotaOccurrence, type RotaView } from './data';
import './print.css';

type RotaChore = RotaView['chores'][number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** House dates are days, not instants: read them as UTC so no timezone moves them. */
function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const weekdayDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const weekdayDayYear = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const longWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Mon, Dec 1 to Sun, Dec 7, 2026"; both years when the week crosses into a new one. */
function weekRange(from: string, to: string): string {
  const start = from.slice(0, 4) === to.slice(0, 4) ? weekdayDay : weekdayDayYear;
  return `${start.format(utcDay(from))} to ${weekdayDayYear.format(utcDay(to))}`;
}

/** The rota's days seven at a time: a sheet of paper holds one week. */
function weeksOf(dates: readonly string[]): string[][] {
  const weeks: string[][] = [];
  for (let i = 0; i < dates.length; i += 7) weeks.push(dates.slice(i, i + 7));
  return weeks;
}

export default function PrintRotaPage() {
  const params = useParams<{ houseId: string }>();
  const [search] = useSearchParams<{ date?: string }>();
  // a date that is not one would only be refused by the API: fall back to today's rota
  const date = () => {
    const d = search.date;
    return typeof d === 'string' && DATE.test(d) ? d : undefined;
  };
  const rota = useQuery(() => choreQueries.rotaOn(params.houseId, date()));
  const rotaHref = () => `/houses/${params.houseId}/chores${date() ? `?date=${date()}` : ''}`;
  // the site's header and the page padding go away when printing this page only
  onMount(() => document.body.classList.add('printing-rota'));
  onCleanup(() => document.body.classList.remove('printing-rota'));
  return (
    <div class="rota-print">
      <div class="stack no-print">
        <p class="crumbs">
          <A href={rotaHref()}>Rota</A>
        </p>
        <PageHeading
          title={
            rota.data?.rota ? `Print the rota · ${rota.data.rota.house.name}` : 'Print the rota'
          }
        >
          Print the rota
        </PageHeading>
        <Show when={rota.data?.rota}>
          <p class="lede">Looks like this on paper: one week to a page.</p>
          <p>
            <button type="button" class="button button-primary" onClick={() => window.print()}>
              Print
            </button>
          </p>
        </Show>
      </div>
      <Switch fallback={<Loading label="Loading the rota…" />}>
        <Match when={rota.isError && !rota.data}>
          <div class="no-print">
            <LoadError error={rota.error} retry={() => void rota.refetch()} />
          </div>
        </Match>
        <Match when={rota.data}>
          {(data) => (
            <Show
              when={data().rota}
              fallback={
                <div class="stack">
                  <p>
                    There is no rota for {formatDate(data().date)}
                    {data().date === data().today ? ' (today)' : ''}, so there is nothing to print.
                  </p>
                  <p>
                    <A href={rotaHref()} class="button">
                      Back to the rota
                    </A>
                  </p>
                </div>
              }
            >
              {(view) => <Sheets rota={view()} printedOn={data().today} />}
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function Sheets(props: { rota: RotaView; printedOn: string }) {
  const weeks = () => weeksOf(props.rota.dates);
  // who is on each chore each day, in slot order (the API sends them by date, then slot);
  // a memo, as every cell of every sheet reads it
  const onDay = createMemo(() => {
    const map = new Map<string, RotaOccurrence[]>();
    for (const o of props.rota.occurrences) {
      const key = `${o.choreId}|${o.date}`;
      const list = map.get(key);
      if (list) list.push(o);
      else map.set(key, [o]);
    }
    return map;
  });
  return (
    <div class="rota-sheets">
      <For each={weeks()}>
        {(dates, index) => (
          <RotaSheet
            rota={props.rota}
            dates={dates}
            week={index() + 1}
            weeks={weeks().length}
            onDay={onDay()}
            printedOn={props.printedOn}
          />
        )}
      </For>
    </div>
  );
}

function RotaSheet(props: {
  rota: RotaView;
  dates: string[];
  week: number;
  weeks: number;
  onDay: Map<string, RotaOccurrence[]>;
  printedOn: string;
}) {
  const first = () => props.dates[0] ?? props.rota.period.startDate;
  const last = () => props.dates.at(-1) ?? props.rota.period.endDate;
  const range = () => weekRange(first(), last());
  // a sheet lists the chores due in its week only
  const chores = () =>
    props.rota.chores.filter((c) => props.dates.some((d) => props.onDay.has(`${c.id}|${d}`)));
  const anyChecked = () => chores().some((c) => c.needsVerification);
  return (
    <article class="rota-sheet" aria-label={`Rota for the week of ${range()}`}>
      <header class="rota-sheet-head">
        <h2 class="rota-sheet-house">{props.rota.house.name}</h2>
        <Show when={props.rota.period.status === 'draft'}>
          <p class="rota-sheet-draft">Draft — not published yet</p>
        </Show>
      </header>
      <Show
        when={chores().length > 0}
        fallback={
          <p class="rota-sheet-week">Chores for the week of {range()}: none are due this week.</p>
        }
      >
        {/* the week in a line of its own, so it wraps on a phone while the table scrolls */}
        <p class="rota-sheet-week" aria-hidden="true">
          Chores for the week of {range()}
          <Show when={props.weeks > 1}>
            <span class="rota-sheet-part">
              {' '}
              (week {props.week} of {props.weeks})
            </span>
          </Show>
        </p>
        <div
          class="rota-sheet-scroll"
          role="region"
          aria-label={`Chores for the week of ${range()} (scrolls sideways)`}
          tabindex="0"
        >
          <table class="rota-table">
            <caption class="visually-hidden">
              Chores for the week of {range()}
              {props.weeks > 1 ? ` (week ${props.week} of ${props.weeks})` : ''}: one row a chore,
              one column a day, with who does it
            </caption>
            <colgroup>
              <col class="rota-col-chore" />
              <For each={props.dates}>{() => <col class="rota-col-day" />}</For>
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Chore</th>
                <For each={props.dates}>
                  {(d) => (
                    <th scope="col" class="rota-day">
                      <span aria-hidden="true">
                        {shortWeekday.format(utcDay(d))} {utcDay(d).getUTCDate()}
                      </span>
                      <span class="visually-hidden">{longDay.format(utcDay(d))}</span>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={chores()}>
                {(chore) => (
                  <tr>
                    <ChoreHeading chore={chore} />
                    <For each={props.dates}>
                      {(d) => <DayCell occurrences={props.onDay.get(`${chore.id}|${d}`)} />}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <footer class="rota-sheet-foot">
        <Show when={anyChecked()}>
          <p>
            <span class="rota-check" aria-hidden="true">
              ✓
            </span>{' '}
            checked by a manager once done
          </p>
        </Show>
        <p>Swaps: ask in Porchlight. Questions: your house manager.</p>
        <p class="rota-sheet-printed">Printed {formatDate(props.printedOn)}</p>
      </footer>
    </article>
  );
}

function ChoreHeading(props: { chore: RotaChore }) {
  return (
    <th scope="row" class="rota-chore">
      <span class="rota-chore-name">
        {props.chore.name}
        <Show when={props.chore.needsVerification}>
          {/* a no-break space keeps the mark on the name's last line */}
          {'\u00a0'}
          <span class="rota-check" aria-hidden="true">
            ✓
          </span>
          <span class="visually-hidden">(checked by a manager)</span>
        </Show>
      </span>
      <Show when={props.chore.area}>{(area) => <span class="rota-chore-area">{area()}</span>}</Show>
      <Show when={props.chore.frequency === 'weekly' && props.chore.weekdays[0]}>
        {(day) => (
          <span class="rota-chore-area">
            Any day, done by {longWeekday.format(utcDay(weekdayDate(day())))}
          </span>
        )}
      </Show>
    </th>
  );
}

/** A date that falls on ISO weekday `day` (1 Monday to 7 Sunday), to name the day. */
function weekdayDate(day: number): string {
  // 2024-01-01 was a Monday
  return `2024-01-0${Math.min(Math.max(day, 1), 7)}`;
}

function DayCell(props: { occurrences: RotaOccurrence[] | undefined }) {
  return (
    <td class="rota-cell">
      <Show when={props.occurrences} fallback={<span class="visually-hidden">Not due</span>}>
        {(list) => (
          <ul class="rota-names">
            <For each={list()}>
              {(o) => (
                <li>
                  <Show
                    when={o.residentName}
                    fallback={<span class="rota-nobody">Nobody yet</span>}
                  >
                    {(name) => name()}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </td>
  );
}
