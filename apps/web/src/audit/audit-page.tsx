// The organisation's audit log for its operators: every change and every read
// of a sensitive record, newest first, with who, what, which record, when and
// the request. The filters live in the address, so a filtered view can be
// linked (a resident's page links to `/audit?residentId=…`). Read only.
import { A, useSearchParams } from '@solidjs/router';
import { auditListInput, AUDIT_FILTER_KEYS } from '@porchlight/domain';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  Show,
  Switch,
} from 'solid-js';
import { primaryMembership, useWhoami } from '../account/session';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { ShowMore } from '../components/show-more';
import { plural } from '../lib/dates';
import { residentQueries } from '../residents/data';
import {
  type Choice,
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import {
  actionChoice,
  actionWords,
  areaChoice,
  areaOf,
  type AuditChoices,
  type AuditEntry,
  type AuditFilters,
  auditQueries,
  entryTime,
  recordName,
} from './data';
import './audit.css';

export default function AuditPage() {
  const who = useWhoami();
  const organisationId = () => {
    const w = who.data;
    const m = w ? primaryMembership(w) : undefined;
    return m?.role === 'operator' ? m.organisationId : undefined;
  };
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="Audit log">Audit log</PageHeading>
        <p class="lede">
          Every change, and every time someone read a drug test, a violation or a grievance: who,
          what, when and the request it came in. Entries cannot be changed or deleted. Looking at
          this log is recorded in it too.
        </p>
      </div>
      <Show
        when={organisationId()}
        fallback={<p>The audit log is for the operators of an organisation.</p>}
      >
        {(id) => <AuditLog organisationId={id()} />}
      </Show>
    </div>
  );
}

/** The filters in the address, keeping only the keys the log knows. */
function filtersOf(search: Partial<Record<string, string | string[]>>): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = search[key];
    if (typeof value === 'string' && value !== '') filters[key] = value;
  }
  return filters;
}

function AuditLog(props: { organisationId: string }) {
  const [search, setSearch] = useSearchParams<Record<AuditFilterKeyName, string>>();
  // a new object only when a filter really changed, so the list is not reloaded for nothing
  const filters = createMemo(() => filtersOf(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const list = useInfiniteQuery(() => auditQueries.list(props.organisationId, filters()));
  const choices = useQuery(() => auditQueries.filters(props.organisationId));
  const entries = () => list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = () => Object.keys(filters()).length > 0;

  const apply = (next: AuditFilters) => {
    const cleared = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, undefined]));
    setSearch({ ...cleared, ...next });
  };

  return (
    <>
      <section class="stack" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" class="visually-hidden">
          Filters
        </h2>
        <Switch fallback={<Loading label="Loading the filters…" />}>
          <Match when={choices.isError && !choices.data}>
            <LoadError error={choices.error} retry={() => void choices.refetch()} />
          </Match>
          <Match when={choices.data}>
            {(c) => (
              <FilterForm
                choices={c()}
                filters={filters()}
                residentName={residentNameIn(entries(), filters().residentId)}
                onApply={apply}
              />
            )}
          </Match>
        </Switch>
      </section>
      <section class="stack" aria-labelledby="audit-entries-heading">
        <h2 id="audit-entries-heading">Entries, newest first</h2>
        <Switch fallback={<Loading label="Loading the entries…" />}>
          <Match when={list.isError && !list.data}>
            <LoadError error={list.error} retry={() => void list.refetch()} />
          </Match>
          <Match when={list.data}>
            <p class="muted" role="status">
              <Show when={!list.isPlaceholderData} fallback="Loading the entries…">
                <Show
                  when={entries().length > 0}
                  fallback={
                    filtered() ? 'No entries match these filters.' : 'No entries in the log yet.'
                  }
                >
                  {`Showing ${plural(entries().length, 'entry', 'entries')}${
                    list.hasNextPage ? '; there are more.' : '.'
                  }`}
                </Show>
              </Show>
            </p>
            <ol class="audit-list">
              <For each={entries()}>
                {(entry) => (
                  <li>
                    <EntryCard entry={entry} />
                  </li>
                )}
              </For>
            </ol>
            <ShowMore list={list} label="Load more entries" />
          </Match>
        </Switch>
      </section>
    </>
  );
}

type AuditFilterKeyName = (typeof AUDIT_FILTER_KEYS)[number];

/** The name of the resident filtered by, from the entries about them (a link may name anyone). */
function residentNameIn(entries: AuditEntry[], residentId: string | undefined) {
  if (!residentId) return undefined;
  return entries.find((e) => e.resident?.id === residentId)?.resident?.name;
}

function FilterForm(props: {
  choices: AuditChoices;
  filters: AuditFilters;
  residentName: string | undefined;
  onApply: (filters: AuditFilters) => void;
}) {
  // the house chosen but not yet applied decides whose names the resident list offers
  const [houseId, setHouseId] = createSignal('');
  createEffect(
    on(
      () => props.filters.houseId,
      (applied) => setHouseId(applied ?? ''),
    ),
  );
  const residents = useQuery(() => auditQueries.residents(houseId()));
  // a link may name a resident no entry shown is about yet: their record gives the name
  const linked = useQuery(() => ({
    ...residentQueries.get(props.filters.residentId ?? ''),
    enabled: props.filters.residentId !== undefined && props.residentName === undefined,
  }));

  const people = (): Choice[] => [
    { value: '', label: 'Anyone' },
    ...props.choices.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
  ];
  const houses = (): Choice[] => [
    { value: '', label: 'Any house' },
    ...props.choices.houses.map((h) => ({ value: h.id, label: h.name })),
  ];
  const residentChoices = (): Choice[] => {
    const listed = (residents.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
    const applied = props.filters.residentId;
    // a resident named in the link stays choosable, wherever they live
    const extra =
      applied && !listed.some((r) => r.value === applied)
        ? [
            {
              value: applied,
              label: props.residentName ?? linked.data?.name ?? 'The resident in the link',
            },
          ]
        : [];
    return [{ value: '', label: 'Any resident' }, ...extra, ...listed];
  };
  const kinds = (): Choice[] => [
    { value: '', label: 'Any kind' },
    ...props.choices.recordTypes.map((t) => ({ value: t, label: recordName(t) })),
  ];
  const actions = (): Choice[] => {
    const areas = [
      ...new Set(props.choices.actions.map(areaOf).filter((a): a is string => a !== null)),
    ];
    return [
      { value: '', label: 'Any action' },
      ...areas.map((area) => ({ value: area, label: areaChoice(area) })),
      ...props.choices.actions.map((a) => ({ value: a, label: actionChoice(a) })),
    ];
  };

  const form = createForm({
    read: (data) => {
      const chosen: AuditFilters = {};
      for (const key of AUDIT_FILTER_KEYS) {
        const value = text(data, key).trim();
        if (value !== '') chosen[key] = value;
      }
      const checked = validate(auditListInput, chosen);
      return checked.ok ? { ok: true, data: chosen } : checked;
    },
    submit: (chosen) => {
      props.onApply(chosen);
      return Promise.resolve();
    },
  });

  return (
    <Form form={form} class="card audit-filters" role="search" aria-label="Filter the audit log">
      <div class="audit-filter-grid">
        <FilterSelect
          name="actorUserId"
          label="Person"
          choices={people()}
          value={props.filters.actorUserId ?? ''}
        />
        <FilterSelect
          name="houseId"
          label="House"
          choices={houses()}
          value={houseId()}
          onChange={setHouseId}
        />
        <FilterSelect
          name="residentId"
          label="Resident"
          choices={residentChoices()}
          value={props.filters.residentId ?? ''}
          hint={houseId() === '' ? 'Choose a house to list its residents.' : undefined}
        />
        <FilterSelect
          name="recordType"
          label="Kind of record"
          choices={kinds()}
          value={props.filters.recordType ?? ''}
        />
        <FilterSelect
          name="action"
          label="Action"
          choices={actions()}
          value={props.filters.action ?? ''}
        />
        <div class="audit-dates">
          <TextField
            name="from"
            label="From"
            type="date"
            required={false}
            value={props.filters.from ?? ''}
          />
          <TextField
            name="to"
            label="To"
            type="date"
            required={false}
            value={props.filters.to ?? ''}
          />
        </div>
      </div>
      <FormAlert />
      <div class="actions">
        <SubmitButton>Show entries</SubmitButton>
        <Show when={Object.keys(props.filters).length > 0}>
          <button
            type="button"
            class="button button-quiet"
            onClick={() => {
              form.reset();
              setHouseId('');
              props.onApply({});
            }}
          >
            Clear filters
          </button>
        </Show>
      </div>
    </Form>
  );
}

/** A labelled select of the filter form; every filter may be left at "any". */
function FilterSelect(props: {
  name: string;
  label: string;
  choices: readonly Choice[];
  value: string;
  hint?: string | undefined;
  onChange?: (value: string) => void;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <div class="field-label">
        <label for={id}>{props.label}</label>
      </div>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <select
        id={id}
        name={props.name}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange?.(e.currentTarget.value)}
      >
        <For each={props.choices}>
          {(choice) => (
            <option value={choice.value} selected={choice.value === props.value}>
              {choice.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** How many records a read of a whole page showed: its details list their ids. */
function listed(entry: AuditEntry): number | null {
  if (entry.recordId !== null || entry.details === null) return null;
  const ids = Object.entries(entry.details).find(
    ([key, value]) => key.endsWith('Ids') && Array.isArray(value),
  )?.[1];
  return Array.isArray(ids) ? ids.length : null;
}

function EntryCard(props: { entry: AuditEntry }) {
  const headingId = createUniqueId();
  const when = () => entryTime(props.entry.at);
  const details = () =>
    props.entry.details === null ? null : JSON.stringify(props.entry.details, null, 2);
  return (
    <article class="card audit-entry" aria-labelledby={headingId}>
      <p class="audit-when">
        <time datetime={props.entry.at}>{when()}</time>
      </p>
      <h3 id={headingId} class="audit-what">
        <span class="audit-who">{props.entry.actor.name}</span> {actionWords(props.entry.action)}
      </h3>
      <p class="audit-record">
        <span>{recordName(props.entry.recordType)}</span>
        <Show when={listed(props.entry)}>{(n) => ` (${plural(n(), 'record', 'records')})`}</Show>
        <Show when={props.entry.resident}>
          {(r) => (
            <>
              {' · '}
              <A href={`/residents/${r().id}`}>{r().name}</A>
            </>
          )}
        </Show>
        <Show when={props.entry.house}>
          {(h) => (
            <>
              {' · '}
              <A href={`/houses/${h().id}`}>{h().name}</A>
            </>
          )}
        </Show>
      </p>
      <p class="audit-request">
        Request <code>{props.entry.requestId ?? 'none'}</code>
        <Show when={props.entry.ip}>
          {(ip) => (
            <>
              {' · from '}
              <code>{ip()}</code>
            </>
          )}
        </Show>
      </p>
      <Disclosure
        label="Details"
        ariaLabel={`Details of “${props.entry.actor.name} ${actionWords(props.entry.action)}”, ${when()}`}
        buttonClass="button button-quiet audit-toggle"
      >
        {() => (
          <dl class="audit-facts">
            <div>
              <dt>Entry</dt>
              <dd>
                <code>#{props.entry.id}</code> <code>{props.entry.action}</code>
              </dd>
            </div>
            <div>
              <dt>Record</dt>
              <dd>
                <code>{props.entry.recordType}</code>{' '}
                <code>{props.entry.recordId ?? 'no single record'}</code>
              </dd>
            </div>
            <Show when={props.entry.actor.email}>
              {(email) => (
                <div>
                  <dt>Email</dt>
                  <dd>{email()}</dd>
                </div>
              )}
            </Show>
            <div>
              <dt>Time (UTC)</dt>
              <dd>
                <code>{props.entry.at}</code>
              </dd>
            </div>
            <div>
              <dt>Details</dt>
              <dd>
                <Show when={details()} fallback="None recorded.">
                  {(json) => <pre class="audit-details">{json()}</pre>}
                </Show>
              </dd>
            </div>
          </dl>
        )}
      </Disclosure>
    </article>
  );
}
