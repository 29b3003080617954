import { expect, test } from '@playwright/test';
import { apiSignIn, expectAccessible, signIn, trpcQuery } from './support';

test('a resident signs in, sees their own profile, and cannot reach another resident’s profile by URL', async ({
  page,
  playwright,
  baseURL,
}) => {
  // find another resident of the same house, as their manager would see them
  const staff = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  await apiSignIn(staff, baseURL ?? '', 'manager@example.org');
  const houses = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    staff,
    'houses.list',
  );
  const maple = houses.items.find((h) => h.name === 'Maple House');
  const residents = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    staff,
    'residents.list',
    { houseId: maple?.id },
  );
  const other = residents.items.find((r) => r.name !== 'Jordan Ellis');
  expect(other).toBeDefined();
  await staff.dispose();

  await signIn(page, 'resident@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByText('Maple House').first()).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('link', { name: 'Houses' })).toHaveCount(0);

  await page.goto(`/residents/${other?.id ?? ''}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(page.getByText(other?.name ?? '')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in to Porchlight' }),
  ).toBeVisible();
});
