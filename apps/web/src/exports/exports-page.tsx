// Downloads of the lists staff see, as CSV files a spreadsheet opens: pick a
// house (or every house), optionally a period, and each list is a plain link
// the browser downloads with no script of ours involved.
import type { ExportList } from '@porchlight/api';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { isStaff, primaryMembership, useWhoami } from '../account/session';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';

interface ListInfo {
  title: string;
  what: string;
}

// the server's lists, in the order people look for them; `satisfies` keeps the two in step
const LISTS = {
  residents: {
    title: 'Residents',
    what: 'Everyone on each house’s list: status, room and bed, move-in and move-out, sobriety date, phone and email.',
  },
  stays: {
    title: 'Stays and bed history',
    what: 'Every stay in every bed: room, bed, moved in, moved out and why — who slept where, and when.',
  },
  'check-ins': {
    title: 'Check-ins',
    what: 'Daily and curfew check-ins as corrected, late and corrected ones marked: mood, craving, HALT, sleep, meetings, sponsor contact. No locations or notes.',
  },
  tests: {
    title: 'Drug and alcohol tests',
    what: 'Each test with its result, any lab confirmation and the result that stands (a refusal counts as positive). Logged as a read of each test.',
  },
  chores: {
    title: 'Chores',
    what: 'Each chore of a published rota: the day, who had it, and whether it was done, checked or missed.',
  },
  violations: {
    title: 'Violations',
    what: 'Each violation with its rule, what happened, the consequence and the resident’s response; voided ones marked. Logged as a read of each.',
  },
  meetings: {
    title: 'House meetings',
    what: 'Each meeting: when, whether it was held, how many came, were late, excused or absent, and whether the minutes were approved.',
  },
  attendance: {
    title: 'Meeting attendance',
    what: 'One line per resident per meeting: present, late, excused or absent, with the note.',
  },
} satisfies Record<ExportList, ListInfo>;

const LIST_ORDER = Object.keys(LISTS) as ExportList[];

export default function ExportsPage() {
  const who = useWhoami();
  const membership = () => {
    const w = who.data;
    return w ? primaryMembership(w) : undefined;
  };
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="Exports">Exports</PageHeading>
        <p class="lede">
          Download a list as a CSV file for Excel, Numbers, LibreOffice or Google Sheets. Dates and
          times are each house’s own, with its time zone beside them.
        </p>
      </div>
      <Show
        when={isStaff(membership())}
        fallback={<p>Exports are for operators and house managers.</p>}
      >
        <ExportForm />
      </Show>
    </div>
  );
}

function ExportForm() {
  const id = createUniqueId();
  const who = useWhoami();
  const houses = useQuery(() => houseQueries.all());
  const [houseId, setHouseId] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');

  const membership = () => {
    const w = who.data;
    return w ? primaryMembership(w) : undefined;
  };
  const organisationId = () => membership()?.organisationId ?? '';
  const isOperator = () => membership()?.role === 'operator';
  const staffOrganisations = () =>
    (who.data?.memberships ?? []).filter((m) => m.role !== 'resident').length;
  const ourHouses = () =>
    (houses.data?.items ?? []).filter((h) => h.organisationId === organisationId());
  const backwards = () => from() !== '' && to() !== '' && to() < from();

  const href = (list: ExportList) => {
    const query = new URLSearchParams();
    if (houseId()) query.set('houseId', houseId());
    // with several organisations the server needs to be told which one "every house" means
    else if (staffOrganisations() > 1) query.set('organisationId', organisationId());
    if (from()) query.set('from', from());
    if (to()) query.set('to', to());
    const q = query.toString();
    return `/exports/${list}.csv${q ? `?${q}` : ''}`;
  };

  return (
    <Switch fallback={<Loading />}>
      <Match when={houses.isError && !houses.data}>
        <LoadError error={houses.error} retry={() => void houses.refetch()} />
      </Match>
      <Match when={houses.data}>
        <form
          class="card stack"
          aria-labelledby={`${id}-what`}
          onSubmit={(e) => e.preventDefault()}
        >
          <h2 id={`${id}-what`}>What to export</h2>
          <div class="field">
            <div class="field-label">
              <label for={`${id}-house`}>House</label>
            </div>
            <select id={`${id}-house`} onChange={(e) => setHouseId(e.currentTarget.value)}>
              <option value="" selected={houseId() === ''}>
                {isOperator()
                  ? `Every house of ${membership()?.organisationName ?? 'the organisation'}`
                  : 'All my houses'}
              </option>
              <For each={ourHouses()}>
                {(house) => (
                  <option value={house.id} selected={houseId() === house.id}>
                    {house.name}
                  </option>
                )}
              </For>
            </select>
          </div>
          <fieldset class="stack" aria-describedby={`${id}-period-hint`}>
            <legend>Period</legend>
            <p id={`${id}-period-hint`} class="field-hint">
              House-local days, both included. Leave them empty for everything on record.
            </p>
            <div class="field-row">
              <div class="field">
                <div class="field-label">
                  <label for={`${id}-from`}>From</label>
                  <span class="field-optional">optional</span>
                </div>
                <input
                  id={`${id}-from`}
                  type="date"
                  value={from()}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <div class="field-label">
                  <label for={`${id}-to`}>To</label>
                  <span class="field-optional">optional</span>
                </div>
                <input
                  id={`${id}-to`}
                  type="date"
                  value={to()}
                  aria-invalid={backwards() ? 'true' : undefined}
                  aria-describedby={backwards() ? `${id}-to-error` : undefined}
                  onChange={(e) => setTo(e.currentTarget.value)}
                />
                <Show when={backwards()}>
                  <p id={`${id}-to-error`} class="field-error" role="alert">
                    The end of the period is before its start.
                  </p>
                </Show>
              </div>
            </div>
          </fieldset>
        </form>
        <section class="stack" aria-labelledby={`${id}-lists`}>
          <h2 id={`${id}-lists`}>Download a list</h2>
          <Show
            when={!backwards()}
            fallback={<p class="muted">Fix the period to download a list.</p>}
          >
            <p class="muted">Each download is recorded in the audit log under your name.</p>
            <ul class="plain-list">
              <For each={LIST_ORDER}>
                {(list) => (
                  <li class="stack">
                    <a
                      class="button"
                      href={href(list)}
                      download=""
                      aria-describedby={`${id}-${list}-what`}
                    >
                      {LISTS[list].title}
                      <span class="visually-hidden"> (CSV)</span>
                    </a>
                    <p id={`${id}-${list}-what`} class="field-hint">
                      {LISTS[list].what}
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Match>
    </Switch>
  );
}
