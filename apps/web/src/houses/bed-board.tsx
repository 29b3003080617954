// Rooms and beds of a house with who sleeps in each tonight, and the residents
// still waiting for a bed.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDate } from '../lib/dates';
import type { HouseBoard } from '../lib/trpc';

export function BedBoard(props: { board: HouseBoard; houseId: string }) {
  return (
    <Show
      when={props.board.rooms.length > 0}
      fallback={<p class="empty">No rooms yet. Add rooms and beds under “Rooms and beds”.</p>}
    >
      <div class="rooms">
        <For each={props.board.rooms}>
          {(room) => (
            <section class="room card">
              <h3>{room.name}</h3>
              <Show when={room.beds.length > 0} fallback={<p class="empty">No beds yet.</p>}>
                <ul class="beds">
                  <For each={room.beds}>
                    {(bed) => (
                      <li class="bed">
                        <span class="bed-label">Bed {bed.label}</span>
                        <Show
                          when={bed.occupant}
                          fallback={
                            <span class="bed-state">
                              <span class="badge badge-open">Open</span>
                              <A
                                href={`/houses/${props.houseId}/intake?bedId=${encodeURIComponent(bed.id)}`}
                                class="bed-admit"
                              >
                                Admit a resident
                                <span class="visually-hidden"> to bed {bed.label}</span>
                              </A>
                            </span>
                          }
                        >
                          {(occupant) => (
                            <span class="bed-state">
                              <A href={`/residents/${occupant().residentId}`}>{occupant().name}</A>
                              <span class="muted">since {formatDate(occupant().since)}</span>
                            </span>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          )}
        </For>
      </div>
    </Show>
  );
}

export function WaitingList(props: { board: HouseBoard }) {
  return (
    <Show when={props.board.waiting.length > 0}>
      <section class="stack" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for a bed</h2>
        <ul class="plain-list">
          <For each={props.board.waiting}>
            {(resident) => (
              <li>
                <A href={`/residents/${resident.id}`}>{resident.name}</A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
