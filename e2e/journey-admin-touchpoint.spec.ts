import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test('a touchpoint an admin creates reaches staff at once, and after deactivation leaves the form but not the history', async ({
  browser,
}) => {
  const stamp = Date.now();
  const name = `Pop-up stand ${stamp}`;
  const customer = `Journey Jo ${stamp}`;

  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  const staffContext = await browser.newContext({ storageState: storageStatePath('staff') });
  const staff = await staffContext.newPage();

  // The admin creates it.
  await admin.goto('/admin/touchpoints/new');
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Journey stage').selectOption({ label: 'Purchase' });
  await admin.getByLabel('Channel').selectOption({ label: 'In person' });
  await admin.getByLabel('Opportunities per interaction').fill('3');
  await admin.getByRole('button', { name: 'Create touchpoint' }).click();
  await expect(admin).toHaveURL(/\/admin\/touchpoints$/);

  // Staff find it at once, under its stage, and log an interaction to it.
  await staff.goto('/log');
  const touchpoint = staff.getByLabel('Touchpoint');
  await expect(touchpoint.locator('optgroup[label="Purchase"] option', { hasText: name })).toHaveCount(1);
  await staff.getByRole('combobox', { name: 'Customer' }).fill(customer);
  await staff.getByRole('option', { name: `Create new customer “${customer}”` }).click();
  await touchpoint.selectOption({ label: name });
  await staff.getByLabel('Notes').fill('Asked about heat pumps at the stand.');
  await staff.getByRole('button', { name: 'Save interaction' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
    `Saved: ${name} with ${customer} (new customer).`,
  );
  await staff.getByRole('link', { name: 'View the interaction' }).click();
  await expect(staff).toHaveURL(/\/interactions\/[0-9a-f-]{36}$/);
  const interactionUrl = staff.url();

  // The admin deactivates it.
  await admin.getByRole('region', { name: 'Purchase' }).getByRole('link', { name }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await admin.getByRole('button', { name: 'Deactivate touchpoint' }).click();
  await expect(admin.getByRole('button', { name: 'Activate touchpoint' })).toBeVisible();
  await adminContext.close();

  // Gone from the logging form...
  await staff.goto('/log');
  await expect(staff.getByLabel('Touchpoint').locator('option', { hasText: 'Sales enquiry call' })).toHaveCount(1);
  await expect(staff.getByLabel('Touchpoint').locator('option', { hasText: name })).toHaveCount(0);

  // ...but the interaction keeps it: the list still filters on it, and the detail page names it.
  await staff.goto('/interactions');
  const filters = staff.getByRole('form', { name: 'Filter interactions' });
  await filters.getByLabel('Touchpoint').selectOption({ label: `Purchase: ${name} (no longer in use)` });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(staff).toHaveURL(/touchpoint=[0-9a-f-]{36}/);
  await expect(staff.getByText('Rows 1–1 of 1')).toBeVisible();
  const row = staff.getByRole('row').filter({ hasText: customer });
  await expect(row).toContainText(name);
  await row.getByRole('link').first().click();
  await expect(staff).toHaveURL(interactionUrl);
  await expect(staff.getByRole('heading', { level: 1, name: `${name} · ${customer}` })).toBeVisible();
  await expect(staff.locator('dt', { hasText: /^Touchpoint$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    `${name} (Purchase, In person)`,
  );
  await staffContext.close();
});
