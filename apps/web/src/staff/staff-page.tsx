// The organisation's staff, one card per person: role, the houses they run,
// when they last signed in. Operators give and take houses, deactivate an
// account (signed out at once, their records kept under their name) and
// reactivate it; managers see the staff of their own houses. New staff come in
// through Invites.
import { ROLE_LABELS, staffHouseInput } from '@porchlight/domain';
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { isStaff, primaryMembership, useWhoami } from '../account/session';
import { Disclosure } from '../components/disclosure';
import { LoadError, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { formatInstant } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import {
  assignHouse,
  deactivate,
  lastSignInWords,
  reactivate,
  type StaffMember,
  staffQueries,
  unassignHouse,
} from './data';
import './staff.css';

/** After a change the card may move or lose the button that was pressed: its heading takes the focus. */
function focusCard(membershipId: string) {
  queueMicrotask(() => document.getElementById(headingId(membershipId))?.focus());
}

const headingId = (membershipId: string) => `staff-${membershipId}`;

export default function StaffPage() {
  const who = useWhoami();
  const membership = () => {
    const w = who.data;
    const m = w ? primaryMembership(w) : undefined;
    return isStaff(m) ? m : undefined;
  };
  return (
    <div class="stack-lg">
      <PageHeading title="Staff">Staff</PageHeading>
      <Show
        when={membership()}
        fallback={<p>The staff list is for the operators and managers of an organisation.</p>}
      >
        {(m) => (
          <StaffList organisationId={m().organisationId} canChange={m().role === 'operator'} />
        )}
      </Show>
    </div>
  );
}

function StaffList(props: { organisationId: string; canChange: boolean }) {
  const staff = useQuery(() => staffQueries.list(props.organisationId));
  const [notice, setNotice] = createSignal('');
  const active = () => (staff.data ?? []).filter((s) => s.active);
  const deactivated = () => (staff.data ?? []).filter((s) => !s.active);
  return (
    <>
      <Show
        when={props.canChange}
        fallback={
          <p class="lede">
            The staff of your houses. Only an operator can change who runs a house.
          </p>
        }
      >
        <div class="stack">
          <p class="lede">Everyone who runs your houses, and when each last signed in.</p>
          <p>
            <A href="/invites" class="button">
              Invite a manager or operator
            </A>
          </p>
        </div>
      </Show>
      <p class="status-note" role="status">
        {notice()}
      </p>
      <Switch>
        <Match when={staff.isError && !staff.data}>
          <LoadError error={staff.error} retry={() => void staff.refetch()} />
        </Match>
        <Match when={staff.data}>
          <section class="stack" aria-labelledby="staff-active-heading">
            <h2 id="staff-active-heading">Active</h2>
            <ul class="staff-list">
              <For each={active()}>
                {(member) => (
                  <li>
                    <StaffCard
                      member={member}
                      organisationId={props.organisationId}
                      canChange={props.canChange}
                      onChange={setNotice}
                    />
                  </li>
                )}
              </For>
            </ul>
          </section>
          <Show when={deactivated().length > 0}>
            <section class="stack" aria-labelledby="staff-deactivated-heading">
              <h2 id="staff-deactivated-heading">Deactivated</h2>
              <p class="muted">
                They cannot sign in. Everything they recorded stays, under their name.
              </p>
              <ul class="staff-list">
                <For each={deactivated()}>
                  {(member) => (
                    <li>
                      <StaffCard
                        member={member}
                        organisationId={props.organisationId}
                        canChange={props.canChange}
                        onChange={setNotice}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
        </Match>
      </Switch>
    </>
  );
}

function StaffCard(props: {
  member: StaffMember;
  organisationId: string;
  canChange: boolean;
  onChange: (notice: string) => void;
}) {
  const key = () => ({
    organisationId: props.organisationId,
    membershipId: props.member.membershipId,
  });
  const canAddHouse = () => props.member.role === 'manager' && props.member.active;
  async function remove(house: { id: string; name: string }) {
    await unassignHouse({ ...key(), houseId: house.id });
    props.onChange(`${house.name} was taken from ${props.member.name}.`);
    focusCard(props.member.membershipId);
  }
  async function restore() {
    await reactivate(key());
    props.onChange(`${props.member.name} was reactivated and can sign in again.`);
    focusCard(props.member.membershipId);
  }
  return (
    <article
      class="card stack staff-card"
      classList={{ 'staff-card-off': !props.member.active }}
      aria-labelledby={headingId(props.member.membershipId)}
    >
      <div class="staff-card-head">
        <h3 id={headingId(props.member.membershipId)} tabindex="-1">
          {props.member.name}
          <Show when={props.member.you}>
            <span class="muted"> (you)</span>
          </Show>
        </h3>
        <span class="badge">{ROLE_LABELS[props.member.role]}</span>
        <Show when={!props.member.active}>
          <span class="badge badge-deactivated">Deactivated</span>
        </Show>
      </div>
      <p class="staff-email">{props.member.email}</p>
      <dl class="facts">
        <div>
          <dt>Houses</dt>
          <dd>
            <Switch>
              <Match when={props.member.role === 'operator'}>Every house</Match>
              <Match when={props.member.houses.length === 0}>
                <span class="empty">None yet</span>
              </Match>
              <Match when={props.member.houses.length > 0}>
                <ul class="staff-houses">
                  <For each={props.member.houses}>
                    {(house) => (
                      <li>
                        <span class="staff-house-name">{house.name}</span>
                        <Show when={props.canChange}>
                          <ActionButton
                            class="button button-quiet"
                            busyLabel="Removing…"
                            label={`Remove ${house.name} from ${props.member.name}`}
                            onRun={() => remove(house)}
                          >
                            Remove
                          </ActionButton>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Match>
            </Switch>
          </dd>
        </div>
        <div>
          <dt>Last signed in</dt>
          <dd>{lastSignInWords(props.member.lastSignInAt, Date.now())}</dd>
        </div>
        <Show when={props.member.deactivatedAt}>
          {(at) => (
            <div>
              <dt>Deactivated</dt>
              <dd>
                {formatInstant(at())}
                <Show when={props.member.deactivatedBy}>{(by) => <> by {by()}</>}</Show>
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <Show when={props.canChange && (canAddHouse() || !props.member.you)}>
        <div class="action-list">
          <Show when={canAddHouse()}>
            <Disclosure
              label="Add a house"
              ariaLabel={`Add a house for ${props.member.name}`}
              buttonClass="button button-quiet"
            >
              {(close) => (
                <AddHouseForm
                  member={props.member}
                  organisationId={props.organisationId}
                  onAdded={(houseName) => {
                    close();
                    props.onChange(`${props.member.name} now runs ${houseName}.`);
                  }}
                />
              )}
            </Disclosure>
          </Show>
          <Show when={!props.member.you}>
            <Show
              when={props.member.active}
              fallback={
                <ActionButton
                  busyLabel="Reactivating…"
                  label={`Reactivate ${props.member.name}`}
                  onRun={restore}
                >
                  Reactivate
                </ActionButton>
              }
            >
              <DeactivateControl
                member={props.member}
                organisationId={props.organisationId}
                onDeactivated={() => {
                  props.onChange(
                    `${props.member.name} was deactivated and signed out on every device.`,
                  );
                  focusCard(props.member.membershipId);
                }}
              />
            </Show>
          </Show>
        </div>
      </Show>
    </article>
  );
}

function AddHouseForm(props: {
  member: StaffMember;
  organisationId: string;
  onAdded: (houseName: string) => void;
}) {
  const houses = useQuery(houseQueries.all);
  const open = () =>
    (houses.data?.items ?? []).filter((h) => !props.member.houses.some((m) => m.id === h.id));
  const form = createForm({
    read: (data) =>
      validate(staffHouseInput, {
        organisationId: props.organisationId,
        membershipId: props.member.membershipId,
        houseId: text(data, 'houseId'),
      }),
    submit: async (value) => {
      await assignHouse(value);
      props.onAdded(open().find((h) => h.id === value.houseId)?.name ?? 'the house');
    },
  });
  return (
    <Switch>
      <Match when={houses.isError && !houses.data}>
        <LoadError error={houses.error} retry={() => void houses.refetch()} />
      </Match>
      <Match when={houses.data}>
        <Show
          when={open().length > 0}
          fallback={<p class="muted">{props.member.name} already runs every house.</p>}
        >
          <Form form={form} class="stack" aria-label={`Add a house for ${props.member.name}`}>
            <SelectField
              name="houseId"
              label="House"
              choices={open().map((h) => ({ value: h.id, label: h.name }))}
            />
            <FormAlert />
            <SubmitButton busyLabel="Adding…">Add house</SubmitButton>
          </Form>
        </Show>
      </Match>
    </Switch>
  );
}

function DeactivateControl(props: {
  member: StaffMember;
  organisationId: string;
  onDeactivated: () => void;
}) {
  const [confirming, setConfirming] = createSignal(false);
  let first: HTMLButtonElement | undefined;
  async function confirm() {
    await deactivate({
      organisationId: props.organisationId,
      membershipId: props.member.membershipId,
    });
    props.onDeactivated();
  }
  return (
    <Show
      when={confirming()}
      fallback={
        <button
          ref={first}
          type="button"
          class="button button-quiet"
          aria-label={`Deactivate ${props.member.name}`}
          onClick={() => setConfirming(true)}
        >
          Deactivate
        </button>
      }
    >
      <ConfirmDeactivate
        member={props.member}
        onConfirm={confirm}
        onKeep={() => {
          setConfirming(false);
          queueMicrotask(() => first?.focus());
        }}
      />
    </Show>
  );
}

/** The second tap, asked for in the card: what deactivating does, and a way back. */
function ConfirmDeactivate(props: {
  member: StaffMember;
  onConfirm: () => Promise<void>;
  onKeep: () => void;
}) {
  let question: HTMLParagraphElement | undefined;
  onMount(() => question?.focus());
  return (
    <div class="staff-confirm stack">
      <p ref={question} tabindex="-1">
        Deactivate {props.member.name}? They are signed out on every device now and cannot sign in
        again until an operator reactivates them. Everything they recorded stays, under their name.
      </p>
      <div class="actions">
        <ActionButton
          class="button staff-danger"
          busyLabel="Deactivating…"
          label={`Yes, deactivate ${props.member.name}`}
          onRun={() => props.onConfirm()}
        >
          Yes, deactivate
        </ActionButton>
        <button type="button" class="button button-quiet" onClick={() => props.onKeep()}>
          Keep them active
        </button>
      </div>
    </div>
  );
}
