import { expect, test } from '@playwright/test';
import { account, signIn, storageStatePath } from './accounts';

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
});

test('signing out ends the session on the server: a kept copy of the cookie no longer works', async ({ browser }) => {
  // A further staff member of the demo company: signing out ends every session of the user, so
  // the shared demo sessions the other tests use must not be the one signed out.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'lena.novak@outsidein.test', account('staff').password);
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  const kept = await context.storageState();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/my-work');
  await expect(page).toHaveURL(/\/login$/);

  const replay = await browser.newContext({ storageState: kept });
  const replayed = await replay.newPage();
  await replayed.goto('/my-work');
  await expect(replayed).toHaveURL(/\/login$/);
  // Nor does the session endpoint refresh it.
  const session = await replayed.request.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  await replay.close();
  await context.close();
});
