import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { email } from '@porchlight/domain';
import { Show } from 'solid-js';
import * as z from 'zod';
import { PageHeading } from '../components/page';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import { signIn } from './session';

const signInInput = z.object({
  email,
  password: z.string().min(1, 'is required.'),
});

/** Only a path of this site: never send someone to another origin after signing in. */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  // '//host' and '/\host' both mean another host to a browser
  return value && value.startsWith('/') && !/^\/[/\\]/.test(value) ? value : '/';
}

export default function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = createForm({
    read: (data) =>
      validate(signInInput, { email: text(data, 'email'), password: text(data, 'password') }),
    submit: async (value) => {
      const problem = await signIn(value.email, value.password);
      if (problem) {
        form.fail({}, problem);
        return;
      }
      navigate(safeNext(params.next), { replace: true });
    },
  });
  return (
    <section class="narrow stack">
      <PageHeading title="Sign in">Sign in to Porchlight</PageHeading>
      <Show when={params.changed}>
        <p class="alert alert-success" role="status">
          Your password is changed, and every device was signed out. Sign in with the new one.
        </p>
      </Show>
      <Form form={form} class="card stack">
        <TextField name="email" label="Email" type="email" autocomplete="username" />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
        />
        <FormAlert />
        <SubmitButton busyLabel="Signing in…">Sign in</SubmitButton>
      </Form>
      <p>
        Got an invite code? <A href="/invite">Use your invite</A>.
      </p>
    </section>
  );
}
