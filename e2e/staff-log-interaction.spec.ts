import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test.use({ storageState: storageStatePath('staff') });

test('staff logs an interaction for a brand-new customer with the keyboard alone, then finds it on the timeline', async ({
  page,
}) => {
  const name = `Keyboard Kim ${Date.now()}`;
  await page.goto('/log');
  const search = page.getByRole('combobox', { name: 'Customer' });
  await expect(search).toBeFocused();

  await page.keyboard.type(name);
  const create = page.getByRole('option', { name: `Create new customer “${name}”` });
  await expect(create).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No customer found; you can create one')).toBeAttached();
  // Enter waits until the search has answered the whole name (it must not create a duplicate of
  // someone the search would find); that status can still be a shorter prefix's answer, so wait
  // for the hint to stop saying "Searching…".
  await expect(page.getByText('Type to search; ↓ ↑ to move, Enter to choose')).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await page.keyboard.type('kim@example.test');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Company')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Phone')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Touchpoint')).toBeFocused();
  await page.keyboard.type('Sales enquiry call');
  await expect(page.getByLabel('Touchpoint').locator('option:checked')).toHaveText('Sales enquiry call');
  await page.keyboard.press('Control+Enter');

  const status = page.getByRole('status').filter({ hasText: 'Saved' });
  await expect(status).toContainText(`Saved: Sales enquiry call with ${name} (new customer). No defect raised.`);
  // Ready for the next one: the search is empty and focused again.
  await expect(page.getByRole('combobox', { name: 'Customer' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Customer' })).toHaveValue('');

  await page.getByRole('link', { name: 'Open the customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const timeline = page
    .getByRole('region', { name: 'Timeline' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: 'Timeline' }) }));
  await expect(timeline.getByRole('link', { name: 'Sales enquiry call' })).toBeVisible();
  await expect(page.locator('dt', { hasText: /^Interactions$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    '1',
  );
});

test('a lost sale shows up as a defect, in the confirmation and on the interaction', async ({ page }) => {
  const name = `Lost Larry ${Date.now()}`;
  await page.goto('/log');
  await page.getByRole('combobox', { name: 'Customer' }).fill(name);
  await page.getByRole('option', { name: `Create new customer “${name}”` }).click();
  await page.getByLabel('Touchpoint').selectOption({ label: 'Quote by email' });
  await page.getByLabel('Outcome').selectOption({ label: 'Sale lost' });
  await page.getByLabel('Sale value (£)').fill('450');
  await page.getByRole('button', { name: 'Save interaction' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
    'It raised a defect: Lost sale (£450).',
  );
  await page.getByRole('link', { name: 'View the interaction' }).click();
  await expect(page.getByRole('heading', { name: 'Defects (1)' })).toBeVisible();
  await expect(page.getByText('Lost revenue £450')).toBeVisible();
});

test('a bad value is refused beside its field and the typed values stay', async ({ page }) => {
  await page.goto('/log');
  await page.getByRole('combobox', { name: 'Customer' }).fill('zz-nobody');
  await page.getByRole('option', { name: 'No customer (anonymous)' }).click();
  await page.getByLabel('Touchpoint').selectOption({ label: 'Support chat' });
  await page.getByLabel('Sale value (£)').fill('-20');
  await page.getByLabel('Notes').fill('Keep me');
  await page.getByRole('button', { name: 'Save interaction' }).click();
  await expect(page.getByText('The sale value cannot be negative.')).toBeVisible();
  await expect(page.getByLabel('Sale value (£)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Notes')).toHaveValue('Keep me');
});
