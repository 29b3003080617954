import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

/** Tomorrow on the phone's own calendar, as a datetime-local value at `time`. */
function tomorrowAt(time: string) {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${time}`;
}

test('a resident signs the new rule book, asks for a work pass, the manager approves it and the resident sees it approved', async ({
  page,
  browser,
}) => {
  await signIn(page, 'resident@example.org');
  await page.getByRole('navigation').getByRole('link', { name: 'House rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'House rules' })).toBeVisible();
  await expect(page.getByText('Version 2')).toBeVisible();
  await expect(page.getByText(/Please read the rules below and sign them/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Curfew and passes' })).toBeVisible();
  await expect(page.getByText(/A fine of \$10\.00/).first()).toBeVisible();
  // what changed since the version Jordan signed, before signing
  await page.getByRole('button', { name: 'Show the changes' }).click();
  await expect(page.getByText('1 rule added · 1 rule changed')).toBeVisible();
  await expectAccessible(page);

  const signature = page.getByLabel('Type your full name to sign');
  await signature.fill('Someone Else');
  await page.getByRole('button', { name: 'Sign the house rules' }).click();
  await expect(page.getByText(/must be your name as written on your record/).first()).toBeVisible();

  await signature.fill('jordan ellis');
  await page.getByRole('button', { name: 'Sign the house rules' }).click();
  await expect(page.getByText(/You signed this version on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign the house rules' })).toHaveCount(0);
  await expectAccessible(page);

  // a work pass for tomorrow, from the phone
  const destination = `Shift at the bakery ${Date.now().toString(36)}`;
  await page.getByRole('navigation').getByRole('link', { name: 'Passes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My passes' })).toBeVisible();
  const ask = page.getByRole('form', { name: 'Ask for a pass' });
  await ask.getByLabel('Type of pass').selectOption({ label: 'Work' });
  await ask.getByLabel('Where are you going?').fill(destination);
  // a return before leaving is refused, naming the field
  await ask.getByLabel('Leaving').fill(tomorrowAt('17:00'));
  await ask.getByLabel('Back by').fill(tomorrowAt('09:00'));
  await ask.getByRole('button', { name: 'Ask for this pass' }).click();
  await expect(ask.getByText(/must be after the departure/).first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: destination })).toHaveCount(0);

  await ask.getByLabel('Leaving').fill(tomorrowAt('09:00'));
  await ask.getByLabel('Back by').fill(tomorrowAt('17:00'));
  await ask.getByLabel('Contact while away').fill('(614) 555-0111');
  await ask.getByRole('button', { name: 'Ask for this pass' }).click();
  await expect(page.getByText('Requested — waiting for a decision.')).toBeVisible();
  const mine = page.getByRole('listitem').filter({ hasText: destination });
  await expect(mine.getByText('Waiting for a decision')).toBeVisible();
  await expectAccessible(page);

  // the house manager approves it from the house's pass board
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, 'manager@example.org');
  await manager.getByRole('link', { name: 'Maple House' }).click();
  await manager.getByRole('link', { name: 'Passes' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Passes' })).toBeVisible();
  const waiting = manager
    .getByRole('region', { name: 'Waiting for a decision' })
    .getByRole('listitem')
    .filter({ hasText: destination });
  await expect(waiting).toBeVisible();
  await expectAccessible(manager);
  await waiting.getByRole('button', { name: "Approve Jordan Ellis's pass" }).click();
  await expect(manager.getByText("Approved Jordan Ellis's pass.")).toBeVisible();
  await expectAccessible(manager);
  await managerContext.close();

  // Jordan sees the decision
  await page.reload();
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: destination })
      .getByText(/^Approved · not left yet$/),
  ).toBeVisible();
  await expect(page.getByText(/Approved by Marcus Reyes/).first()).toBeVisible();
});

test('an operator edits a rule book in a draft, compares it and publishes a new version', async ({
  page,
}) => {
  const ruleText = `Bikes are kept in the shed, not the hallway (${Date.now().toString(36)}).`;
  await signIn(page, 'operator@example.org');
  await page.getByRole('link', { name: 'Oxford Street House' }).click();
  await page.getByRole('link', { name: 'Rule book' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Rule book/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add a rule' }).click();
  const added = page.locator('fieldset.rule-fieldset').last();
  await added.getByLabel('Category').selectOption({ label: 'Safety' });
  await added.getByLabel('What the rule says').fill(ruleText);
  // a rule with no disclosed consequence cannot be saved
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(added.getByText(/Consequences/)).toBeVisible();

  await added.getByRole('checkbox', { name: 'A warning' }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { name: 'Review and publish' })).toBeVisible();
  await page.getByRole('button', { name: /Compare the draft with version/ }).click();
  await expect(page.getByText(ruleText).last()).toBeVisible();
  await expect(page.getByText(/1 rule added/).last()).toBeVisible();
  await expectAccessible(page);

  const publish = page.getByRole('form', { name: /Publish version/ });
  await publish.getByLabel('Change note').fill('Bikes out of the hallway: it is the fire exit.');
  await publish.getByRole('button', { name: /Publish version/ }).click();
  await expect(
    page.getByText(/is in force\. Every resident of the house will be asked/),
  ).toBeVisible();
  await expect(
    page.getByText('Bikes out of the hallway: it is the fire exit.').first(),
  ).toBeVisible();
  await expectAccessible(page);
});
