import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a manager records a violation from the rules the resident signed; the resident answers and takes a grievance up the ladder', async ({
  page,
  browser,
}) => {
  const story = `Home at 23:40, ${Date.now().toString(36)}.`;
  await signIn(page, 'manager@example.org');
  await page.getByRole('link', { name: 'Maple House' }).click();
  await page.getByRole('link', { name: 'Violations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Violations' })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Record a violation' });
  await form.getByLabel('Resident').selectOption({ label: 'Jordan Ellis' });
  const rule = form.getByLabel('Rule');
  await expect(rule).toBeVisible();
  await rule.selectOption({
    label:
      'Curfew and passes: Be home by the curfew of your phase and check in when you arrive. Nights away need an approved pass.',
  });
  // only the consequences that rule disclosed are offered
  await expect(form.getByRole('radio')).toHaveCount(3);
  await expect(form.getByRole('radio', { name: 'Discharge from the house' })).toHaveCount(0);
  await form.getByRole('radio', { name: 'Loss of a pass' }).check();
  await form.getByLabel('What happened').fill(story);
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Record the violation' }).click();
  await expect(page.getByText('Recorded for Jordan Ellis: Loss of a pass.')).toBeVisible();
  await expect(page.getByText(story)).toBeVisible();

  // Jordan, on their phone, reads it, answers, and files a grievance
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await signIn(phone, 'resident@example.org');
  await phone.getByRole('link', { name: 'Violations' }).first().click();
  await expect(phone.getByRole('heading', { level: 1, name: 'My violations' })).toBeVisible();
  const card = phone.getByRole('article').filter({ hasText: story });
  await card.getByLabel('Your answer').fill('The bus was late; I called the house.');
  await card.getByRole('button', { name: 'Send my answer' }).click();
  await expect(card.getByText('The bus was late; I called the house.')).toBeVisible();
  await expectAccessible(phone);
  await card.getByRole('link', { name: 'File a grievance about this violation' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'My grievances' })).toBeVisible();
  await phone.getByLabel('What it is about').fill(`Curfew: ${story}`);
  await phone
    .getByLabel('What happened, and what you would like done')
    .fill('I called ahead as the rules ask. Please remove it.');
  await phone.getByRole('button', { name: 'Send to my house manager' }).click();
  await expect(phone.getByText('Your grievance was sent to your house manager.')).toBeVisible();
  const grievance = phone.getByRole('article').filter({ hasText: `Curfew: ${story}` });
  await expect(grievance.getByText('Waiting for the house manager')).toBeVisible();
  await expectAccessible(phone);

  // the manager decides, with a reason Jordan reads
  await page.goto(page.url().replace(/\/violations.*$/, '/grievances'));
  const waiting = page.getByRole('article').filter({ hasText: `Curfew: ${story}` });
  await waiting.getByRole('button', { name: "Decide Jordan Ellis's grievance" }).click();
  await waiting.getByLabel('Decision').selectOption('not_upheld');
  await waiting.getByLabel('Reason, for the resident').fill('The house phone log shows no call.');
  await expectAccessible(page);
  await waiting.getByRole('button', { name: 'Send the decision' }).click();
  await expect(page.getByText("Your decision on Jordan Ellis's grievance was sent.")).toBeVisible();

  // Jordan takes it to the operator
  await phone.reload();
  const decided = phone.getByRole('article').filter({ hasText: `Curfew: ${story}` });
  await expect(decided.getByText('The house phone log shows no call.')).toBeVisible();
  await decided.getByRole('button', { name: 'Take it to the operator' }).click();
  await decided
    .getByLabel('Why you disagree with the decision')
    .fill('I used a neighbour’s phone.');
  await decided.getByRole('button', { name: 'Send to the operator' }).click();
  await expect(decided.getByText('Waiting for the operator')).toBeVisible();
  await expectAccessible(phone);
  await phoneContext.close();
});
