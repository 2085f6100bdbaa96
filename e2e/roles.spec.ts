import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test.describe('as staff', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('the navigation shows only what staff may use', async ({ page }) => {
    await page.goto('/my-work');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'My work' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  });

  test('the dashboard and admin pages answer 403 and show nothing of theirs', async ({ page }) => {
    for (const path of ['/dashboard', '/admin/users']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    }
    await expect(page.getByText('admin@outsidein.test')).toHaveCount(0);
  });

  test('My work lists the interactions this user logged', async ({ page }) => {
    await page.goto('/my-work');
    await expect(page.getByRole('heading', { name: 'My recent interactions' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(0);
  });
});

test.describe('as a manager', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('the dashboard shows real counts from the database', async ({ page }) => {
    await page.goto('/dashboard');
    const interactions = page.locator('dt', { hasText: /^Interactions$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(interactions).toHaveText(/^[1-9][\d,]*$/);
  });

  test('the admin pages answer 403', async ({ page }) => {
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
  });

  test('signing out returns to the sign-in page', async ({ browser }) => {
    // A context of its own, so signing out does not end the shared manager session.
    const context = await browser.newContext({ storageState: storageStatePath('manager') });
    const page = await context.newPage();
    await page.goto('/dashboard');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login$/);
    await context.close();
  });
});
