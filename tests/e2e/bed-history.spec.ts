import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

/** The date `days` ago in the house's timezone, as YYYY-MM-DD. */
function daysAgo(days: number, timeZone: string) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() - days * 86_400_000));
}

test('a manager finds who slept in a bed on a past night', async ({ page }) => {
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Maple House' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Who was in each bed' })).toBeVisible();
  const night = page.getByLabel('Night of', { exact: true });
  const bed12B = () =>
    page
      .getByRole('list', { name: /Beds on the night of/ })
      .getByRole('listitem')
      .filter({ hasText: 'Bed 12B' });

  // the demo's history of bed 12B: Derek Haines until 20 days ago, empty, then Ray Castillo from 10 days ago
  await expect(bed12B()).toContainText('Ray Castillo');
  await night.fill(daysAgo(100, 'America/New_York'));
  await expect(bed12B()).toContainText('Derek Haines');
  await night.fill(daysAgo(15, 'America/New_York'));
  await expect(bed12B()).toContainText('empty');
  await expectAccessible(page);
});
