// Are rules applied evenly? Violations per resident-month (thirty nights lived
// in the house) by house over time, by category, and per manager.
import { RULE_CATEGORY_LABELS } from '@porchlight/domain/labels';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { violationQueries, type ViolationRates } from './data';
import { monthLabel, RatesChart } from './rates-chart';
import './records.css';

const rate = (r: number | null) => (r === null ? '—' : r.toFixed(2));

export default function ViolationRatesPage() {
  const [months, setMonths] = createSignal(6);
  const rates = useQuery(() => violationQueries.rates(months()));
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="Violations across houses">Violations across houses</PageHeading>
        <p class="lede">
          Violations per resident-month: how many violations for every thirty nights residents lived
          in the house. Voided violations do not count. A house far above or below the others may be
          applying the rules differently.
        </p>
        <label class="field">
          <span class="field-label">Period</span>
          <select
            value={String(months())}
            onChange={(e) => setMonths(Number(e.currentTarget.value))}
          >
            <option value="3">Last 3 months</option>
            <option value="6">Last 6 months</option>
            <option value="12">Last 12 months</option>
          </select>
        </label>
      </div>
      <Switch fallback={<Loading />}>
        <Match when={rates.isError && !rates.data}>
          <LoadError error={rates.error} retry={() => void rates.refetch()} />
        </Match>
        <Match when={rates.data}>{(data) => <RatesView rates={data()} />}</Match>
      </Switch>
    </div>
  );
}

function RatesView(props: { rates: ViolationRates }) {
  return (
    <>
      <section class="stack" aria-labelledby="trend-heading">
        <h2 id="trend-heading">By house, month by month</h2>
        <RatesChart rates={props.rates} />
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">
              Violations per resident-month by house and month
            </caption>
            <thead>
              <tr>
                <th scope="col">House</th>
                <For each={props.rates.months}>
                  {(m) => (
                    <th scope="col" class="num">
                      {monthLabel(m)}
                    </th>
                  )}
                </For>
                <th scope="col" class="num">
                  Whole period
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rates.houses}>
                {(h) => (
                  <tr>
                    <th scope="row">{h.name}</th>
                    <For each={h.byMonth}>{(m) => <td class="num">{rate(m.rate)}</td>}</For>
                    <td class="num">
                      {rate(h.rate)} ({h.violations})
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
      <section class="stack" aria-labelledby="category-heading">
        <h2 id="category-heading">By category</h2>
        <Show
          when={props.rates.categories.length > 0}
          fallback={<p class="empty">No violations in this period.</p>}
        >
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">
                Violations by house and rule category, whole period
              </caption>
              <thead>
                <tr>
                  <th scope="col">House</th>
                  <For each={props.rates.categories}>
                    {(c) => (
                      <th scope="col" class="num">
                        {RULE_CATEGORY_LABELS[c] ?? c}
                      </th>
                    )}
                  </For>
                </tr>
              </thead>
              <tbody>
                <For each={props.rates.houses}>
                  {(h) => (
                    <tr>
                      <th scope="row">{h.name}</th>
                      <For each={props.rates.categories}>
                        {(c) => (
                          <td class="num">
                            {h.byMonth.reduce((sum, m) => sum + (m.byCategory[c] ?? 0), 0)}
                          </td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <section class="stack" aria-labelledby="manager-heading">
        <h2 id="manager-heading">By manager</h2>
        <Show
          when={props.rates.managers.length > 0}
          fallback={<p class="empty">No managers are assigned to these houses.</p>}
        >
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">Violations per resident-month by manager</caption>
              <thead>
                <tr>
                  <th scope="col">Manager</th>
                  <th scope="col">Houses</th>
                  <th scope="col" class="num">
                    Violations
                  </th>
                  <th scope="col" class="num">
                    Per resident-month
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={props.rates.managers}>
                  {(m) => (
                    <tr>
                      <th scope="row">{m.name}</th>
                      <td>{m.houses.join(', ')}</td>
                      <td class="num">{m.violations}</td>
                      <td class="num">{rate(m.rate)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
}
