import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectAccessible, signIn, trpcQuery } from './support';

test('a manager downloads the residents of their houses as a CSV a spreadsheet opens', async ({
  page,
}) => {
  await signIn(page, 'manager@example.org');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click();
  // a manager's reports: no audit log, which is for operators
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  await expect(page.getByLabel('House')).toHaveValue('');
  await expect(page.getByRole('option', { name: 'All my houses' })).toBeAttached();
  await expectAccessible(page);

  // a period that ends before it starts is caught before anything is downloaded
  await page.getByLabel('From', { exact: true }).fill('2026-03-12');
  await page.getByLabel('To', { exact: true }).fill('2026-03-01');
  await expect(page.getByRole('alert')).toHaveText('The end of the period is before its start.');
  await expect(page.getByRole('link', { name: /^Residents/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByLabel('To', { exact: true }).fill('');

  const residents = page.getByRole('link', { name: /^Residents/ });
  await expect(residents).toHaveAttribute('href', '/exports/residents.csv');
  await expect(residents).toHaveAccessibleDescription(/status, room and bed/);
  const downloading = page.waitForEvent('download');
  await residents.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^porchlight-demo-residents-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows]: string[][] = parse(bytes, { bom: true });
  expect(header?.slice(0, 3)).toEqual(['House', 'Resident', 'First name']);

  // exactly the residents the manager sees on their houses' pages, and nobody else's
  const houses = await trpcQuery<{ items: Array<{ id: string; name: string }> }>(
    page.request,
    'houses.list',
  );
  expect(houses.items.map((h) => h.name).sort()).toEqual(['Cedar House', 'Maple House']);
  const expected: string[] = [];
  for (const house of houses.items) {
    const list = await trpcQuery<{ items: Array<{ name: string }> }>(
      page.request,
      'residents.list',
      { houseId: house.id, status: 'all' },
    );
    expected.push(...list.items.map((r) => `${house.name}: ${r.name}`));
  }
  expect(rows.map((r) => `${r[0] ?? ''}: ${r[1] ?? ''}`).sort()).toEqual(expected.sort());
  expect(rows.some((r) => r[1] === 'Jordan Ellis')).toBe(true);
  expect(rows.some((r) => r[0] === 'Oxford Street House')).toBe(false);
});
