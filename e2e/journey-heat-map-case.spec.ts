import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test.use({ viewport: { width: 1280, height: 900 } });

test('an admin names a stage’s case owner; a manager opens a case from a heat-map cell and it goes to that owner', async ({
  browser,
}) => {
  // The admin hands the Awareness stage's cases to Priya Shah.
  const admin = await browser.newContext({ storageState: storageStatePath('admin') });
  const adminPage = await admin.newPage();
  await adminPage.goto('/admin/stages');
  const owner = adminPage.getByLabel('Owner of Awareness’s cases');
  await expect(owner).toHaveValue('');
  await owner.selectOption({ label: 'Priya Shah' });
  const form = adminPage.locator('form', { has: owner });
  await form.getByRole('button', { name: 'Save owner' }).click();
  await expect(form.getByText('Owner saved.')).toBeVisible();
  await adminPage.reload();
  await expect(adminPage.getByLabel('Owner of Awareness’s cases').locator('option:checked')).toHaveText('Priya Shah');
  await admin.close();

  // The manager opens a case on the Search advert's chart straight from its heat-map cell.
  const manager = await browser.newContext({ storageState: storageStatePath('manager') });
  const page = await manager.newPage();
  await page.goto('/dashboard');
  const heat = page.getByRole('region', { name: 'Journey heat map' });
  await heat.getByRole('link', { name: 'Open a case on Search advert' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open a case' })).toBeVisible();
  await expect(page).toHaveURL(/scope=touchpoint&touchpointId=[0-9a-f-]{36}/);
  await expect(page.getByRole('definition').filter({ hasText: 'Search advert' })).toBeVisible();
  await page.getByLabel('Title').fill('Search adverts bring the wrong leads');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Search adverts bring the wrong leads');
  // The touchpoint has no owner of its own: its stage's owner answers for the case.
  await expect(page.getByRole('definition').filter({ hasText: /^Priya Shah$/ })).toBeVisible();
  await manager.close();
});
