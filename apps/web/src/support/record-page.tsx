// A resident's record of what they gave (offices held, peer mentoring,
// volunteer hours) as a page to print or save as a PDF: for a job
// application, a court, or the next house. The residents they mentored are not
// named: the record leaves the house, and their stay is their own business.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { Match, onCleanup, onMount, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { browserToday, formatDate } from '../lib/dates';
import { errorCode } from '../lib/errors';
import { residentQueries } from '../residents/data';
import { ContributionList } from './circle-parts';
import { supportQueries } from './data';
import './record.css';

export default function RecordPage() {
  const me = useQuery(residentQueries.me);
  // the site's header and the page padding go away when printing this page only
  onMount(() => document.body.classList.add('printing-record'));
  onCleanup(() => document.body.classList.remove('printing-record'));
  return (
    <div class="stack-lg">
      <div class="stack no-print">
        <p class="crumbs">
          <A href="/support">Your support</A>
        </p>
        <PageHeading title="Your record of service">Your record of service</PageHeading>
        <p class="lede">
          Offices you held, residents you mentored and hours you volunteered, to take with you: for
          a job application, a court or your next house. The residents you mentored are not named.
        </p>
        <div>
          <button type="button" class="button button-primary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </div>
      <Switch fallback={<Loading />}>
        <Match when={me.isError && errorCode(me.error) === 'NOT_FOUND'}>
          <p>This page is for residents: there is no resident record linked to your account.</p>
        </Match>
        <Match when={me.isError && !me.data}>
          <LoadError error={me.error} retry={() => void me.refetch()} />
        </Match>
        <Match when={me.data}>
          {(record) => <Record residentId={record().id} name={record().name} />}
        </Match>
      </Switch>
    </div>
  );
}

function Record(props: { residentId: string; name: string }) {
  const contributions = useQuery(() => supportQueries.contributions(props.residentId));
  return (
    <Switch fallback={<Loading label="Loading your record" />}>
      <Match when={contributions.isError && !contributions.data}>
        <LoadError error={contributions.error} retry={() => void contributions.refetch()} />
      </Match>
      <Match when={contributions.data}>
        {(c) => (
          <article class="service-record stack" aria-labelledby="record-name">
            <header class="stack-sm">
              <h2 id="record-name">{props.name}</h2>
              <p class="member-meta">Record of service, as of {formatDate(browserToday())}</p>
            </header>
            <ContributionList contributions={c()} you anonymousMentees />
          </article>
        )}
      </Match>
    </Switch>
  );
}
