import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a resident adds a sponsor, logs contact with them in a check-in, and shares a summary that opens without signing in', async ({
  page,
  browser,
}) => {
  test.slow();
  // Luis, on the phone: the demo leaves him today's check-in to make
  await signIn(page, 'housemate@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Support' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your support' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Support circle of Luis Ortega/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add someone to your circle' }).click();
  const add = page.getByRole('form', { name: 'Add someone to your circle' });
  await add.getByLabel('Name').fill('Gail Winters');
  await add.getByLabel('Who they are to you').selectOption({ label: 'Sponsor' });
  await add.getByLabel('Phone').fill('(614) 555-0199');
  await expectAccessible(page);
  await add.getByRole('button', { name: 'Add to my circle' }).click();
  await expect(page.getByText('Gail Winters was added to your circle.')).toBeVisible();
  const peers = page.getByRole('region', { name: 'Peers and mentors' });
  const gail = peers.getByRole('listitem').filter({ hasText: 'Gail Winters' });
  await expect(gail.getByText('No contact logged yet')).toBeVisible();

  // the check-in: mood, craving, and one tap on who he talked to
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: "Today's check-in" })).toBeVisible();
  await page
    .getByRole('radiogroup', { name: 'Mood' })
    .getByRole('radio', { name: '4 Good' })
    .click();
  await page
    .getByRole('radiogroup', { name: 'Craving' })
    .getByRole('radio', { name: '1', exact: true })
    .click();
  const who = page.getByRole('group', { name: 'Who did you connect with today?' });
  await who.getByRole('checkbox', { name: /^Gail Winters/ }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send check-in' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Checked in at/ })).toBeVisible();

  // the circle now shows Gail in touch this week
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Support' })
    .click();
  await expect(
    page
      .getByRole('region', { name: 'Peers and mentors' })
      .getByRole('listitem')
      .filter({ hasText: 'Gail Winters' })
      .getByText(/^In touch this week/),
  ).toBeVisible();

  // share a summary with his probation officer: only check-ins and milestones
  await page.getByRole('link', { name: 'Share a summary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share a summary' })).toBeVisible();
  await page.getByRole('radio', { name: /Someone else/ }).check();
  await page.getByLabel('Their name').fill('Officer Dana Ruiz');
  await page.getByLabel('Who they are to you').fill('Probation officer');
  await page.getByRole('checkbox', { name: /check-ins I made/ }).check();
  await page.getByRole('checkbox', { name: /My milestones/ }).check();
  await page.getByLabel('Purpose').fill('Monthly report for my probation officer.');
  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page.getByText(/You may not share it with anyone/).first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'I have read this and I agree' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create the link' }).click();
  await expect(page.getByRole('heading', { name: /is ready/ })).toBeVisible();
  const link = await page.getByLabel('The link').inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{32}$/);
  await expectAccessible(page);

  // a fresh browser, no account: the summary with only what was chosen
  const stranger = await browser.newContext();
  const viewer = await stranger.newPage();
  const response = await viewer.goto(link);
  expect(response?.status()).toBe(200);
  await expect(
    viewer.getByRole('heading', { level: 1, name: 'Luis Ortega’s summary' }),
  ).toBeVisible();
  await expect(viewer.getByText('Officer Dana Ruiz')).toBeVisible();
  await expect(viewer.getByRole('heading', { name: 'Do not pass this on' })).toBeVisible();
  const parts = await viewer
    .locator('[data-part]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-part')));
  expect(parts).toEqual(['check_in_compliance', 'milestones']);
  await expect(viewer.getByRole('heading', { name: 'Cravings' })).toHaveCount(0);
  await expectAccessible(viewer);

  // the view is in Luis's log; revoking stops the link at once
  await page.reload();
  const card = page
    .locator('article', { has: page.getByRole('heading', { name: /Officer Dana Ruiz/ }) })
    .first();
  await expect(card.getByText(/^1 time, last on/)).toBeVisible();
  await card.getByRole('button', { name: 'Revoke the share with Officer Dana Ruiz' }).click();
  await card.getByRole('button', { name: 'Yes, revoke the share with Officer Dana Ruiz' }).click();
  await expect(page.getByText('Revoked. The link no longer works.')).toBeVisible();
  expect((await viewer.goto(link))?.status()).toBe(404);
  await expect(viewer.getByRole('heading', { name: 'This link is not available' })).toBeVisible();
  await stranger.close();
});

test('the manager sees a thin circle at a glance: empty pillars drawn and named on the resident’s record', async ({
  page,
}) => {
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Maple House' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maple House' })).toBeVisible();
  // the attention list flags the empty pillars and links to the circle
  await page.getByRole('link', { name: 'Check-ins', exact: true }).click();
  const flag = page
    .getByRole('listitem')
    .filter({ hasText: 'Nobody in their support circle for' })
    .filter({ hasText: 'Kevin Nguyen' });
  await expect(flag).toBeVisible();
  await flag.getByRole('link', { name: 'See their support circle' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kevin Nguyen' })).toBeVisible();
  const picture = page.getByRole('img', { name: /^Support circle of Kevin Nguyen/ });
  await expect(picture).toBeVisible();
  await expect(picture).toHaveAccessibleName(/Peers and mentors: nobody yet/);
  await expect(picture.locator('[data-state="empty"]')).toHaveCount(3);
  await expect(picture.getByText('Nobody yet')).toHaveCount(3);
  await expect(
    page.getByText(/Waiting for Kevin to accept: Riverside Counseling intake/),
  ).toBeVisible();
  await expectAccessible(page);
});

test('the chair of the peer-run house pairs a newcomer with a resident who moved in earlier', async ({
  page,
}) => {
  // Nathan, the elected secretary, holds the chair's power in Oxford Street
  await signIn(page, 'secretary@example.org');
  await page.getByRole('link', { name: 'Meetings' }).first().click();
  await page.getByRole('link', { name: 'Peer mentoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Peer mentoring' })).toBeVisible();
  const now = page.getByRole('region', { name: 'Now' });
  await expect(now.getByText(/Nathan Cole mentors Jamal Carter/)).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Pair a newcomer with a peer mentor' });
  // Jamal has a mentor already: he is not offered as a newcomer
  await expect(
    form.getByLabel('Newcomer').locator('option', { hasText: 'Jamal Carter' }),
  ).toHaveCount(0);
  await form.getByRole('button', { name: 'Pair them' }).click();
  await expect(form.getByText('is required: pick the newcomer.')).toBeVisible();
  const newcomer = form.getByLabel('Newcomer');
  await newcomer.selectOption({ index: 1 });
  // an option reads "Name, in the house since <day>"
  const chosenName = async (select: typeof newcomer) =>
    ((await select.locator('option:checked').textContent()) ?? '').replace(/, in the house.*$/, '');
  const newcomerName = await chosenName(newcomer);
  const mentor = form.getByLabel('Peer mentor');
  await mentor.selectOption({ index: 1 });
  const mentorName = await chosenName(mentor);
  await form.getByRole('button', { name: 'Pair them' }).click();
  await expect(page.getByText(`${newcomerName} is paired with ${mentorName}.`)).toBeVisible();
  await expect(now.getByText(`${mentorName} mentors ${newcomerName}`)).toBeVisible();
  await expectAccessible(page);
});

test('a resident prints their record of service, which does not name the residents they mentored', async ({
  page,
}) => {
  // Nathan holds an office in Oxford Street and mentors Jamal
  await signIn(page, 'secretary@example.org');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Support' })
    .click();
  await page.getByRole('link', { name: 'Print your record of service' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your record of service' }),
  ).toBeVisible();
  const record = page.getByRole('article', { name: 'Nathan Cole' });
  await expect(record.getByRole('heading', { name: 'Offices held' })).toBeVisible();
  await expect(record.getByText(/Peer mentor to a newer resident/)).toBeVisible();
  await expect(record).not.toContainText('Jamal');
  await expectAccessible(page);
  // on paper: the record without the site around it
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(record).toBeVisible();
});
