import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { storageStatePath } from './accounts';

const unreadOf = async (name: string | null) => Number(/(\d+) unread/.exec(name ?? '')?.[1] ?? 0);

test('a manager assigns a defect; staff see the bell count rise and open the notification', async ({ browser }) => {
  const title = `Till queue complaint ${Date.now()}`;
  const staffContext = await browser.newContext({ storageState: storageStatePath('staff') });
  const staff = await staffContext.newPage();
  await staff.goto('/my-work');
  const bell = staff.getByTestId('notification-bell');
  const before = await unreadOf(await bell.getAttribute('aria-label'));

  const managerContext = await browser.newContext({ storageState: storageStatePath('manager') });
  const manager = await managerContext.newPage();
  await manager.goto('/defects?status=open');
  await manager.getByRole('table').locator('tbody').getByRole('link').first().click();
  await expect(manager).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
  const defectUrl = manager.url();
  await manager.getByLabel('Title').fill(title);
  await manager.getByLabel('Owner').selectOption({ label: 'Sam Staff' });
  await manager.getByRole('button', { name: 'Save changes' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await managerContext.close();

  // The job runner delivers within a second or two; the bell shows it on the next page load.
  await expect(async () => {
    await staff.reload();
    expect(await unreadOf(await bell.getAttribute('aria-label'))).toBeGreaterThan(before);
  }).toPass({ timeout: 20_000 });
  await expect(staff.getByTestId('notification-count')).toBeVisible();

  await bell.click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await staff.getByRole('link', { name: `Assigned to you: ${title}` }).click();
  await expect(staff).toHaveURL(defectUrl);
  await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await staffContext.close();
});

test('an admin adds a webhook, sends a test ping and sees it in the delivery log', async ({ browser }) => {
  // A real receiver on loopback that checks the signature with the secret the page showed.
  let secret = '';
  const received: { verified: boolean; type: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const payload = new Webhook(secret).verify(body, req.headers as Record<string, string>) as { type: string };
        received.push({ verified: true, type: payload.type });
        res.statusCode = 204;
      } catch {
        received.push({ verified: false, type: '' });
        res.statusCode = 401;
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/outsidein`;

  try {
    const context = await browser.newContext({ storageState: storageStatePath('admin') });
    const admin = await context.newPage();
    await admin.goto('/admin/webhooks');

    // The receiver is on loopback, which is refused until an admin allows it.
    await admin.getByLabel('Endpoint URL').fill(url);
    await admin.getByLabel(/A case is opened/).check();
    await admin.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(admin.getByText(/loopback, link-local or private address/)).toBeVisible();

    await admin.getByLabel(/Allow endpoints on loopback/).check();
    await admin.getByRole('button', { name: 'Save setting' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    await admin.getByLabel('Endpoint URL').fill(url);
    await admin.getByLabel('Description (optional)').fill('Help desk');
    await admin.getByLabel(/A case is opened/).check();
    await admin.getByRole('button', { name: 'Add endpoint' }).click();
    secret = (await admin.getByTestId('one-time-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);

    await admin.getByRole('link', { name: url }).click();
    await expect(admin.getByRole('heading', { level: 1, name: url })).toBeVisible();
    await admin.getByRole('button', { name: 'Send test ping' }).click();
    await expect(admin.getByText(/Delivered: the endpoint answered 204 in \d+ ms\./)).toBeVisible();
    expect(received).toEqual([{ verified: true, type: 'webhook.test' }]);

    await admin.reload();
    const log = admin.getByRole('region', { name: 'Delivery log' });
    await expect(log.getByRole('cell', { name: /webhook\.test/ })).toBeVisible();
    await expect(log.getByText('Delivered', { exact: true })).toBeVisible();
    await expect(log.getByText('HTTP 204')).toBeVisible();
    await context.close();
  } finally {
    server.close();
  }
});
