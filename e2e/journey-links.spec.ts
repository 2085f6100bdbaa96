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

  // A lost sale I log raises a defect nobody owns yet. I logged it, so I may follow it read-only:
  // the interaction links it; the customer timeline names it without a link (no dead link either way).
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
  await expect(defects.getByRole('link')).toHaveCount(1);
  const loggedDefectPath = await defects.getByRole('link').getAttribute('href');
  expect(loggedDefectPath).toMatch(/^\/defects\/[0-9a-f-]{36}$/);
  await page
    .locator('dt', { hasText: /^Customer$/ })
    .locator('xpath=following-sibling::dd[1]')
    .getByRole('link')
    .click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText(/^Defect:/)).toContainText('Lost sale');
  await expect(timeline.getByRole('link', { name: 'Lost sale' })).toHaveCount(0);
  await expect(timeline.getByRole('link', { name: 'Quote by email' })).toBeVisible();

  // The interaction's link opens the defect, read-only: nothing to work, and who will.
  expect((await page.goto(loggedDefectPath!))?.status()).toBe(200);
  await expect(page.getByText('You logged the interaction that raised this defect')).toContainText(
    'A manager will assign it.',
  );
  await expect(page.getByRole('main').getByRole('button', { name: /^(Move to|Back to|Dismiss)/ })).toHaveCount(0);
});
