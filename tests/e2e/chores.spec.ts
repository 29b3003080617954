import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

async function openMapleChores(page: Page) {
  await page.getByRole('link', { name: 'Maple House' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  await page.getByRole('link', { name: 'Chores', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chores' })).toBeVisible();
}

test('the manager generates and publishes a rota; a resident marks today’s chore done on the phone and the manager checks it', async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, 'manager@example.org');
  await openMapleChores(page);
  await expect(page.getByText(/· Published$/)).toBeVisible();
  await expectAccessible(page);

  // the demo has this period and the next published: go on to the first with no rota
  const later = page.getByRole('button', { name: 'Later rota' });
  for (let i = 0; i < 3; i++) {
    if (await page.getByRole('form', { name: 'Generate a rota' }).isVisible()) break;
    await later.click();
    await page.waitForLoadState('networkidle');
  }
  const generate = page.getByRole('form', { name: 'Generate a rota' });
  await generate.getByRole('button', { name: 'Generate the rota' }).click();
  await expect(
    page.getByRole('heading', { name: 'Draft: residents do not see it yet' }),
  ).toBeVisible();
  await expect(page.getByText(/A draft rota for .* is ready/)).toBeVisible();
  // every chore says why it went to whom
  await page.getByText(/^Why /).first().click();
  await expect(
    page.getByText(/fair share still to do|The only resident|Did not have this chore/).first(),
  ).toBeVisible();
  await expectAccessible(page);
  // pick someone else for the first chore by hand
  const first = page.getByRole('combobox', { name: /^Who does / }).first();
  const options = await first.locator('option').allTextContents();
  const current = (await first.locator('option:checked').textContent()) ?? '';
  const other = options.find((o) => o !== current && o !== 'Nobody yet') ?? '';
  await first.selectOption({ label: other });
  await expect(page.getByText(new RegExp(`now goes to ${other}`))).toBeVisible();
  await expect(page.getByText('Chosen by hand').first()).toBeVisible();
  await page.getByRole('button', { name: 'Publish the rota' }).click();
  await expect(page.getByText(/Published: residents now see the rota/)).toBeVisible();
  await expect(page.getByText(/· Published$/)).toBeVisible();

  // Jordan, on the phone: today's chore is on the home screen
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await signIn(phone, 'resident@example.org');
  await expect(phone.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const today = phone.getByRole('region', { name: 'Your chores today' });
  // the demo leaves Jordan one chore today that the house manager checks
  const card = today
    .getByRole('listitem')
    .filter({ hasText: 'Your house manager checks it' })
    .first();
  await expect(card.getByText('To do today')).toBeVisible();
  const choreName = ((await card.getByRole('heading').textContent()) ?? '').split(' · ')[0] ?? '';
  expect(choreName).not.toBe('');
  await expectAccessible(phone);
  await card.getByRole('button', { name: `Done: ${choreName}` }).click();
  await expect(
    phone.getByText(`${choreName} is marked done. Your house manager will check it.`),
  ).toBeVisible();
  await expect(card.getByText('Done, to be checked')).toBeVisible();

  // the manager checks it from this week's rota
  await page.getByRole('button', { name: 'This week' }).click();
  const waiting = page.getByRole('region', { name: 'Waiting for a check' });
  // today's, in Maple House's time: the demo may leave an earlier one of the week unchecked too
  const houseToday = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'America/New_York',
  }).format(new Date());
  const jordans = waiting
    .getByRole('listitem')
    .filter({ hasText: `Jordan Ellis: ${choreName}` })
    .filter({ hasText: `${houseToday} · done` });
  await expect(jordans).toBeVisible();
  await expectAccessible(page);
  await jordans.getByRole('button', { name: /^Checked/ }).click();
  await expect(page.getByText(`Checked: Jordan Ellis's ${choreName} is done.`)).toBeVisible();

  // on the phone, the next look at the chores shows it checked
  await phone.goto('/chores');
  await expect(phone.getByRole('heading', { level: 1, name: 'My chores' })).toBeVisible();
  const mine = phone
    .getByRole('region', { name: 'Today' })
    .getByRole('listitem')
    .filter({ hasText: choreName })
    .first();
  await expect(mine.getByText('Checked', { exact: true })).toBeVisible();
  await expectAccessible(phone);
  await phoneContext.close();
});

test('a resident asks a housemate to swap; the housemate accepts on their phone; the manager approves and both see it', async ({
  page,
  browser,
}) => {
  test.slow();
  await signIn(page, 'resident@example.org');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Chores' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'My chores' })).toBeVisible();
  // a chore coming up that Luis is not excused from
  const card = page
    .getByRole('region', { name: 'Coming up' })
    .getByRole('listitem')
    .filter({ hasNot: page.getByText('Yard and porch') })
    .filter({ has: page.getByRole('button', { name: /^Ask to swap/ }) })
    .first();
  const choreName = ((await card.getByRole('heading').textContent()) ?? '').split(' · ')[0] ?? '';
  await card.getByRole('button', { name: /^Ask to swap/ }).click();
  const ask = card.getByRole('form', { name: /^Ask to swap/ });
  await ask.getByLabel('Who do you ask?').selectOption({ label: 'Luis Ortega' });
  await ask.getByLabel('Message').fill('Family visit that evening.');
  await expectAccessible(page);
  await ask.getByRole('button', { name: 'Ask them' }).click();
  await expect(
    page.getByText(`Asked Luis Ortega to swap ${choreName}.`, { exact: false }),
  ).toBeVisible();
  // the demo data has an earlier swap between the two: this one is told by its message
  const message = 'Family visit that evening.';
  const asked = page
    .getByRole('region', { name: 'Swaps' })
    .getByRole('listitem')
    .filter({ hasText: 'You asked Luis Ortega' })
    .filter({ hasText: message });
  await expect(asked.getByText('Waiting for an answer')).toBeVisible();

  // Luis, on his own phone, sees the ask on his home screen and accepts it
  const luisContext = await browser.newContext();
  const luis = await luisContext.newPage();
  await signIn(luis, 'housemate@example.org');
  await expect(luis.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await luis.getByRole('link', { name: 'Answer' }).click();
  const fromJordan = luis
    .getByRole('region', { name: 'Swaps' })
    .getByRole('listitem')
    .filter({ hasText: 'Jordan Ellis asks you' })
    .filter({ hasText: message });
  await expect(fromJordan.getByText(message, { exact: false })).toBeVisible();
  await expectAccessible(luis);
  await fromJordan.getByRole('button', { name: 'Accept the swap with Jordan Ellis' }).click();
  await expect(
    luis.getByText('You agreed. It goes through once your house manager approves it.'),
  ).toBeVisible();

  // the house manager approves it
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, 'manager@example.org');
  await openMapleChores(manager);
  const swap = manager
    .getByRole('region', { name: 'Swaps' })
    .getByRole('listitem')
    .filter({ hasText: 'Jordan Ellis and Luis Ortega' });
  await expect(swap.getByText('Both agree.', { exact: false })).toBeVisible();
  await expectAccessible(manager);
  await swap.getByRole('button', { name: /^Approve the swap/ }).click();
  await expect(manager.getByText('Swapped: the rota now shows the change for both.')).toBeVisible();
  await managerContext.close();

  // Jordan sees it went through; the chore is Luis's now
  await page.reload();
  await expect(asked.getByText('Swapped')).toBeVisible();
  await luis.reload();
  await expect(
    luis.getByRole('region', { name: 'Coming up' }).getByText(choreName).first(),
  ).toBeVisible();
  await luisContext.close();
});
