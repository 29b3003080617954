import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a manager signs in, admits a new resident to an open bed, and sees the bed board update', async ({
  page,
}) => {
  const lastName = `Okafor${Date.now().toString(36)}`;
  await signIn(page, 'manager@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Houses' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Maple House' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Beds' })).toBeVisible();
  await expectAccessible(page);

  const admit = page.getByRole('link', { name: /^Admit a resident to bed / }).first();
  const accessibleName = (
    (await admit.getAttribute('aria-label')) ??
    (await admit.textContent()) ??
    ''
  )
    .replace(/\s+/g, ' ')
    .trim();
  const bedLabel = /to bed (.+)$/.exec(accessibleName)?.[1] ?? '';
  expect(bedLabel).not.toBe('');
  await admit.click();

  await expect(page.getByRole('heading', { level: 1, name: 'New resident' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Sobriety date').fill('2026-10-01');
  await expect(page.getByLabel('Bed')).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'Save resident' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Robin ${lastName}` })).toBeVisible();
  await expect(page.getByText('Current bed')).toBeVisible();
  await expect(page.getByText(bedLabel).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Houses' }).click();
  await page.getByRole('link', { name: 'Maple House' }).click();
  const beds = page
    .getByRole('region', { name: 'Beds' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: 'Beds' }) }));
  await expect(beds.getByRole('link', { name: `Robin ${lastName}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Admit a resident to bed ${bedLabel}` })).toHaveCount(
    0,
  );
});

test('the intake form explains what is wrong beside each field and saves nothing', async ({
  page,
}) => {
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Maple House' }).click();
  await page.getByRole('link', { name: 'New resident' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New resident' })).toBeVisible();
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Save resident' }).click();
  await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/is required/).first()).toBeVisible();
  await expect(page.getByText(/must be an email address/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'New resident' })).toBeVisible();
  await expectAccessible(page);
});
