import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a manager transfers a resident to another bed and later moves them out; the history keeps both stays', async ({
  page,
}) => {
  const lastName = `Mensah${Date.now().toString(36)}`;
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Cedar House' }).click();
  await page.getByRole('link', { name: 'New resident' }).click();
  await page.getByLabel('First name').fill('Kofi');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Bed').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save resident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kofi ${lastName}` })).toBeVisible();
  await expect(page.getByText('Living in the house')).toBeVisible();

  await page.getByRole('button', { name: 'Transfer' }).click();
  const transfer = page.getByRole('form', { name: 'Transfer' });
  await transfer.getByLabel('House').selectOption({ label: 'Cedar House' });
  await transfer.getByLabel('Bed').selectOption({ index: 1 });
  await expectAccessible(page);
  await transfer.getByRole('button', { name: 'Save transfer' }).click();
  const history = page.locator('section', {
    has: page.getByRole('heading', { name: 'Stay history' }),
  });
  await expect(history.getByText('Transferred')).toBeVisible();

  await page.getByRole('button', { name: 'Move out' }).click();
  const moveOut = page.getByRole('form', { name: 'Move out' });
  await moveOut.getByLabel('Reason').selectOption({ label: 'Completed the program' });
  await moveOut.getByRole('button', { name: 'Save move-out' }).click();
  await expect(page.getByText('Moved out', { exact: true })).toBeVisible();
  await expect(history.getByText('Completed the program')).toBeVisible();
  await expect(history.getByText('Transferred')).toBeVisible();
  await expectAccessible(page);
});
