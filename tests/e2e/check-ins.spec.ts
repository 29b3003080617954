import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

async function openMapleCheckIns(page: Page) {
  await page.getByRole('link', { name: 'Maple House' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  await page.getByRole('link', { name: 'Check-ins today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeVisible();
}

function boardRow(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Residents' })
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', { name, exact: true }),
    });
}

test('a resident checks in from a phone’s home screen in three taps; the manager’s board shows it at once, and a missed check-in is on the attention list', async ({
  page,
  browser,
}) => {
  // two people on two devices, with an accessibility check at every step
  test.slow();
  // the manager has the board open: Jordan has not checked in today
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, 'manager@example.org');
  await openMapleCheckIns(manager);
  const jordan = boardRow(manager, 'Jordan Ellis');
  await expect(jordan.getByText('Daily')).toBeVisible();
  await expect(jordan.getByText(/^(Due|Missed)$/).first()).toBeVisible();
  await expectAccessible(manager);

  // Jordan, on the phone, lands on the home screen and taps three times
  await signIn(page, 'resident@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Today's check-in" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('radiogroup', { name: 'Mood' })
    .getByRole('radio', { name: '4 Good' })
    .click();
  await page
    .getByRole('radiogroup', { name: 'Craving' })
    .getByRole('radio', { name: '2', exact: true })
    .click();
  await page.getByRole('button', { name: 'Send check-in' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Checked in at/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Today's check-in is in" })).toBeVisible();
  await expect(page.getByText('4 · Good')).toBeVisible();
  await expectAccessible(page);

  // the board shows it as soon as it is looked at again, with the mood and craving
  await manager.reload();
  await expect(jordan.getByText(/^Done( late)?$/).first()).toBeVisible();
  await expect(jordan.getByText('Mood 4 (good), craving 2 of 10')).toBeVisible();

  // the demo's T Moore missed yesterday's check-in: flagged, and the day shows it
  const attention = manager.getByRole('region', { name: 'Needs attention' });
  const missed = attention.getByRole('listitem').filter({ hasText: 'Missed check-in' });
  await expect(missed.filter({ hasText: 'T Moore' })).toBeVisible();
  await expect(missed.filter({ hasText: 'T Moore' })).toContainText('yesterday’s daily check-in');
  await expect(attention.getByRole('listitem').first()).toContainText('Overdue return');
  await expectAccessible(manager);
  await missed
    .filter({ hasText: 'T Moore' })
    .getByRole('link', { name: /See the check-ins/ })
    .click();
  await expect(manager.getByRole('heading', { level: 1, name: 'T Moore' })).toBeVisible();
  await expect(manager.getByRole('heading', { level: 2, name: 'Check-in history' })).toBeVisible();
  await expectAccessible(manager);
  await managerContext.close();
});

test('a manager looks back at yesterday’s board and sees who missed their check-in', async ({
  page,
}) => {
  await signIn(page, 'manager@example.org');
  await openMapleCheckIns(page);
  const day = page.getByRole('textbox', { name: 'Day', exact: true });
  const today = await day.inputValue();
  const yesterday = new Date(`${today}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  await day.fill(yesterday.toISOString().slice(0, 10));
  await expect(page.getByRole('button', { name: 'Back to today' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Needs attention' })).toHaveCount(0);
  await expect(boardRow(page, 'T Moore').getByText('Missed', { exact: true })).toBeVisible();
  await expect(page.getByText(/\d+ missed/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Back to today' }).click();
  await expect(page.getByRole('region', { name: 'Needs attention' })).toBeVisible();
});

test('a manager draws residents at random, records a drawn resident’s test, and finds it in the log with the draw checked', async ({
  page,
}) => {
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Cedar House' }).click();
  await page.getByRole('link', { name: 'Drug and alcohol tests' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Drug and alcohol tests' }),
  ).toBeVisible();
  await expectAccessible(page);

  const draw = page.getByRole('form', { name: 'Random draw' });
  // a wrong amount is refused, naming the field
  await draw.getByLabel('How many residents').fill('0');
  await draw.getByRole('button', { name: 'Draw residents' }).click();
  await expect(draw.getByText('How many residents must be from 1 to 100.')).toBeVisible();
  await draw.getByLabel('How many residents').fill('1');
  const reason = `weekly random ${Date.now().toString(36)}`;
  await draw.getByLabel('Reason').fill(reason);
  await draw.getByRole('button', { name: 'Draw residents' }).click();
  const drawn = page.getByRole('heading', { level: 3, name: /^Drawn: / });
  await expect(drawn).toBeVisible();
  const name = ((await drawn.textContent()) ?? '').replace(/^Drawn: /, '').trim();
  expect(name).not.toBe('');
  await expectAccessible(page);

  await page.getByRole('button', { name: `Record ${name}'s test` }).click();
  const record = page.getByRole('form', { name: 'Record a test' });
  await expect(record.getByLabel('Resident')).toHaveValue(/.+/);
  await expect(record.getByLabel('Type')).toHaveValue('random');
  // a positive result must say what for
  await record.getByLabel('Result').selectOption('positive');
  await record.getByRole('button', { name: 'Record the test' }).click();
  await expect(
    record.getByText('Positive for must name at least one substance when the result is positive.'),
  ).toBeVisible();
  await record.getByLabel('Result').selectOption('negative');
  await record.getByLabel('Witness').fill('Morgan Reyes');
  await record.getByRole('button', { name: 'Record the test' }).click();
  await expect(page.getByText(`The test of ${name} is recorded: Negative.`)).toBeVisible();

  await page.getByRole('button', { name: 'Show the tests log' }).click();
  const entry = page
    .getByRole('listitem')
    .filter({ hasText: `${name}: Random test` })
    .filter({ hasText: 'Morgan Reyes' });
  await expect(entry).toBeVisible();
  await expect(entry.getByText('Negative', { exact: true })).toBeVisible();
  const past = page.getByRole('region', { name: 'Past draws' });
  const thisDraw = past.getByRole('listitem').filter({ hasText: reason });
  await expect(thisDraw.getByText('Checked: the seed gives this draw')).toBeVisible();
  await expect(thisDraw).toContainText(name);
  await expectAccessible(page);
});
