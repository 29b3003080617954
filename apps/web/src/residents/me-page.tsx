import { useQuery } from '@tanstack/solid-query';
import { Match, Switch } from 'solid-js';
import { LoadError, PageHeading } from '../components/page';
import { errorCode } from '../lib/errors';
import { residentQueries } from './data';
import { EmergencyContactList, ResidentFacts, StayHistory } from './resident-details';

export default function MePage() {
  const me = useQuery(residentQueries.me);
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="My profile">My profile</PageHeading>
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
                <ResidentFacts record={record()} />
              </>
            )}
          </Match>
        </Switch>
      </div>
      <Switch>
        <Match when={me.data}>
          {(record) => (
            <>
              <EmergencyContactList record={record()} />
              <StayHistory record={record()} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
