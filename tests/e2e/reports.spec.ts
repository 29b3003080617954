import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

/** "November 2026" for the month before the browser's, as the page defaults to. */
function monthName(monthsBack: number) {
  const now = new Date();
  return new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(now.getFullYear(), now.getMonth() - monthsBack, 1)));
}

test('the operator opens a house’s monthly report, goes back a month, and prints it without the site’s chrome', async ({
  page,
}) => {
  await signIn(page, 'operator@example.org');
  await page.getByRole('link', { name: 'Maple House' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  await page.getByRole('link', { name: 'Monthly report' }).click();

  // last month by default, every figure with what it counts
  await expect(
    page.getByRole('heading', { level: 1, name: `Monthly report: ${monthName(1)}` }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/Maple House/);
  const occupancy = page.getByRole('region', { name: 'Occupancy' });
  await expect(
    occupancy.getByText(/average occupancy: \d+ resident-nights of \d+ bed-nights/),
  ).toBeVisible();
  const checkIns = page.getByRole('region', { name: 'Check-ins' });
  await expect(checkIns.getByText(/of check-ins made \(\d+ of \d+ due\)/)).toBeVisible();
  for (const section of ['Chores', 'House meetings', 'Incidents', 'Milestones'])
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  await expect(page.getByText(/This report names no resident/)).toBeVisible();
  await expect(page.getByText(/^Generated .* by Dana Whitfield · Porchlight$/)).toBeVisible();
  await expectAccessible(page);

  // the month before
  await page.getByRole('link', { name: /^Previous month/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Monthly report: ${monthName(2)}` }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/report\?month=\d{4}-\d{2}$/);
  await expect(
    page.getByRole('region', { name: 'Occupancy' }).getByText(/average occupancy/),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /^Next month/ })).toBeVisible();
  await expectAccessible(page);

  // a month to come is refused beside the month picker
  await page.getByLabel('Month', { exact: true }).fill('2099-01');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByText(/^Month cannot be in the future/)).toBeVisible();
  await expect(page.getByLabel('Month', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('link', { name: 'Last month’s report' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Monthly report: ${monthName(1)}` }),
  ).toBeVisible();

  // on paper: the report only
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Months' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Incidents' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
