import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, Match, onMount, Show, Switch, type JSX } from 'solid-js';
import { QuickCheckIn } from '../check-ins/quick-check-in';
import { ChoresToday } from '../chores/chores-today';
import { NextMeeting } from '../meetings/next-meeting';
import { MilestoneCard } from '../support/milestone-card';
import { LoadError, PageHeading } from '../components/page';
import { errorCode } from '../lib/errors';
import { ruleQueries } from '../rules/data';
import { residentQueries } from './data';
import { EmergencyContactList, ResidentFacts, StayHistory } from './resident-details';

/**
 * What is below the fold, rendered in a task after the rest: on a slow phone the
 * render when the record arrives is then two tasks, not one long one.
 */
function AfterPaint(props: { children: JSX.Element }) {
  const [ready, setReady] = createSignal(false);
  onMount(() => setTimeout(setReady, 0, true));
  return <Show when={ready()}>{props.children}</Show>;
}

export default function MePage() {
  const me = useQuery(residentQueries.me);
  const rules = useQuery(() => ruleQueries.current(me.data?.house?.id ?? ''));
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="Home">Home</PageHeading>
        <Switch>
          <Match when={me.isError && errorCode(me.error) === 'NOT_FOUND'}>
            <p>
              There is no resident record linked to your account. If you live in one of the houses,
              ask your house manager to invite you from your profile.
            </p>
          </Match>
          <Match when={me.isError && !me.data}>
            <LoadError error={me.error} retry={() => void me.refetch()} />
          </Match>
          <Match when={me.data}>
            {(record) => (
              <>
                <p class="lede">{record().name}</p>
                <Show when={rules.data?.version && rules.data.mySignature?.signed === false}>
                  <p class="alert alert-info" role="status">
                    Your house rules need your signature.{' '}
                    <A href="/rules">Read and sign the house rules</A>
                  </p>
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </div>
      <Switch>
        <Match when={me.data}>
          {(record) => (
            <>
              <QuickCheckIn />
              <ChoresToday />
              <Show when={record().house && record().today}>
                <NextMeeting houseId={record().house?.id ?? ''} today={record().today ?? ''} />
              </Show>
              <MilestoneCard />
              <AfterPaint>
                <section class="stack" aria-labelledby="details-heading">
                  <h2 id="details-heading">Your details</h2>
                  <ResidentFacts record={record()} />
                </section>
                <nav class="stack" aria-labelledby="records-heading">
                  <h2 id="records-heading">Your records</h2>
                  <ul class="plain-list stack">
                    <li>
                      <A href="/check-ins">Check-ins</A>: your streak, trends and past check-ins
                    </li>
                    <li>
                      <A href="/chores">Chores</A>: your chores, swaps and your calendar
                    </li>
                    <li>
                      <A href="/support">Support</A>: the people who help you, your milestones, and
                      sharing a summary
                    </li>
                    <li>
                      <A href="/recovery-capital">Recovery capital</A>: the monthly survey and your
                      totals
                    </li>
                    <li>
                      <A href="/passes">Passes</A>: ask to go out, and see the answers
                    </li>
                    <li>
                      <A href="/violations">Violations</A>: see them and answer in writing
                    </li>
                    <li>
                      <A href="/grievances">Grievances</A>: raise a problem and follow it
                    </li>
                  </ul>
                </nav>
                <EmergencyContactList record={record()} />
                <StayHistory record={record()} />
              </AfterPaint>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
