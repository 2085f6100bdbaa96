import { expect, test } from '@playwright/test';
import { signIn, storageStatePath } from './accounts';

test('an admin creates a user whose first sign-in forces a new password', async ({ browser }) => {
  const email = `new.starter.${Date.now()}@outsidein.test`;
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  await admin.goto('/admin/users');
  const form = admin.getByRole('region', { name: 'New user' });
  await form.getByLabel('Name').fill('Nia Starter');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('staff');
  await form.getByRole('button', { name: 'Create user' }).click();
  const secret = admin.getByTestId('one-time-secret');
  await expect(secret).toBeVisible();
  const oneTimePassword = (await secret.textContent())!.trim();
  expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);
  await expect(admin.getByRole('listitem', { name: 'Nia Starter' })).toContainText('Must choose a new password');
  // Shown once: a reload no longer has it.
  await admin.reload();
  await expect(admin.getByTestId('one-time-secret')).toHaveCount(0);
  await expect(admin.getByText(oneTimePassword)).toHaveCount(0);
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Change password' })).toBeVisible();
  // Every other page sends them back until they choose their own.
  await page.goto('/my-work');
  await expect(page).toHaveURL(/\/account\/password$/);

  await page.getByLabel('One-time or current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('New password again').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();

  await page.getByLabel('One-time or current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('nia chose this herself');
  await page.getByLabel('New password again').fill('nia chose this herself');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, email, 'nia chose this herself');
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await context.close();
});

test('an admin issues an API key shown once, and revokes it', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath('admin') });
  const page = await context.newPage();
  const name = `BI export ${Date.now()}`;
  await page.goto('/admin/api-keys');
  const form = page.getByRole('region', { name: 'New API key' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create API key' }).click();
  const key = (await page.getByTestId('one-time-secret').textContent())!.trim();
  expect(key).toMatch(/^oi_[0-9a-f]{8}_/);

  const anonymous = await browser.newContext();
  const ok = await anonymous.request.get('/api/v1/touchpoints', { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);

  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).not.toContainText('Never');
  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(row).toContainText('Revoked');
  const refused = await anonymous.request.get('/api/v1/touchpoints', { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);

  await page.goto(`/admin/audit?action=api_key.revoked`);
  await expect(page.getByRole('row', { name: /api_key\.revoked/ }).first()).toContainText('admin@outsidein.test');
  await anonymous.close();
  await context.close();
});
