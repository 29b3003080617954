// Staff: one house's month on one page (occupancy, check-ins, chores, meetings,
// incidents, milestones) for the operator's records and for funders or
// certifiers. Every number says what it counts; nobody is named. On screen it
// reads on a phone; on paper it fits one A4 or Letter page.
import { reportMonth, shiftMonth } from '@porchlight/domain';
import {
  DISCHARGE_REASON_LABELS,
  NARR_LEVEL_LABELS,
  RULE_CATEGORY_LABELS,
} from '@porchlight/domain/labels';
import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import {
  createEffect,
  createSignal,
  For,
  type JSX,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { browserToday, formatDate, formatInstant, plural } from '../lib/dates';
import { isClientError, problemOf } from '../lib/errors';
import { type MonthlyReport, type MoveOutReason, reportQueries } from './data';
import './report.css';

const MOVE_OUT_LABELS: Record<MoveOutReason, string> = {
  ...DISCHARGE_REASON_LABELS,
  transferred: 'Moved to another of the organisation’s houses',
};

const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "November 2026"; months are calendar months, so they are read as UTC. */
function monthLabel(month: string): string {
  const day = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? month : monthFormat.format(day);
}

/** "86%", or null when there was nothing to count. Never 100% with one missed, nor 0% with one made. */
function percent(rate: number | null): string | null {
  if (rate === null) return null;
  const rounded = Math.round(rate * 100);
  if (rounded === 100 && rate < 1) return '99%';
  if (rounded === 0 && rate > 0) return '1%';
  return `${rounded}%`;
}

export default function MonthlyReportPage() {
  const params = useParams<{ houseId: string }>();
  const [search] = useSearchParams<{ month?: string }>();
  const navigate = useNavigate();
  // last month by the reader's calendar; the house's own calendar decides what it covers
  const thisMonth = browserToday().slice(0, 7);
  const lastMonth = shiftMonth(thisMonth, -1);
  const month = () => {
    const m = search.month;
    return typeof m === 'string' && reportMonth.safeParse(m).success ? m : lastMonth;
  };
  const report = useQuery(() => reportQueries.monthlyHouse(params.houseId, month()));
  const hrefFor = (m: string) => `/houses/${params.houseId}/report?month=${m}`;
  // the site's header and the page padding go away when printing this page only
  onMount(() => document.body.classList.add('printing-report'));
  onCleanup(() => document.body.classList.remove('printing-report'));
  const [pickerError, setPickerError] = createSignal<string | null>(null);
  // the API refuses a month with nothing to count (to come, or before the house's records) by name
  const monthRefused = () =>
    report.isError ? (problemOf(report.error).fieldErrors.month ?? null) : null;
  const monthError = () => pickerError() ?? monthRefused();
  // a month reached by a link is a good one: an earlier typing mistake no longer applies
  createEffect(on(month, () => setPickerError(null), { defer: true }));

  function pick(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = new FormData(form).get('month');
    const parsed = reportMonth.safeParse(typeof value === 'string' ? value : '');
    if (!parsed.success) {
      setPickerError(parsed.error.issues[0]?.message ?? 'must be a month like 2026-03.');
      return;
    }
    setPickerError(null);
    navigate(hrefFor(parsed.data));
  }

  return (
    <div class="report-page">
      <p class="crumbs no-print">
        <A href={`/houses/${params.houseId}`}>{report.data?.house.name ?? 'House'}</A>
      </p>
      <header class="report-head">
        <Show when={report.data}>{(data) => <p class="report-house">{data().house.name}</p>}</Show>
        <PageHeading
          title={`Monthly report · ${monthLabel(month())}${report.data ? ` · ${report.data.house.name}` : ''}`}
        >
          Monthly report: {monthLabel(month())}
        </PageHeading>
        <Show when={report.data}>{(data) => <HouseFacts report={data()} />}</Show>
      </header>
      <nav class="report-months no-print" aria-label="Months">
        <Show when={report.data?.previousMonth}>
          {(previous) => (
            <A href={hrefFor(previous())} class="button">
              Previous month
              <span class="visually-hidden"> ({monthLabel(previous())})</span>
            </A>
          )}
        </Show>
        {/* checked here and by the API, which says why a month has no report */}
        <form class="report-picker" onSubmit={pick} aria-label="Choose a month" novalidate>
          <div class="field">
            <label class="field-label" for="report-month">
              Month
            </label>
            <input
              id="report-month"
              name="month"
              type="month"
              value={month()}
              max={thisMonth}
              aria-invalid={monthError() ? 'true' : undefined}
              aria-describedby={monthError() ? 'report-month-error' : undefined}
            />
            <Show when={monthError()}>
              {(error) => (
                <p id="report-month-error" class="field-error" role="alert">
                  Month {error()}
                </p>
              )}
            </Show>
          </div>
          <button type="submit" class="button">
            Show
          </button>
        </form>
        <Show when={report.data?.nextMonth}>
          {(next) => (
            <A href={hrefFor(next())} class="button">
              Next month
              <span class="visually-hidden"> ({monthLabel(next())})</span>
            </A>
          )}
        </Show>
        <Show when={report.data}>
          <button type="button" class="button button-primary" onClick={() => window.print()}>
            Print
          </button>
        </Show>
      </nav>
      <Switch fallback={<Loading label="Counting the month…" />}>
        <Match when={report.isError && monthRefused()}>
          {/* a house added this month has no last month: this month so far is there */}
          <ul class="report-elsewhere no-print">
            <Show when={month() !== lastMonth}>
              <li>
                <A href={hrefFor(lastMonth)}>Last month’s report</A>
              </li>
            </Show>
            <Show when={month() !== thisMonth}>
              <li>
                <A href={hrefFor(thisMonth)}>This month so far</A>
              </li>
            </Show>
          </ul>
        </Match>
        <Match when={report.isError}>
          <div class="no-print">
            <LoadError
              error={report.error}
              retry={isClientError(report.error) ? undefined : () => void report.refetch()}
            />
          </div>
        </Match>
        <Match when={report.data}>{(data) => <ReportBody report={data()} />}</Match>
      </Switch>
    </div>
  );
}

function HouseFacts(props: { report: MonthlyReport }) {
  const house = () => props.report.house;
  return (
    <>
      <p class="report-span">
        <Show
          when={props.report.partial}
          fallback={
            <>
              {formatDate(props.report.from)} to {formatDate(props.report.to)},{' '}
              {plural(props.report.days, 'day', 'days')}
            </>
          }
        >
          <strong class="report-so-far">So far:</strong> {formatDate(props.report.from)} to today,{' '}
          {formatDate(props.report.to)} ({plural(props.report.days, 'day', 'days')}). The month is
          not over.
        </Show>
      </p>
      <dl class="report-facts">
        <div>
          <dt>Address</dt>
          <dd>{house().address}</dd>
        </div>
        <div>
          <dt>NARR level</dt>
          <dd>{NARR_LEVEL_LABELS[house().narrLevel] ?? `Level ${house().narrLevel}`}</dd>
        </div>
        <div>
          <dt>{house().managers.length === 1 ? 'House manager' : 'House managers'}</dt>
          <dd>
            <Show when={house().managers.length > 0} fallback="None: the residents run the house">
              {house().managers.join(', ')}
            </Show>
          </dd>
        </div>
      </dl>
    </>
  );
}

/** One figure and what it counts, in words. */
function Figure(props: { value: string | number; children: JSX.Element }) {
  return (
    <li class="report-figure">
      <span class="report-value">{props.value}</span> <span>{props.children}</span>
    </li>
  );
}

function Section(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <section class="report-section" aria-labelledby={`report-${props.id}`}>
      <h2 id={`report-${props.id}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function ReportBody(props: { report: MonthlyReport }) {
  const r = () => props.report;
  const moveOuts = () =>
    (Object.entries(r().occupancy.moveOuts.byReason) as Array<[MoveOutReason, number]>).filter(
      ([, n]) => n > 0,
    );
  const violations = () => r().incidents.violations;
  return (
    <>
      <div class="report-sections">
        <Section id="occupancy" title="Occupancy">
          <ul class="report-figures">
            <Figure value={percent(r().occupancy.average) ?? '—'}>
              <Show
                when={r().occupancy.bedNights > 0}
                fallback="average occupancy: the house has no beds"
              >
                average occupancy: {r().occupancy.residentNights} resident-nights of{' '}
                {r().occupancy.bedNights} bed-nights ({plural(r().occupancy.beds, 'bed', 'beds')} ×{' '}
                {plural(r().days, 'day', 'days')})
              </Show>
            </Figure>
            <Figure value={r().occupancy.residents}>
              {r().occupancy.residents === 1 ? 'resident' : 'residents'} lived in the house (one
              night or more)
            </Figure>
            <Figure value={r().occupancy.moveIns}>
              {r().occupancy.moveIns === 1 ? 'move-in' : 'move-ins'}
            </Figure>
            <Figure value={r().occupancy.moveOuts.total}>
              {r().occupancy.moveOuts.total === 1 ? 'move-out' : 'move-outs'}
              <Show when={moveOuts().length > 0}>
                :{' '}
                <For each={moveOuts()}>
                  {([reason, n], i) => (
                    <>
                      {i() > 0 ? ', ' : ''}
                      {n} {MOVE_OUT_LABELS[reason].toLowerCase()}
                    </>
                  )}
                </For>
              </Show>
            </Figure>
          </ul>
        </Section>

        <Section id="check-ins" title="Check-ins">
          <Show
            when={r().checkIns.required > 0}
            fallback={<p class="empty">No check-ins were due this month.</p>}
          >
            <ul class="report-figures">
              <Figure value={percent(r().checkIns.rate) ?? '—'}>
                of check-ins made ({r().checkIns.made} of {r().checkIns.required} due)
              </Figure>
              <Figure value={percent(r().checkIns.onTimeRate) ?? '—'}>
                made on time ({r().checkIns.onTime} of {r().checkIns.required})
              </Figure>
            </ul>
          </Show>
          <p class="report-note">
            Daily and curfew check-ins each resident’s phase asks for; a late one counts as made.
            Days away on a pass or excused are left out.
          </p>
        </Section>

        <Section id="chores" title="Chores">
          <Show
            when={r().chores.assigned > 0}
            fallback={<p class="empty">No chores were on a published rota this month.</p>}
          >
            <ul class="report-figures">
              <Figure value={percent(r().chores.rate) ?? '—'}>
                of chores done ({r().chores.done} of {r().chores.assigned} given out)
              </Figure>
              <Figure value={r().chores.missed}>
                {r().chores.missed === 1 ? 'chore' : 'chores'} missed (not done by the end of its
                day)
              </Figure>
              <Figure value={r().chores.verified}>
                {r().chores.verified === 1 ? 'chore' : 'chores'} checked by a manager once done
              </Figure>
            </ul>
          </Show>
        </Section>

        <Section id="meetings" title="House meetings">
          <ul class="report-figures">
            <Figure value={r().meetings.held}>
              {r().meetings.held === 1 ? 'meeting' : 'meetings'} held
              <Show when={r().meetings.cancelled > 0}>, {r().meetings.cancelled} called off</Show>
              <Show when={r().meetings.notOpened > 0}>
                , {r().meetings.notOpened} not held (nobody opened the meeting)
              </Show>
            </Figure>
            <Show when={r().meetings.attendance.recorded > 0}>
              <Figure value={percent(r().meetings.attendance.rate) ?? '—'}>
                attendance ({r().meetings.attendance.present} of {r().meetings.attendance.recorded}{' '}
                places on the roll present or late)
              </Figure>
            </Show>
            <Figure value={r().meetings.motions.passed}>
              {r().meetings.motions.passed === 1 ? 'motion' : 'motions'} passed, of{' '}
              {r().meetings.motions.put} put to a vote
            </Figure>
          </ul>
        </Section>

        <Section id="incidents" title="Incidents">
          <ul class="report-figures">
            <Figure value={violations().count}>
              {violations().count === 1 ? 'violation' : 'violations'} of the house rules
              <Show when={violations().perResidentMonth !== null}>
                , {violations().perResidentMonth?.toFixed(2)} per resident-month (for every thirty
                nights lived in the house)
              </Show>
              <Show when={violations().byCategory.length > 0}>
                . By category:{' '}
                <For each={violations().byCategory}>
                  {(c, i) => (
                    <>
                      {i() > 0 ? ', ' : ''}
                      {(RULE_CATEGORY_LABELS[c.category] ?? c.category).toLowerCase()} {c.count}
                    </>
                  )}
                </For>
              </Show>
            </Figure>
            <Figure value={r().incidents.tests.positiveOrRefused}>
              positive or refused drug and alcohol{' '}
              {r().incidents.tests.positiveOrRefused === 1 ? 'test' : 'tests'}, of{' '}
              {r().incidents.tests.taken} taken
              <Show when={r().incidents.tests.refused > 0}>
                {' '}
                ({r().incidents.tests.refused} refused: a refusal counts as positive)
              </Show>
            </Figure>
            <Figure value={r().incidents.grievances.filed}>
              {r().incidents.grievances.filed === 1 ? 'grievance' : 'grievances'} filed;{' '}
              {r().incidents.grievances.decided} decided and {r().incidents.grievances.resolved}{' '}
              closed (decision accepted, or withdrawn) this month
            </Figure>
            <Figure value={r().incidents.lateReturns}>
              late {r().incidents.lateReturns === 1 ? 'return' : 'returns'} from a pass (back after
              the time agreed, or not back yet)
            </Figure>
          </ul>
          <p class="report-note">Voided violations are left out.</p>
        </Section>

        <Section id="milestones" title="Milestones">
          <ul class="report-figures">
            <Figure value={r().milestones.sobriety}>
              sobriety {r().milestones.sobriety === 1 ? 'milestone' : 'milestones'} (24 hours, 30,
              60 and 90 days, 6 and 9 months, a year, then every year)
            </Figure>
            <Figure value={r().milestones.stay}>
              {r().milestones.stay === 1 ? 'milestone' : 'milestones'} of 30, 60 or 90 days in the
              house
            </Figure>
          </ul>
          <p class="report-note">
            Counted only for the {r().milestones.sharingResidents} of{' '}
            {plural(r().occupancy.residents, 'resident', 'residents')} who agreed to share their
            milestones. This report names no resident.
          </p>
        </Section>
      </div>
      <footer class="report-foot">
        <p>
          Generated {formatInstant(r().generatedAt)}
          <Show when={r().generatedBy}>{(name) => <> by {name()}</>}</Show> · Porchlight
        </p>
        <p>
          Days are the house’s own ({r().house.timezone}). Counts only: no resident’s record is
          shown.
        </p>
      </footer>
    </>
  );
}
