import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support';

const PASSWORD = 'a sentence I can remember';

async function openStaff(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
}

test('an operator gives a manager a house and takes it back, then deactivates them: signed out at once, their name kept', async ({
  page,
  browser,
}) => {
  test.slow();
  // a manager of this test's own, so no other test's demo login changes
  const email = `staff-${Date.now().toString(36)}@example.org`;
  await signIn(page, 'operator@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Houses' })).toBeVisible();
  await openStaff(page);
  await expect(page.getByRole('article', { name: 'Marcus Reyes' })).toBeVisible();
  await expectAccessible(page);

  // new staff come in through an invite
  await page.getByRole('link', { name: 'Invite a manager or operator' }).click();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create invite' }) });
  await form.getByLabel('Name').fill('Sky Newman');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Maple House').check();
  await form.getByRole('button', { name: 'Create invite' }).click();
  const code =
    (
      await page.getByRole('region', { name: 'New invite' }).locator('code').first().textContent()
    )?.trim() ?? '';

  const invitee = await browser.newContext();
  const phone = await invitee.newPage();
  await phone.goto('/invite');
  await phone.getByLabel('Invite code').fill(code);
  await phone.getByRole('button', { name: 'Continue' }).click();
  await phone.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await phone.getByLabel('Confirm password').fill(PASSWORD);
  await phone.getByRole('button', { name: 'Create my account' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();

  // the operator gives them Cedar House too
  await openStaff(page);
  const card = page.getByRole('article').filter({ hasText: email });
  await expect(card.getByText('Just now')).toBeVisible();
  await card.getByRole('button', { name: 'Add a house for Sky Newman' }).click();
  await card.getByLabel('House', { exact: true }).selectOption({ label: 'Cedar House' });
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Add house' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sky Newman now runs Cedar House.' }),
  ).toBeVisible();
  await expect(
    card.getByRole('button', { name: 'Remove Cedar House from Sky Newman' }),
  ).toBeVisible();

  await phone.goto('/houses');
  await expect(phone.getByRole('link', { name: 'Cedar House' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Maple House' })).toBeVisible();

  // and takes it back
  await card.getByRole('button', { name: 'Remove Cedar House from Sky Newman' }).click();
  await expect(
    card.getByRole('button', { name: 'Remove Cedar House from Sky Newman' }),
  ).toHaveCount(0);
  await expect(card.getByText('Maple House')).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('link', { name: 'Maple House' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Cedar House' })).toHaveCount(0);

  // deactivating asks first, and says what happens
  await card.getByRole('button', { name: 'Deactivate Sky Newman' }).click();
  await expect(card.getByText(/signed out on every device now/)).toBeVisible();
  await expect(card.getByText(/Everything they recorded stays, under their name/)).toBeVisible();
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Yes, deactivate Sky Newman' }).click();
  const deactivated = page.getByRole('region', { name: 'Deactivated', exact: true });
  const gone = deactivated.getByRole('article').filter({ hasText: email });
  await expect(gone.getByText(/by Dana Whitfield/)).toBeVisible();
  await expect(gone.getByRole('button', { name: 'Reactivate Sky Newman' })).toBeVisible();
  await expectAccessible(page);

  // their phone is signed out at once, and cannot sign in again
  await phone.reload();
  await expect(
    phone.getByRole('heading', { level: 1, name: 'Sign in to Porchlight' }),
  ).toBeVisible();
  await phone.getByLabel('Email').fill(email);
  await phone.getByLabel('Password').fill(PASSWORD);
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await expect(phone.getByText(/This account has been deactivated/)).toBeVisible();

  // reactivated, they can sign in again
  await gone.getByRole('button', { name: 'Reactivate Sky Newman' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Active', exact: true })
      .getByRole('article')
      .filter({ hasText: email }),
  ).toBeVisible();
  await phone.getByRole('button', { name: 'Sign in' }).click();
  // back where they were signed out, with the house they still run
  await expect(phone.getByRole('heading', { level: 1, name: 'Houses' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Maple House' })).toBeVisible();
  await invitee.close();
});
