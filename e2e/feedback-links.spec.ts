import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageStatePath } from './accounts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let addressCounter = 0;

/** A visitor on a phone, from an address of their own so the rate limit of one test never hits another. */
async function phoneVisitor(browser: Browser) {
  addressCounter += 1;
  const context = await browser.newContext({
    ...PHONE,
    extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${addressCounter}, 10.0.0.1` },
  });
  return { context, page: await context.newPage() };
}

/** Turns a touchpoint's feedback link on as the admin and returns the public URL shown. */
async function turnOnLink(admin: Page, touchpoint: string): Promise<string> {
  await admin.goto('/admin/feedback');
  await admin.getByRole('button', { name: `Turn on link for ${touchpoint}` }).click();
  const card = admin.getByRole('region', { name: touchpoint });
  await expect(card.getByText('Link on', { exact: true })).toBeVisible();
  const url = await card.getByLabel('Public link').inputValue();
  expect(url).toMatch(/\/f\/[A-Za-z0-9_-]{43}$/);
  return url;
}

async function dashboardNumber(page: Page, label: string): Promise<number> {
  const value = page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  return Number((await value.innerText()).replace(/[^\d]/g, ''));
}

test('a visitor answers on a phone with the keyboard alone; the feedback and its defects reach the manager and the admin', async ({
  browser,
}) => {
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  const url = await turnOnLink(admin, 'Support hotline');

  // The QR code downloads as a real PNG and SVG.
  const card = admin.getByRole('region', { name: 'Support hotline' });
  await expect(card.getByRole('img', { name: 'QR code of the feedback link for Support hotline' })).toBeVisible();
  const [png] = await Promise.all([
    admin.waitForEvent('download'),
    card.getByRole('link', { name: /Download PNG/ }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('feedback-qr-support-hotline.png');
  expect([...(await readFile((await png.path())!)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const [svg] = await Promise.all([
    admin.waitForEvent('download'),
    card.getByRole('link', { name: /Download SVG/ }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('feedback-qr-support-hotline.svg');
  expect((await readFile((await svg.path())!, 'utf8')).startsWith('<svg')).toBe(true);

  const managerContext = await browser.newContext({ storageState: storageStatePath('manager') });
  const manager = await managerContext.newPage();
  await manager.goto('/dashboard');
  const before = {
    interactions: await dashboardNumber(manager, 'Interactions'),
    defects: await dashboardNumber(manager, 'Defects'),
  };

  const { context, page } = await phoneVisitor(browser);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Support hotline' })).toBeVisible();
  // Nothing of the company's beyond the touchpoint's name: not even a link into the app.
  await expect(page.getByRole('link')).toHaveCount(0);

  const group = (name: string | RegExp) => page.getByRole('group', { name });
  await page.keyboard.press('Tab');
  await expect(group('Before, what did you expect?').getByRole('radio', { name: '1 Very poor' })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(group('Before, what did you expect?').getByRole('radio', { name: '5 Excellent' })).toBeChecked();

  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(group('And how was it, really?').getByRole('radio', { name: '2 Poor' })).toBeChecked();

  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(group('Overall, how satisfied are you?').getByRole('radio', { name: 'Very unhappy' })).toBeChecked();

  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(group(/recommend us/).getByRole('radio', { name: '3', exact: true })).toBeChecked();

  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(group(/How easy/).getByRole('radio', { name: '2', exact: true })).toBeChecked();

  const comment = `<script>window.__pwned = true</script> Forty minutes on hold ${Date.now()}`;
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Anything you would like to tell us/)).toBeFocused();
  await page.keyboard.type(comment);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Your email/)).toBeFocused();
  // The honeypot is out of the tab order: the next stop is the button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send feedback' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await context.close();

  // The manager's dashboard counts the interaction and the two defects it raised (below
  // expectation and low CSAT). Other specs may add more in parallel, never fewer.
  await manager.reload();
  expect(await dashboardNumber(manager, 'Interactions')).toBeGreaterThanOrEqual(before.interactions + 1);
  expect(await dashboardNumber(manager, 'Defects')).toBeGreaterThanOrEqual(before.defects + 2);
  await managerContext.close();

  // The admin sees the response with its defects, and the script in the comment as plain text.
  await admin.goto('/admin/feedback');
  const response = admin.getByTestId('recent-feedback').filter({ hasText: comment });
  await expect(response).toHaveCount(1);
  await expect(response.getByText(comment, { exact: true })).toBeVisible();
  await expect(response.locator('dt', { hasText: 'Defects' }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    '2',
  );
  await expect(response.getByText('Anonymous')).toBeVisible();
  expect(await admin.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await adminContext.close();
});

test('a rotated link and a switched-off link give a friendly not-found page', async ({ browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  const oldUrl = await turnOnLink(admin, 'Service visit');
  const card = admin.getByRole('region', { name: 'Service visit' });

  await card.getByRole('button', { name: 'Rotate link for Service visit' }).click();
  await card.getByRole('button', { name: 'Rotate now' }).click();
  await expect(card.getByLabel('Public link')).not.toHaveValue(oldUrl);
  const newUrl = await card.getByLabel('Public link').inputValue();

  const { context, page } = await phoneVisitor(browser);
  const gone = await page.goto(oldUrl);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This feedback link is no longer in use' })).toBeVisible();
  await expect(page.getByText('Service visit')).toHaveCount(0);

  await page.goto(newUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Service visit' })).toBeVisible();

  await card.getByRole('button', { name: 'Switch off link for Service visit' }).click();
  await expect(card.getByText('Link off', { exact: true })).toBeVisible();
  const off = await page.goto(newUrl);
  expect(off?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This feedback link is no longer in use' })).toBeVisible();
  await context.close();
  await adminContext.close();
});

test('a wrong answer is explained next to its field, and the other answers are kept', async ({ browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const url = await turnOnLink(await adminContext.newPage(), 'Onboarding call');
  await adminContext.close();

  const { context, page } = await phoneVisitor(browser);
  await page.goto(url);
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByRole('status').getByText('Answer at least one question before sending.')).toBeVisible();

  await page.getByText('Happy', { exact: true }).click();
  await page.getByLabel(/Your email/).fill('not an email');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByLabel(/Your email/)).toHaveAccessibleDescription(
    /Enter a valid email address, or leave it empty\./,
  );
  await expect(page.getByRole('radio', { name: 'Happy', exact: true })).toBeChecked();

  await page.getByLabel(/Your email/).fill('');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  await context.close();
});

test('staff and managers cannot reach the feedback links page or the QR codes', async ({ browser }) => {
  for (const role of ['staff', 'manager'] as const) {
    const context = await browser.newContext({ storageState: storageStatePath(role) });
    const page = await context.newPage();
    expect((await page.goto('/admin/feedback'))?.status()).toBe(403);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback links' }),
    ).toHaveCount(0);
    const qr = await page.request.get('/admin/feedback/00000000-0000-4000-8000-000000000000/qr?format=png');
    expect(qr.status()).toBe(403);
    await context.close();
  }
});

test('the form works without JavaScript', async ({ browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const url = await turnOnLink(await adminContext.newPage(), 'Monitoring app');
  await adminContext.close();

  const context = await browser.newContext({
    ...PHONE,
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.250' },
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByText('Answer at least one question before sending.')).toBeVisible();
  await page.getByText('Neutral', { exact: true }).click();
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  await context.close();
});
