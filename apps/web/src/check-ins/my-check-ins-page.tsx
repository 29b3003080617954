// A resident's own check-ins: their streak and how many they made, mood and
// craving over twelve weeks, meetings against their phase, every check-in they
// sent, their tests, and whether their location goes with their check-ins.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, Show } from 'solid-js';
import { PageHeading } from '../components/page';
import { problemOf, problemSentence } from '../lib/errors';
import { checkInQueries, setLocationSharing, useMyResidentId } from './data';
import { CheckInHistory } from './history';
import { CheckInRecord } from './record-numbers';
import { ResidentTests } from './drug-tests';
import { CheckInTrends } from './trends';
import './check-ins.css';

export default function MyCheckInsPage() {
  const residentId = useMyResidentId();
  const mine = useQuery(() => ({ ...checkInQueries.mine(), enabled: residentId() !== '' }));
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="My check-ins">My check-ins</PageHeading>
        <p class="lede">
          How your check-ins have gone, and everything you sent. To check in, go to{' '}
          <A href="/me">your home page</A>.
        </p>
      </div>
      <Show
        when={residentId()}
        fallback={<p class="alert alert-info">Check-ins are for residents.</p>}
      >
        <CheckInRecord residentId={residentId()} title="Your record" />
        <CheckInTrends residentId={residentId()} />
        <CheckInHistory residentId={residentId()} />
        <Show when={mine.data}>{(data) => <LocationSetting on={data().shareLocation} />}</Show>
        <ResidentTests residentId={residentId()} />
        <p>
          <A href="/recovery-capital">Recovery capital: your monthly survey</A>
        </p>
      </Show>
    </div>
  );
}

/** The resident's own choice: send where their phone is with each check-in, or not. */
function LocationSetting(props: { on: boolean }) {
  const [busy, setBusy] = createSignal(false);
  const [said, setSaid] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const change = async (input: HTMLInputElement) => {
    const on = input.checked;
    setBusy(true);
    setError(null);
    setSaid('');
    try {
      await setLocationSharing(on);
      setSaid(
        on
          ? 'Location sharing is on. Your phone may ask for permission at your next check-in.'
          : 'Location sharing is off. New check-ins go without your location.',
      );
    } catch (e) {
      input.checked = !on;
      setError(problemSentence(problemOf(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="location-sharing" class="card stack" aria-labelledby="location-sharing-heading">
      <h2 id="location-sharing-heading">Location sharing</h2>
      <p id="location-sharing-explained">
        When this is on, each check-in you send carries where your phone is at that moment. Only
        your house's managers see it; other residents never do. It is off unless you turn it on, and
        you can turn it off at any time. Check-ins already sent keep what they had.
      </p>
      <label class="check-in-switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.on}
          aria-describedby="location-sharing-explained"
          aria-busy={busy() ? 'true' : undefined}
          onClick={(e) => {
            // one change at a time: a tap while saving does nothing
            if (busy()) e.preventDefault();
          }}
          onChange={(e) => void change(e.currentTarget)}
        />
        <span>Share my location with my check-ins</span>
      </label>
      <p class="status-note" role="status">
        {said()}
      </p>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </section>
  );
}
