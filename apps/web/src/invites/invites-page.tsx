import { inviteCreateInput } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { isStaff, primaryMembership, useWhoami } from '../account/session';
import { InviteCode } from '../components/invite-code';
import { LoadError, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { formatInstant } from '../lib/dates';
import { problemOf } from '../lib/errors';
import {
  CheckboxGroup,
  createForm,
  Form,
  SelectField,
  FormAlert,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import type { InviteList } from '../lib/trpc';
import { createInvite, inviteQueries, revokeInvite } from './data';

type Invite = InviteList[number];

const ROLE_NAMES: Record<Invite['role'], string> = {
  operator: 'Operator',
  manager: 'House manager',
  resident: 'Resident',
};

const STATUS_NAMES: Record<Invite['status'], string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

export default function InvitesPage() {
  const who = useWhoami();
  const membership = () => {
    const w = who.data;
    const m = w ? primaryMembership(w) : undefined;
    return isStaff(m) ? m : undefined;
  };
  return (
    <div class="stack-lg">
      <PageHeading title="Invites">Invites</PageHeading>
      <Show when={membership()} fallback={<p>Invites are sent by the staff of your house.</p>}>
        {(m) => (
          <>
            <Show
              when={m().role === 'operator'}
              fallback={
                <p>To invite a resident, open their profile and choose “Invite to the app”.</p>
              }
            >
              <InviteManagerForm organisationId={m().organisationId} />
            </Show>
            <Invites organisationId={m().organisationId} />
          </>
        )}
      </Show>
    </div>
  );
}

function InviteManagerForm(props: { organisationId: string }) {
  const houses = useQuery(houseQueries.all);
  const [created, setCreated] = createSignal<{ token: string; path: string; name: string } | null>(
    null,
  );
  const [role, setRole] = createSignal<'manager' | 'operator'>('manager');
  const form = createForm({
    read: (data) =>
      validate(inviteCreateInput, {
        organisationId: props.organisationId,
        role: role(),
        name: text(data, 'name'),
        email: text(data, 'email'),
        houseIds:
          role() === 'operator'
            ? []
            : data.getAll('houseIds').filter((v): v is string => typeof v === 'string'),
      }),
    submit: async (value, element) => {
      const invite = await createInvite(value);
      element.reset();
      setCreated({ token: invite.token, path: invite.path, name: value.name });
    },
  });
  return (
    <section class="stack" aria-labelledby="invite-manager-heading">
      <h2 id="invite-manager-heading">Invite a house manager or an operator</h2>
      <Show when={created()}>
        {(invite) => (
          <InviteCode token={invite().token} path={invite().path} name={invite().name} />
        )}
      </Show>
      <Form form={form} class="card stack" aria-labelledby="invite-manager-heading">
        <div class="field-row">
          <TextField name="name" label="Name" autocomplete="off" />
          <TextField name="email" label="Email" type="email" autocomplete="off" />
        </div>
        <SelectField
          name="role"
          label="Role"
          value={role()}
          choices={[
            { value: 'manager', label: 'House manager: runs the houses chosen below' },
            { value: 'operator', label: 'Operator: oversees every house, staff and reports' },
          ]}
          onChange={(e) => setRole(e.currentTarget.value === 'operator' ? 'operator' : 'manager')}
        />
        <Switch>
          <Match when={role() === 'operator'}>
            <p class="muted">An operator sees and runs every house of the organisation.</p>
          </Match>
          <Match when={houses.isError && !houses.data}>
            <LoadError error={houses.error} retry={() => void houses.refetch()} />
          </Match>
          <Match when={houses.data}>
            {(list) => (
              <Show
                when={list().items.length > 0}
                fallback={
                  <p class="alert alert-info">
                    Create a house first: a manager runs one or more houses.
                  </p>
                }
              >
                <CheckboxGroup
                  name="houseIds"
                  legend="Houses"
                  hint="The houses this person will manage."
                  choices={list().items.map((house) => ({ value: house.id, label: house.name }))}
                />
              </Show>
            )}
          </Match>
        </Switch>
        <FormAlert />
        <SubmitButton busyLabel="Creating…">Create invite</SubmitButton>
      </Form>
    </section>
  );
}

function Invites(props: { organisationId: string }) {
  const invites = useQuery(() => inviteQueries.list(props.organisationId));
  return (
    <section class="stack" aria-labelledby="invite-list-heading">
      <h2 id="invite-list-heading">Sent invites</h2>
      <Switch>
        <Match when={invites.isError && !invites.data}>
          <LoadError error={invites.error} retry={() => void invites.refetch()} />
        </Match>
        <Match when={invites.data}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty">No invites yet.</p>}>
              <ul class="invite-list">
                <For each={list()}>
                  {(invite) => <InviteRow invite={invite} organisationId={props.organisationId} />}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function InviteRow(props: { invite: Invite; organisationId: string }) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  async function revoke() {
    setBusy(true);
    setProblem(null);
    try {
      await revokeInvite({ inviteId: props.invite.id, organisationId: props.organisationId });
    } catch (error) {
      setProblem(problemOf(error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="invite-row card">
      <div class="invite-who">
        <strong>{props.invite.name}</strong>
        <span class="muted">{props.invite.email}</span>
      </div>
      <div class="invite-meta">
        <span>{ROLE_NAMES[props.invite.role]}</span>
        <span class={`badge badge-${props.invite.status}`}>
          {STATUS_NAMES[props.invite.status]}
        </span>
        <span class="muted">
          <Switch fallback={<>Sent {formatInstant(props.invite.createdAt)}</>}>
            <Match when={props.invite.status === 'pending'}>
              Expires {formatInstant(props.invite.expiresAt)}
            </Match>
            <Match when={props.invite.acceptedAt}>
              {(at) => <>Accepted {formatInstant(at())}</>}
            </Match>
            <Match when={props.invite.revokedAt}>
              {(at) => <>Revoked {formatInstant(at())}</>}
            </Match>
          </Switch>
        </span>
      </div>
      <Show when={props.invite.status === 'pending'}>
        <button
          type="button"
          class="button"
          aria-disabled={busy() ? 'true' : undefined}
          onClick={() => {
            if (!busy()) void revoke();
          }}
        >
          Revoke<span class="visually-hidden"> invite for {props.invite.name}</span>
        </button>
      </Show>
      <Show when={problem()}>
        <p class="alert alert-error" role="alert">
          {problem()}
        </p>
      </Show>
    </li>
  );
}
