import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a resident reads the new version of the house rules and signs it with their name', async ({
  page,
}) => {
  await signIn(page, 'resident@example.org');
  await page.getByRole('navigation').getByRole('link', { name: 'House rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'House rules' })).toBeVisible();
  await expect(page.getByText('Version 2')).toBeVisible();
  await expect(page.getByText(/Please read the rules below and sign them/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Curfew and passes' })).toBeVisible();
  await expect(page.getByText(/A fine of \$10\.00/).first()).toBeVisible();
  await expectAccessible(page);

  const signature = page.getByLabel('Type your full name to sign');
  await signature.fill('Someone Else');
  await page.getByRole('button', { name: 'Sign the house rules' }).click();
  await expect(page.getByText(/must be your name as written on your record/).first()).toBeVisible();

  await signature.fill('jordan ellis');
  await page.getByRole('button', { name: 'Sign the house rules' }).click();
  await expect(page.getByText(/You signed this version on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign the house rules' })).toHaveCount(0);
  await expectAccessible(page);
});
