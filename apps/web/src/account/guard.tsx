// Pages behind sign-in: anonymous visitors go to the sign-in page and come back
// after; `/` sends each role to where its work is.
import { Navigate, type RouteSectionProps, useLocation } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { LoadError } from '../components/page';
import { homePath, useWhoami } from './session';

export function SignedInOnly(props: RouteSectionProps) {
  const who = useWhoami();
  const location = useLocation();
  const back = () => {
    const here = `${location.pathname}${location.search}`;
    return here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
  };
  return (
    <Switch>
      <Match when={who.isError && who.data === undefined}>
        <LoadError error={who.error} retry={() => void who.refetch()} />
      </Match>
      <Match when={who.data === null}>
        <Navigate href={back()} />
      </Match>
      <Match when={who.data}>{props.children}</Match>
    </Switch>
  );
}

export function Home() {
  const who = useWhoami();
  return (
    <Switch>
      <Match when={who.isError}>
        <LoadError error={who.error} retry={() => void who.refetch()} />
      </Match>
      <Match when={who.data !== undefined}>
        <Navigate href={homePath(who.data ?? null)} />
      </Match>
    </Switch>
  );
}
