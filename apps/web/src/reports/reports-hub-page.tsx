// Where staff find every report: the overview, the rates across houses, each
// house's monthly report, the CSV exports and, for operators, the audit log.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { isOperator, useWhoami } from '../account/session';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';

export default function ReportsHubPage() {
  const who = useWhoami();
  const houses = useQuery(houseQueries.all);
  return (
    <div class="stack-lg">
      <PageHeading title="Reports">Reports</PageHeading>
      <ul class="plain-list report-links" aria-label="Reports">
        <li>
          <A href="/portfolio">Houses at a glance</A>
          <p class="muted">
            Occupancy, check-ins, chores, meetings, violations, tests, grievances and attention
            flags for every house, with twelve weeks of trends.
          </p>
        </li>
        <li>
          <A href="/reports/violations">Violations across houses</A>
          <p class="muted">
            Violations per resident-month by house, category and manager: are rules applied evenly?
          </p>
        </li>
        <li>
          <A href="/reports/exports">Exports</A>
          <p class="muted">
            Residents, stays, check-ins, tests, chores, violations, meetings and attendance as CSV
            files a spreadsheet opens.
          </p>
        </li>
        <Show when={isOperator(who.data)}>
          <li>
            <A href="/audit">Audit log</A>
            <p class="muted">
              Every change and every read of sensitive records: who, what, when, and the request.
            </p>
          </li>
        </Show>
      </ul>
      <section class="stack" aria-labelledby="monthly-heading">
        <h2 id="monthly-heading">Monthly house reports</h2>
        <p class="muted">
          One printable page per house and month, for your records and for funders or certifiers.
        </p>
        <Switch fallback={<Loading />}>
          <Match when={houses.isError && !houses.data}>
            <LoadError error={houses.error} retry={() => void houses.refetch()} />
          </Match>
          <Match when={houses.data}>
            {(list) => (
              <ul class="link-grid" aria-label="Monthly report of each house">
                <For each={list().items}>
                  {(house) => (
                    <li>
                      <A href={`/houses/${house.id}/report`} class="button">
                        {house.name}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}
