// The home page's line about the house meeting: when the next one is, and for
// the officer who runs it, the way in when it is today.
import { A } from '@solidjs/router';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { relativeDay } from '../chores/status';
import { formatWallTime } from '../passes/format';
import { meetingQueries } from './data';

export function NextMeeting(props: { houseId: string; today: string }) {
  const list = useInfiniteQuery(() => meetingQueries.list(props.houseId));
  const first = () => list.data?.pages[0];
  const next = () => first()?.upcoming[0];
  return (
    <Show when={first()}>
      {(page) => (
        <section class="stack" aria-labelledby="next-meeting-heading">
          <h2 id="next-meeting-heading">House meeting</h2>
          <Show when={next()} fallback={<p class="muted">No house meeting is planned yet.</p>}>
            {(m) => (
              <>
                <p>
                  {m().status === 'open' ? 'In progress now: ' : 'Next: '}
                  <A href={`/meetings/${m().id}`}>
                    {m().title}, {relativeDay(m().date, props.today).toLowerCase()} at{' '}
                    {formatWallTime(m().time)}
                  </A>
                </p>
                <Show when={page().can.chair && m().date <= props.today}>
                  <p>
                    <A class="button button-primary" href={`/meetings/${m().id}/run`}>
                      Run the meeting
                    </A>
                  </p>
                </Show>
              </>
            )}
          </Show>
          <p>
            <A href={`/houses/${props.houseId}/meetings`}>All meetings and minutes</A>
          </p>
        </section>
      )}
    </Show>
  );
}
