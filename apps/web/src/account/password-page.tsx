// Changing one's own password. The server ends every session of the account,
// this one too, so the page sends the person to sign in with the new one.
import { password, passwordChangeInput } from '@porchlight/domain';
import * as z from 'zod';
import { PageHeading } from '../components/page';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import { api } from '../lib/trpc';

const fields = z
  .object({
    currentPassword: passwordChangeInput.shape.currentPassword,
    newPassword: password,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, {
    path: ['confirm'],
    message: 'does not match the new password.',
  });

export default function PasswordPage() {
  const form = createForm({
    read: (data) =>
      validate(fields, {
        currentPassword: text(data, 'currentPassword'),
        newPassword: text(data, 'newPassword'),
        confirm: text(data, 'confirm'),
      }),
    submit: async (value) => {
      await api.account.changePassword.mutate({
        currentPassword: value.currentPassword,
        newPassword: value.newPassword,
      });
      // every session has ended, this one too: a fresh load of the sign-in page keeps
      // nothing of it in memory
      window.location.replace('/sign-in?changed=1');
    },
  });
  return (
    <section class="narrow stack">
      <PageHeading title="Change password">Change your password</PageHeading>
      <p>
        Every device signed in to your account is signed out, this one too: sign in again with the
        new password afterwards.
      </p>
      <Form form={form} class="card stack">
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autocomplete="current-password"
        />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint="At least 12 characters, not a common one. A short sentence is easy to remember."
        />
        <TextField
          name="confirm"
          label="Confirm new password"
          type="password"
          autocomplete="new-password"
        />
        <FormAlert />
        <SubmitButton busyLabel="Changing your password…">Change password</SubmitButton>
      </Form>
    </section>
  );
}
