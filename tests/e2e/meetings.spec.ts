import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('the secretary of the peer-run house runs this week’s meeting: roll, a motion that passes, an action item, close; the next agenda carries the item', async ({
  page,
}) => {
  test.slow();
  const item = `Fix the gate latch ${Date.now().toString(36)}`;
  await signIn(page, 'secretary@example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const meeting = page.getByRole('region', { name: 'House meeting' });
  await expect(meeting.getByText(/today at/)).toBeVisible();
  await meeting.getByRole('link', { name: 'Run the meeting' }).click();

  await expect(page.getByRole('heading', { name: 'Open the meeting' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open the meeting' }).click();
  await expect(page.getByText('The meeting is open. Start with the roll.')).toBeVisible();

  // the roll: one tap each
  const roll = page.getByRole('region', { name: 'Roll call' });
  const rows = roll.getByRole('listitem');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    await rows
      .nth(i)
      .getByRole('button', { name: /: Present$/ })
      .click();
    await expect(rows.nth(i).getByRole('button', { name: /: Present$/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }
  await expect(roll.getByText('Everyone is marked.')).toBeVisible();
  await expectAccessible(page);

  // a motion, voted by everyone in the room
  const motion = page.getByRole('form', { name: 'Record a motion' });
  await motion.getByLabel('The motion').fill('Buy a new mop for the kitchen, up to $25.');
  await motion.getByLabel('Moved by').selectOption({ index: 1 });
  await motion.getByLabel('Seconded by').selectOption({ index: 2 });
  for (let i = 0; i < count; i++)
    await motion.getByRole('button', { name: 'One more for' }).click();
  await expect(motion.getByText(/passes/)).toBeVisible();
  await motion.getByRole('button', { name: 'Record the motion' }).click();
  await expect(page.getByText(/Recorded: passed/)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Motions' })
      .getByText('Buy a new mop for the kitchen, up to $25.'),
  ).toBeVisible();

  // an action item for the next meeting
  const action = page.getByRole('form', { name: 'Add an action item' });
  await action.getByLabel('What needs doing').fill(item);
  await action.getByLabel('Who').selectOption({ index: 1 });
  await action.getByRole('button', { name: 'Add the action item' }).click();
  await expect(page.getByText(`Action item added: ${item}`)).toBeVisible();

  // minutes, saved as they are typed
  await page.getByLabel('What was said and decided').fill('Called to order at 7:00. Mop approved.');
  await expect(page.getByText(/Saved at/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(page.getByText('Held', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Buy a new mop for the kitchen, up to $25.')).toBeVisible();
  await expectAccessible(page);

  // the next meeting's agenda carries the open action item
  await page.getByRole('link', { name: 'Meetings' }).first().click();
  const coming = page.getByRole('region', { name: 'Coming up' });
  await coming.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Order of business' })).toBeVisible();
  await expect(page.getByText(item)).toBeVisible();
  await expectAccessible(page);
});
