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
  await invitee.close();

  await page.reload();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText(/accepted/i).first()).toBeVisible();
});
