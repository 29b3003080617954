// A resident's check-in record in numbers: the streak, and how many check-ins
// were made (and on time) of those due in the last 7 and 30 days. Shown to the
// resident and, on their record, to their house's staff.
import { useQuery } from '@tanstack/solid-query';
import { Match, Show, Switch } from 'solid-js';
import { LoadError, Loading } from '../components/page';
import { plural } from '../lib/dates';
import { type CheckInSummary, checkInQueries } from './data';
import { percent } from './format';

type Compliance = CheckInSummary['compliance7'];

export function CheckInRecord(props: { residentId: string; title: string; id?: string }) {
  const summary = useQuery(() => checkInQueries.summary(props.residentId, 12));
  return (
    <section id={props.id} class="stack" aria-labelledby="check-in-record-heading">
      <h2 id="check-in-record-heading">{props.title}</h2>
      <Switch fallback={<Loading />}>
        <Match when={summary.isError && !summary.data}>
          <LoadError error={summary.error} retry={() => void summary.refetch()} />
        </Match>
        <Match when={summary.data}>{(data) => <RecordNumbers summary={data()} />}</Match>
      </Switch>
    </section>
  );
}

function ComplianceLine(props: { compliance: Compliance }) {
  return (
    <Show when={props.compliance.required > 0} fallback={<>Nothing was due.</>}>
      {props.compliance.made} of {plural(props.compliance.required, 'check-in', 'check-ins')} made,{' '}
      {props.compliance.onTime} on time.
    </Show>
  );
}

function RecordNumbers(props: { summary: CheckInSummary }) {
  return (
    <>
      <dl class="check-in-stats">
        <div>
          <dt>Streak</dt>
          <dd>
            <span class="check-in-stat">{plural(props.summary.streak, 'day', 'days')}</span>
            <br />
            in a row with every check-in on time
          </dd>
        </div>
        <div>
          <dt>Last 7 days</dt>
          <dd>
            <span class="check-in-stat">{percent(props.summary.compliance7.rate)}</span>
            <br />
            <ComplianceLine compliance={props.summary.compliance7} />
          </dd>
        </div>
        <div>
          <dt>Last 30 days</dt>
          <dd>
            <span class="check-in-stat">{percent(props.summary.compliance30.rate)}</span>
            <br />
            <ComplianceLine compliance={props.summary.compliance30} />
          </dd>
        </div>
      </dl>
      <p class="muted">
        Counted: the daily check-in and the curfew check-in, where the phase asks for them. Days
        away on a pass do not count against anyone.
        <Show when={props.summary.phase}>{(phase) => <> Phase: {phase().name}.</>}</Show>
      </p>
    </>
  );
}
