import { expect, test } from '@playwright/test';
import { account, HOME_HEADING, signIn, storageStatePath, type DemoRole } from './accounts';

test.describe('signing in', () => {
  for (const role of ['admin', 'manager', 'staff'] as DemoRole[]) {
    test(`the demo ${role} signs in through the login page and lands on their home`, async ({ page }) => {
      const { email, password, name } = account(role);
      await signIn(page, email, password);
      await expect(page.getByRole('heading', { level: 1, name: HOME_HEADING[role] })).toBeVisible();
      await expect(page).toHaveURL(role === 'staff' ? /\/my-work$/ : /\/dashboard$/);
      await expect(page.getByTestId('current-user-name')).toHaveText(name);
    });
  }

  test('a wrong password fails with a clear message', async ({ page }) => {
    await signIn(page, account('manager').email, 'not the password');
    await expect(
      page.getByRole('status').getByText('That email and password do not match an active account.'),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel('Email')).toHaveValue(account('manager').email);
  });

  test('an empty form says what is missing next to each field', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid email address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  test('repeated failures from one browser are slowed down, even with the right password after', async ({ page }) => {
    // Another seeded staff member, so the demo accounts stay usable for the other tests.
    const email = 'grace.kim@outsidein.test';
    // Three failures are free; the fourth attempt of the same (email, address) pair must wait 5 s.
    for (let i = 0; i < 3; i++) {
      await signIn(page, email, `guess number ${i}`);
      await expect(page.getByRole('status').getByText(/do not match/)).toBeVisible();
    }
    await signIn(page, email, account('staff').password);
    await expect(page.getByRole('status').getByText(/Too many failed sign-ins/)).toBeVisible();
  });

  test('a user an admin deactivates can no longer sign in', async ({ browser }) => {
    const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
    const admin = await adminContext.newPage();
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: 'Deactivate Omar Haddad' }).click();
    await expect(admin.getByRole('button', { name: 'Reactivate Omar Haddad' })).toBeVisible();
    await adminContext.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'omar.haddad@outsidein.test', account('staff').password);
    await expect(page.getByRole('status').getByText(/deactivated/)).toBeVisible();
    await context.close();
  });
});

test.describe('anonymous visitors', () => {
  test('are sent to the sign-in page from every signed-in page', async ({ page }) => {
    for (const path of ['/', '/dashboard', '/my-work', '/admin/users']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
    }
  });

  test('get 401 from the API', async ({ request }) => {
    const response = await request.get('/api/v1/touchpoints');
    expect(response.status()).toBe(401);
  });
});
