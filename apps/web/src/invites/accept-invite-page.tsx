// Accepting an invite: open the link, or type the code, then choose a password.
import { A, useNavigate, useParams } from '@solidjs/router';
import { inviteTokenInput, password, ROLE_LABELS } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { Match, Show, Switch } from 'solid-js';
import * as z from 'zod';
import { signIn } from '../account/session';
import { Loading, PageHeading } from '../components/page';
import { problemOf } from '../lib/errors';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import type { InviteLookup } from '../lib/trpc';
import { acceptInvite, inviteQueries } from './data';

export default function AcceptInvitePage() {
  const params = useParams<{ token?: string }>();
  return (
    <section class="narrow stack">
      <PageHeading title="Accept your invite">Accept your invite</PageHeading>
      <Show when={params.token} fallback={<CodeForm />}>
        {(token) => <InviteByToken token={token()} />}
      </Show>
    </section>
  );
}

function CodeForm() {
  const navigate = useNavigate();
  const form = createForm({
    read: (data) => validate(inviteTokenInput, { token: text(data, 'token') }),
    submit: (value) => {
      navigate(`/invite/${encodeURIComponent(value.token.toUpperCase())}`);
      return Promise.resolve();
    },
  });
  return (
    <Form form={form} class="card stack">
      <TextField
        name="token"
        label="Invite code"
        hint="The code looks like ABCD-EFGH-JKMN-PQRS. Capitals and dashes are optional."
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
      />
      <FormAlert />
      <SubmitButton>Continue</SubmitButton>
    </Form>
  );
}

function InviteByToken(props: { token: string }) {
  const invite = useQuery(() => inviteQueries.lookup(props.token));
  return (
    <Switch fallback={<Loading />}>
      <Match when={invite.isError}>
        <div class="alert alert-error" role="alert">
          <p>{problemOf(invite.error).message}</p>
        </div>
        <p>
          <A href="/invite">Type a code instead</A> or <A href="/sign-in">sign in</A>.
        </p>
      </Match>
      <Match when={invite.data}>
        {(found) => <AcceptForm token={props.token} invite={found()} />}
      </Match>
    </Switch>
  );
}

const acceptFields = z
  .object({ password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: 'does not match the password.',
  });

function AcceptForm(props: { token: string; invite: InviteLookup }) {
  const navigate = useNavigate();
  const form = createForm({
    read: (data) =>
      validate(acceptFields, { password: text(data, 'password'), confirm: text(data, 'confirm') }),
    submit: async (value) => {
      const { email } = await acceptInvite({ token: props.token, password: value.password });
      const problem = await signIn(email, value.password);
      if (problem) {
        form.fail(
          {},
          `Your account is ready, but signing in failed: ${problem}. Sign in to continue.`,
        );
        return;
      }
      navigate('/', { replace: true });
    },
  });
  return (
    <div class="stack">
      <p class="lede">
        You're invited to {props.invite.organisationName} as{' '}
        {ROLE_LABELS[props.invite.role].toLowerCase()}.
      </p>
      <dl class="facts">
        <div>
          <dt>Name</dt>
          <dd>{props.invite.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{props.invite.email}</dd>
        </div>
      </dl>
      <Form form={form} class="card stack">
        <input
          type="email"
          name="username"
          value={props.invite.email}
          autocomplete="username"
          hidden
          readonly
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          hint="At least 12 characters. A short sentence is easy to remember."
        />
        <TextField
          name="confirm"
          label="Confirm password"
          type="password"
          autocomplete="new-password"
        />
        <FormAlert />
        <SubmitButton busyLabel="Creating your account…">Create my account</SubmitButton>
      </Form>
    </div>
  );
}
