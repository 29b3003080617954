// Every house at a glance: where beds are open, which house is slipping, and
// whether rules are applied evenly. Each figure links down to the house's own
// screen with the records behind it; the trends show the last twelve weeks.
import { addUpHouses } from '@porchlight/domain';
import { NARR_LEVEL_LABELS } from '@porchlight/domain/labels';
import { A, useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createMemo, For, type JSX, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { formatDate, formatInstant, plural } from '../lib/dates';
import {
  type Overview,
  type OverviewHouse,
  percent,
  portfolioQueries,
  type Tone,
  toneOf,
  type Totals,
} from './data';
import './portfolio.css';

const TrendCharts = lazy(() => import('./trend-charts'));

type Sort = 'attention' | 'name' | 'occupancy' | 'checkIns' | 'chores' | 'violations';
const SORTS: Array<{ value: Sort; label: string }> = [
  { value: 'attention', label: 'Needs attention first' },
  { value: 'checkIns', label: 'Lowest check-in compliance' },
  { value: 'chores', label: 'Lowest chore completion' },
  { value: 'violations', label: 'Most violations per resident-month' },
  { value: 'occupancy', label: 'Most open beds' },
  { value: 'name', label: 'Name' },
];

// a missing rate sorts last whichever way the list is sorted
const low = (r: number | null) => r ?? Number.POSITIVE_INFINITY;
const high = (r: number | null) => r ?? Number.NEGATIVE_INFINITY;
const compare: Record<Sort, (a: OverviewHouse, b: OverviewHouse) => number> = {
  attention: (a, b) =>
    b.attention.urgent - a.attention.urgent ||
    b.attention.flags - a.attention.flags ||
    low(a.checkIns7.rate) - low(b.checkIns7.rate),
  name: () => 0,
  occupancy: (a, b) => b.occupancy.open - a.occupancy.open,
  checkIns: (a, b) => low(a.checkIns7.rate) - low(b.checkIns7.rate),
  chores: (a, b) => low(a.chores.rate) - low(b.chores.rate),
  violations: (a, b) => high(b.violations.perResidentMonth) - high(a.violations.perResidentMonth),
};

export default function PortfolioPage() {
  const overview = useQuery(portfolioQueries.overview);
  return (
    <div class="stack-lg portfolio">
      <div class="stack">
        <PageHeading title="Houses at a glance">Houses at a glance</PageHeading>
        <Show when={overview.data}>
          {(data) => (
            <p class="lede">
              Every house you oversee, as of {formatInstant(data().generatedAt)}. Each figure opens
              the records behind it.
            </p>
          )}
        </Show>
      </div>
      <Switch fallback={<Loading label="Adding up every house…" />}>
        <Match when={overview.isError && !overview.data}>
          <LoadError error={overview.error} retry={() => void overview.refetch()} />
        </Match>
        <Match when={overview.data?.totals === null}>
          <p class="empty">
            No houses yet. <A href="/houses">Add the first house</A>.
          </p>
        </Match>
        <Match when={overview.data}>{(data) => <OverviewView overview={data()} />}</Match>
      </Switch>
    </div>
  );
}

function OverviewView(props: { overview: Overview }) {
  const [search, setSearch] = useSearchParams<{
    level?: string;
    manager?: string;
    sort?: string;
    trend?: string;
  }>();
  const sort = (): Sort => {
    const s = search.sort;
    return SORTS.some((o) => o.value === s) ? (s as Sort) : 'attention';
  };
  const levels = createMemo(() =>
    [...new Set(props.overview.houses.map((h) => h.narrLevel))].sort(),
  );
  const managers = createMemo(() => {
    const byId = new Map<string, string>();
    for (const h of props.overview.houses) for (const m of h.managers) byId.set(m.userId, m.name);
    return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  });
  const shown = createMemo(() => {
    const level = search.level ? Number(search.level) : null;
    const manager = search.manager ?? '';
    const rows = props.overview.houses.filter(
      (h) =>
        (level === null || h.narrLevel === level) &&
        (manager === '' ||
          (manager === 'none'
            ? h.managers.length === 0
            : h.managers.some((m) => m.userId === manager))),
    );
    const byName = [...rows].sort((a, b) => a.name.localeCompare(b.name));
    return byName.sort(compare[sort()]);
  });
  const filtered = () => shown().length !== props.overview.houses.length;
  const totals = createMemo(() =>
    filtered() ? addUpHouses(shown()) : (props.overview.totals ?? addUpHouses(shown())),
  );
  const showTrend = (houseId: string) => {
    setSearch({ trend: houseId });
    document.getElementById('trends-heading')?.scrollIntoView({ block: 'start' });
    document.getElementById('trend-house')?.focus();
  };
  return (
    <>
      <form
        class="filters portfolio-filters"
        aria-label="Filter and sort houses"
        onSubmit={(e) => e.preventDefault()}
      >
        <label class="field">
          <span class="field-label">NARR level</span>
          <select
            value={search.level ?? ''}
            onChange={(e) => setSearch({ level: e.currentTarget.value || undefined })}
          >
            <option value="">Every level</option>
            <For each={levels()}>
              {(level) => (
                <option value={String(level)}>
                  {NARR_LEVEL_LABELS[level] ?? `Level ${level}`}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field">
          <span class="field-label">Manager</span>
          <select
            value={search.manager ?? ''}
            onChange={(e) => setSearch({ manager: e.currentTarget.value || undefined })}
          >
            <option value="">Every manager</option>
            <For each={managers()}>{([id, name]) => <option value={id}>{name}</option>}</For>
            <option value="none">No manager</option>
          </select>
        </label>
        <label class="field">
          <span class="field-label">Sort</span>
          <select
            value={sort()}
            onChange={(e) =>
              setSearch({
                sort: e.currentTarget.value === 'attention' ? undefined : e.currentTarget.value,
              })
            }
          >
            <For each={SORTS}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </label>
      </form>

      <section class="stack" aria-labelledby="totals-heading">
        <h2 id="totals-heading">
          {filtered()
            ? `${plural(shown().length, 'house', 'houses')} shown, together`
            : `All ${plural(props.overview.houses.length, 'house', 'houses')}, together`}
        </h2>
        <Metrics figures={totals()} overview={props.overview} />
      </section>

      <section class="stack" aria-labelledby="houses-heading">
        <h2 id="houses-heading">By house</h2>
        <Show
          when={shown().length > 0}
          fallback={<p class="empty">No house matches these filters.</p>}
        >
          <ul class="portfolio-houses" aria-label="Houses">
            <For each={shown()}>
              {(house) => <HouseCard house={house} overview={props.overview} onTrend={showTrend} />}
            </For>
          </ul>
        </Show>
      </section>

      <section class="stack" aria-labelledby="trends-heading">
        <h2 id="trends-heading">The last twelve weeks</h2>
        <Suspense fallback={<Loading label="Drawing the trends…" />}>
          <TrendCharts
            houseId={search.trend ?? ''}
            houses={props.overview.houses}
            onHouse={(id) => setSearch({ trend: id || undefined })}
          />
        </Suspense>
      </section>
    </>
  );
}

type Figures = Pick<
  OverviewHouse,
  | 'occupancy'
  | 'checkIns7'
  | 'checkIns30'
  | 'chores'
  | 'violations'
  | 'meetings'
  | 'positiveTests'
  | 'openGrievances'
> & { attention: Totals['attention'] };

const rateText = (r: number | null) => (r === null ? '—' : r.toFixed(2));

const TONE_WORDS: Record<Tone, string> = {
  good: '',
  watch: 'Worth a look',
  concern: 'Needs attention',
  none: '',
};

function Metric(props: {
  label: string;
  value: string;
  detail: JSX.Element;
  tone?: Tone;
  href?: string | undefined;
}) {
  const body = () => (
    <>
      <span class="metric-label">{props.label}</span>
      <span class="metric-value">{props.value}</span>
      <span class="metric-detail">{props.detail}</span>
      <Show when={TONE_WORDS[props.tone ?? 'none']}>
        {(word) => <span class="metric-tone">{word()}</span>}
      </Show>
    </>
  );
  return (
    <li class="metric" data-tone={props.tone ?? 'none'}>
      <Show when={props.href} fallback={<div class="metric-body">{body()}</div>}>
        {(href) => (
          <A href={href()} class="metric-body metric-link">
            {body()}
          </A>
        )}
      </Show>
    </li>
  );
}

/** A house's flags are counted every few minutes; an older count says when it was made. */
function countedNote(attention: object, generatedAt: string): string {
  const at = 'countedAt' in attention ? String(attention.countedAt) : null;
  if (!at || Date.parse(generatedAt) - Date.parse(at) < 60_000) return '';
  return ` · counted ${formatInstant(at)}`;
}

function Metrics(props: { figures: Figures; overview: Overview; houseId?: string }) {
  const f = () => props.figures;
  const at = (path: string) => (props.houseId ? `/houses/${props.houseId}${path}` : undefined);
  const windows = () => props.overview.windows;
  return (
    <ul class="metrics" aria-label={props.houseId ? 'Figures' : 'Figures for these houses'}>
      <Metric
        label="Beds filled"
        value={`${f().occupancy.filled} of ${f().occupancy.beds}`}
        detail={
          <>
            {plural(f().occupancy.open, 'open bed', 'open beds')}
            <Show when={f().occupancy.expectedMoveOuts > 0}>
              {` · ${f().occupancy.expectedMoveOuts} leaving within ${windows()?.expectedMoveOutDays ?? 30} days`}
            </Show>
          </>
        }
        href={at('')}
      />
      <Metric
        label="Check-ins, last 7 days"
        value={percent(f().checkIns7.rate)}
        detail={`${f().checkIns7.made} of ${f().checkIns7.required} made · 30 days ${percent(f().checkIns30.rate)}`}
        tone={toneOf(f().checkIns7.rate, 0.9, 0.75)}
        href={at('/check-ins')}
      />
      <Metric
        label="Chores done, 4 weeks"
        value={percent(f().chores.rate)}
        detail={`${f().chores.done} of ${f().chores.assigned} · ${f().chores.missed} missed`}
        tone={toneOf(f().chores.rate, 0.85, 0.7)}
        href={at('/chores/report')}
      />
      <Metric
        label="House meetings, 30 days"
        value={percent(f().meetings.rate)}
        detail={`attendance at ${plural(f().meetings.held, 'meeting', 'meetings')}`}
        tone={toneOf(f().meetings.rate, 0.85, 0.7)}
        href={at('/meetings')}
      />
      <Metric
        label="Violations per resident-month"
        value={rateText(f().violations.perResidentMonth)}
        detail={`${plural(f().violations.count, 'violation', 'violations')} since ${formatDate(windows()?.violations.from ?? '')}`}
        href={at('/violations') ?? '/reports/violations'}
      />
      <Metric
        label="Positive or refused tests"
        value={String(f().positiveTests)}
        detail={`last ${windows()?.testDays ?? 30} days`}
        tone={f().positiveTests > 0 ? 'watch' : 'good'}
        href={at('/tests')}
      />
      <Metric
        label="Open grievances"
        value={String(f().openGrievances)}
        detail="waiting for a decision"
        tone={f().openGrievances > 0 ? 'watch' : 'good'}
        href={at('/grievances')}
      />
      <Metric
        label="Attention flags"
        value={String(f().attention.flags)}
        detail={`${
          f().attention.urgent > 0
            ? `${f().attention.urgent} urgent · ${plural(f().attention.residents, 'resident', 'residents')}`
            : plural(f().attention.residents, 'resident', 'residents')
        }${countedNote(f().attention, props.overview.generatedAt)}`}
        tone={f().attention.urgent > 0 ? 'concern' : f().attention.flags > 0 ? 'watch' : 'good'}
        href={at('/check-ins#attention')}
      />
    </ul>
  );
}

function HouseCard(props: {
  house: OverviewHouse;
  overview: Overview;
  onTrend: (houseId: string) => void;
}) {
  const headingId = () => `house-${props.house.houseId}`;
  return (
    <li class="card stack portfolio-house">
      <div class="portfolio-house-head">
        <h3 id={headingId()}>
          <A href={`/houses/${props.house.houseId}`}>{props.house.name}</A>
        </h3>
        <p class="muted">
          {NARR_LEVEL_LABELS[props.house.narrLevel] ?? ''}
          {' · '}
          {props.house.managers.length > 0
            ? props.house.managers.map((m) => m.name).join(', ')
            : 'no manager'}
        </p>
      </div>
      <Metrics figures={props.house} overview={props.overview} houseId={props.house.houseId} />
      <div>
        <button
          type="button"
          class="button button-quiet"
          aria-describedby={headingId()}
          onClick={() => props.onTrend(props.house.houseId)}
        >
          Twelve-week trend
        </button>
      </div>
    </li>
  );
}
