import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test.use({ storageState: storageStatePath('staff') });

test('staff go from their defect to its interaction and back, and see unassigned defects without a dead link', async ({
  page,
}) => {
  // One of my auto-raised defects (those always have an interaction).
  await page.goto('/defects?auto=1');
  await page.locator('table a[href^="/defects/"]').first().click();
  await expect(page).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
  const defectPath = new URL(page.url()).pathname;
  const details = page.getByRole('region', { name: 'Details' });
  await details
    .locator('dt', { hasText: /^Interaction$/ })
    .locator('xpath=following-sibling::dd[1]')
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(/\/interactions\/[0-9a-f-]{36}$/);
  await page
    .getByRole('region', { name: /^Defects \(\d+\)$/ })
    .locator(`a[href="${defectPath}"]`)
    .click();
  await expect(page).toHaveURL(defectPath);
  await expect(page.getByRole('heading', { level: 2, name: 'Workflow' })).toBeVisible();

  // A lost sale I log raises a defect nobody owns yet: it is named, but not a link I could not open.
  const name = `Linkless Lou ${Date.now()}`;
  await page.goto('/log');
  await page.getByRole('combobox', { name: 'Customer' }).fill(name);
  await page.getByRole('option', { name: `Create new customer “${name}”` }).click();
  await page.getByLabel('Touchpoint').selectOption({ label: 'Quote by email' });
  await page.getByLabel('Outcome').selectOption({ label: 'Sale lost' });
  await page.getByLabel('Sale value (£)').fill('300');
  await page.getByRole('button', { name: 'Save interaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('It raised a defect');
  await page.getByRole('link', { name: 'View the interaction' }).click();
  const defects = page.getByRole('region', { name: 'Defects (1)' });
  await expect(defects.getByRole('listitem')).toContainText('Lost sale');
  await expect(defects.getByRole('link')).toHaveCount(0);
  await page
    .locator('dt', { hasText: /^Customer$/ })
    .locator('xpath=following-sibling::dd[1]')
    .getByRole('link')
    .click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText(/^Defect:/)).toContainText('Lost sale');
  await expect(timeline.getByRole('link', { name: 'Lost sale' })).toHaveCount(0);
  await expect(timeline.getByRole('link', { name: 'Quote by email' })).toBeVisible();
});
