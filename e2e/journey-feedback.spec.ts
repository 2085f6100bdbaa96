import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test('feedback from a known customer reaches the list, the detail page, its defect and the customer timeline, as plain text', async ({
  browser,
}) => {
  const stamp = Date.now();
  const customerName = `Feedback Fay ${stamp}`;
  const email = `fay.${stamp}@example.test`;
  const comment = `Engineer never came <script>alert(1)</script> and <b>bold</b> promises ${stamp}`;

  // An existing customer, and a feedback link for a touchpoint.
  const managerContext = await browser.newContext({ storageState: storageStatePath('manager') });
  const manager = await managerContext.newPage();
  const dialogs: string[] = [];
  manager.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await manager.goto('/customers/new');
  await manager.getByLabel('Name').fill(customerName);
  await manager.getByLabel('Email').fill(email);
  await manager.getByRole('button', { name: 'Create customer' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: customerName })).toBeVisible();
  const customerUrl = manager.url();

  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  await admin.goto('/admin/feedback');
  await admin.getByRole('button', { name: 'Turn on link for Delivery and installation' }).click();
  const card = admin.getByRole('region', { name: 'Delivery and installation' });
  await expect(card.getByText('Link on', { exact: true })).toBeVisible();
  const url = await card.getByLabel('Public link').inputValue();
  await adminContext.close();

  // The visitor, on a phone, from an address no other spec uses.
  const visitorContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' },
  });
  const visitor = await visitorContext.newPage();
  visitor.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await visitor.goto(url);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Delivery and installation' })).toBeVisible();
  await visitor
    .getByRole('group', { name: 'Overall, how satisfied are you?' })
    .getByText('Very unhappy', { exact: true })
    .click();
  await visitor.getByLabel(/Anything you would like to tell us/).fill(comment);
  await visitor.getByLabel(/Your email/).fill(email);
  await visitor.getByRole('button', { name: 'Send feedback' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  await visitorContext.close();

  // The manager finds it in the list through the source filter.
  await manager.goto('/interactions');
  const filters = manager.getByRole('form', { name: 'Filter interactions' });
  await filters.getByLabel('Source').selectOption({ label: 'Feedback' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(manager).toHaveURL(/source=feedback/);
  const row = manager.getByRole('row').filter({ hasText: customerName });
  await expect(row).toContainText('Delivery and installation');
  await expect(row).toContainText('Feedback');
  await row.getByRole('link').first().click();

  // The detail page shows the comment as the visitor typed it: no markup, no script.
  await expect(
    manager.getByRole('heading', { level: 1, name: `Delivery and installation with ${customerName}` }),
  ).toBeVisible();
  const notes = manager.locator('dt', { hasText: /^Notes$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(notes).toHaveText(comment);
  await expect(notes.locator('b, script')).toHaveCount(0);
  await expect(manager.locator('dt', { hasText: /^Source$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    'Feedback',
  );
  await expect(manager.locator('dt', { hasText: /^CSAT$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('1');
  const interactionUrl = manager.url();

  // CSAT 1 raised a low-satisfaction defect; its page links back to the interaction and the customer.
  const defects = manager.getByRole('region', { name: 'Defects (1)' });
  await defects.getByRole('link', { name: 'Below expectations' }).click();
  await expect(manager).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
  const defectUrl = manager.url();
  await expect(manager.getByText(/Use › Delivery and installation/)).toBeVisible();
  const details = manager.getByRole('region', { name: 'Details' });
  await details
    .locator('dt', { hasText: /^Interaction$/ })
    .locator('xpath=following-sibling::dd[1]')
    .getByRole('link')
    .click();
  await expect(manager).toHaveURL(interactionUrl);
  await manager.goto(defectUrl);
  await details.getByRole('link', { name: 'timeline' }).click();
  await expect(manager).toHaveURL(customerUrl);

  // The customer's timeline holds the interaction, with the comment as text, and its defect.
  const timeline = manager.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText(comment, { exact: true })).toBeVisible();
  await expect(timeline.locator('b, script')).toHaveCount(0);
  await timeline.getByRole('link', { name: 'Below expectations' }).click();
  await expect(manager).toHaveURL(defectUrl);
  await manager.goto(customerUrl);
  await timeline.getByRole('link', { name: 'Delivery and installation' }).click();
  await expect(manager).toHaveURL(interactionUrl);

  expect(dialogs).toEqual([]);
  await managerContext.close();
});
