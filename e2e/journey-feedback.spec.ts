import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test('feedback with a known customer’s email waits for staff to confirm it, then reaches the list, the detail page, its defect and the customer timeline, as plain text', async ({
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

  // A typed email proves nothing: the answer is only suggested for the customer, on their page.
  await manager.goto(customerUrl);
  const maybe = manager.getByRole('region', { name: 'Feedback that may be theirs' });
  await expect(maybe).toContainText(`typed ${email}`);
  await expect(manager.getByRole('region', { name: 'Timeline' }).getByText(comment)).toHaveCount(0);
  await maybe.getByRole('link', { name: /Delivery and installation/ }).click();
  await expect(manager.getByRole('heading', { level: 1, name: 'Delivery and installation' })).toBeVisible();
  const customerFact = manager.locator('dt', { hasText: /^Customer$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(customerFact).toHaveText(/Anonymous\s*Unverified match/);
  await expect(
    manager.locator('dt', { hasText: /^Email given$/ }).locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(`${email} (as typed, not verified)`);
  await manager.getByRole('button', { name: `Confirm it is ${customerName}` }).click();
  await expect(
    manager.getByRole('heading', { level: 1, name: `Delivery and installation · ${customerName}` }),
  ).toBeVisible();
  await expect(customerFact).toContainText('Confirmed by staff');
  await expect(manager.getByRole('region', { name: 'Unverified customer match' })).toHaveCount(0);

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
    manager.getByRole('heading', { level: 1, name: `Delivery and installation · ${customerName}` }),
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
  await expect(timeline.getByText(comment)).toBeVisible();
  await expect(timeline.locator('b, script')).toHaveCount(0);
  await timeline.getByRole('link', { name: 'Below expectations' }).click();
  await expect(manager).toHaveURL(defectUrl);
  await manager.goto(customerUrl);
  await timeline.getByRole('link', { name: 'Delivery and installation' }).click();
  await expect(manager).toHaveURL(interactionUrl);

  expect(dialogs).toEqual([]);
  await managerContext.close();
});

test('a personal feedback link made on a customer’s page attaches the answers to that customer, verified', async ({
  browser,
}) => {
  const stamp = Date.now();
  const customerName = `Linked Lou ${stamp}`;
  const comment = `Fitted in an hour, spotless ${stamp}`;

  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  await admin.goto('/admin/feedback');
  const card = admin.getByRole('region', { name: 'Delivery and installation' });
  const turnOn = admin.getByRole('button', { name: 'Turn on link for Delivery and installation' });
  if (await turnOn.isVisible()) await turnOn.click();
  await expect(card.getByText('Link on', { exact: true })).toBeVisible();
  await adminContext.close();

  // Staff create the customer and make the link on the customer's page.
  const staffContext = await browser.newContext({ storageState: storageStatePath('staff') });
  const staff = await staffContext.newPage();
  await staff.goto('/customers/new');
  await staff.getByLabel('Name').fill(customerName);
  await staff.getByRole('button', { name: 'Create customer' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: customerName })).toBeVisible();
  const customerUrl = staff.url();
  const personal = staff.getByRole('region', { name: 'Personal feedback link' });
  await personal.getByLabel('Touchpoint').selectOption({ label: 'Delivery and installation' });
  await personal.getByLabel('Works for').selectOption({ label: '7 days' });
  await personal.getByRole('button', { name: 'Create personal link' }).click();
  const link = personal.getByLabel('Public link');
  await expect(link).toHaveValue(/\/f\/[A-Za-z0-9_-]{43}\?c=[A-Za-z0-9_-]{48}\.[A-Za-z0-9_-]{43}$/);
  const url = await link.inputValue();

  // The customer answers without typing an email.
  const visitorContext = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.78' } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(url);
  await expect(visitor.getByText('This link is personal')).toBeVisible();
  await expect(visitor.getByLabel(/Your email/)).toHaveCount(0);
  await visitor
    .getByRole('group', { name: 'Overall, how satisfied are you?' })
    .getByText('Very happy', { exact: true })
    .click();
  await visitor.getByLabel(/Anything you would like to tell us/).fill(comment);
  await visitor.getByRole('button', { name: 'Send feedback' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();

  // The same link with its signature changed is answered as anonymous, and says so.
  // One character in the middle of the signature changed.
  const at = url.length - 10;
  const forged = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
  await visitor.goto(forged);
  await expect(visitor.getByText(/This personal link is not valid/)).toBeVisible();
  await expect(visitor.getByLabel(/Your email/)).toBeVisible();
  await visitorContext.close();

  // It is on the customer's timeline straight away, marked as verified by the link.
  await staff.goto(customerUrl);
  const timeline = staff.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText(comment)).toBeVisible();
  await timeline.getByRole('link', { name: 'Delivery and installation' }).click();
  await expect(
    staff.getByRole('heading', { level: 1, name: `Delivery and installation · ${customerName}` }),
  ).toBeVisible();
  await expect(staff.locator('dt', { hasText: /^Customer$/ }).locator('xpath=following-sibling::dd[1]')).toContainText(
    'Verified by a personal link',
  );
  await staffContext.close();
});
