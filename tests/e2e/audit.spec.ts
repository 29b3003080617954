import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('an operator finds who read a house’s violations in the audit log, filtered by house and action, and opens an entry’s details', async ({
  page,
}) => {
  test.slow();
  await signIn(page, 'operator@example.org');
  const nav = page.getByRole('navigation', { name: 'Main' });

  // a read of sensitive records for the trail to show: Maple House's violations
  await nav.getByRole('link', { name: 'Houses' }).click();
  await page.getByRole('link', { name: 'Maple House' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  await page.getByRole('link', { name: 'Violations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Violations' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recorded' })).toBeVisible();

  // the log is one of the reports, for operators
  await nav.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entries = page.getByRole('region', { name: 'Entries, newest first' });
  await expect(entries.getByRole('article').first()).toBeVisible();
  await expectAccessible(page);

  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByLabel('House').selectOption({ label: 'Maple House' });
  await filters.getByLabel('Action').selectOption({ label: 'Read violations' });
  await filters.getByRole('button', { name: 'Show entries' }).click();
  // the filtered view has its own address, so it can be linked
  await expect(page).toHaveURL(/[?&]houseId=[^&]+/);
  await expect(page).toHaveURL(/[?&]action=violations\.read(&|$)/);
  await expect(entries.getByRole('status')).toHaveText(/^Showing \d+ (entry|entries)/);

  const shown = entries.getByRole('article');
  const count = await shown.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const entry = shown.nth(i);
    await expect(entry.getByRole('heading', { level: 3 })).toHaveText(/ read violations$/);
    await expect(entry.getByRole('link', { name: 'Maple House' })).toBeVisible();
    await expect(entry.getByText(/^Request /)).toBeVisible();
  }
  // the read just made is there, under the operator's own name (Dana Whitfield in the demo)
  const newest = shown
    .filter({ has: page.getByRole('heading', { name: 'Dana Whitfield read violations' }) })
    .first();
  await expect(newest).toBeVisible();
  await expectAccessible(page);

  const details = newest.getByRole('button', { name: /^Details/ });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(newest.getByText('violations.read', { exact: true })).toBeVisible();
  await expect(newest.getByText(/"violationIds": \[/)).toBeVisible();
  await expectAccessible(page);

  // a range that ends before it starts is refused beside the field, before anything loads
  await filters.getByLabel('From').fill('2026-03-12');
  await filters.getByLabel('To').fill('2026-03-10');
  await filters.getByRole('button', { name: 'Show entries' }).click();
  await expect(filters.getByText('To must be on or after the from date.')).toBeVisible();
  await expect(page).not.toHaveURL(/from=/);
  await expectAccessible(page);
});
