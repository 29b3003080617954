import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('an operator invites a house manager, who opens the link, sets a password and runs their house', async ({
  page,
  browser,
}) => {
  const email = `new-manager-${Date.now().toString(36)}@example.org`;
  await signIn(page, 'operator@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Houses at a glance' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Invites' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invites' })).toBeVisible();
  await expectAccessible(page);

  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create invite' }) });
  await form.getByLabel('Name').fill('Riley Manager');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Cedar House').check();
  await form.getByRole('button', { name: 'Create invite' }).click();

  const shown = page.getByRole('region', { name: 'New invite' });
  await expect(shown).toBeVisible();
  const code = (await shown.locator('code').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await expectAccessible(page);

  // the invitee, on their own device, types the code
  const invitee = await browser.newContext();
  const phone = await invitee.newPage();
  await phone.goto('/invite');
  await phone.getByLabel('Invite code').fill(code.toLowerCase());
  await phone.getByRole('button', { name: 'Continue' }).click();
  await expect(phone.getByText(/invited to Porchlight Demo as house manager/i)).toBeVisible();
  await expectAccessible(phone);
  await phone.getByLabel('Password', { exact: true }).fill('a sentence I can remember');
  await phone.getByLabel('Confirm password').fill('a sentence I can remember');
  await phone.getByRole('button', { name: 'Create my account' }).click();

  // a manager of one house lands on it
  await expect(phone.getByRole('heading', { level: 1, name: 'Cedar House' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Maple House' })).toHaveCount(0);

  // they change the password they chose: every device is signed out, and the new one signs in
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  await signIn(other, email, 'a sentence I can remember');
  await expect(other.getByRole('heading', { level: 1, name: 'Cedar House' })).toBeVisible();
  await phone.getByRole('link', { name: 'Password' }).click();
  await expect(
    phone.getByRole('heading', { level: 1, name: 'Change your password' }),
  ).toBeVisible();
  await expectAccessible(phone);
  await phone.getByLabel('Current password').fill('a sentence I can remember');
  await phone.getByLabel('New password', { exact: true }).fill('1q2w3e4r5t6y');
  await phone.getByLabel('Confirm new password').fill('1q2w3e4r5t6y');
  await phone.getByRole('button', { name: 'Change password' }).click();
  await expect(phone.getByText(/one of the most common passwords/)).toBeVisible();
  await phone.getByLabel('New password', { exact: true }).fill('another sentence, longer still');
  await phone.getByLabel('Confirm new password').fill('another sentence, longer still');
  await phone.getByRole('button', { name: 'Change password' }).click();
  await expect(
    phone.getByText(/Your password is changed, and every device was signed out/),
  ).toBeVisible();
  await expectAccessible(phone);
  // the other device is signed out at its next step
  await other.reload();
  await expect(
    other.getByRole('heading', { level: 1, name: 'Sign in to Porchlight' }),
  ).toBeVisible();
  await laptop.close();
  await phone.getByLabel('Email').fill(email);
  await phone.getByLabel('Password').fill('another sentence, longer still');
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Cedar House' })).toBeVisible();
  await invitee.close();

  await page.reload();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText(/accepted/i).first()).toBeVisible();
});
