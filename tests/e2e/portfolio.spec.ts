import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('an operator starts at every house at a glance, narrows it down, and drills from a figure to the house and on to a resident', async ({
  page,
}) => {
  await signIn(page, 'operator@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Houses at a glance' })).toBeVisible();
  const totals = page.getByRole('list', { name: 'Figures for these houses' });
  await expect(totals.getByText('Beds filled')).toBeVisible();
  const houses = page.getByRole('list', { name: 'Houses' });
  await expect(houses.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(page.getByRole('img', { name: /All houses: share of beds filled/ })).toBeVisible();
  await expectAccessible(page);

  // only the peer-run house
  await page.getByLabel('NARR level').selectOption({ label: 'Level I · peer-run' });
  await expect(houses.getByRole('heading', { level: 3 })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: '1 house shown, together' })).toBeVisible();
  await expect(page).toHaveURL(/level=1/);
  await page.getByLabel('NARR level').selectOption({ label: 'Every level' });
  await expect(houses.getByRole('heading', { level: 3 })).toHaveCount(3);

  // a house's trend, then its check-in figure opens its check-in board
  const maple = houses
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Maple House' }) });
  await maple.getByRole('button', { name: 'Twelve-week trend' }).click();
  await expect(page.getByRole('img', { name: /^Maple House: share of beds filled/ })).toBeVisible();
  await maple.getByRole('link', { name: /Check-ins, last 7 days/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Check-ins/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Needs attention' })).toBeVisible();

  // back to the overview, into the house, and on to a resident
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Houses at a glance' })).toBeVisible();
  await maple.getByRole('heading', { name: 'Maple House' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  await page.getByRole('link', { name: 'Jordan Ellis' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Jordan Ellis/ })).toBeVisible();
  await expectAccessible(page);
});
