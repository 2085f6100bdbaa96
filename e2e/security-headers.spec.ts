import { expect, test, type Page } from '@playwright/test';
import { storageStatePath, type DemoRole } from './accounts';

/*
 * Every page of every role, checked in a real browser for Content-Security-Policy violations: the
 * nonce must reach every script Next.js inlines, and nothing the app renders may be blocked.
 */

const PAGES = [
  '/',
  '/dashboard',
  '/dashboard?granularity=week&from=2026-01-01&to=2026-03-31',
  '/my-work',
  '/log',
  '/interactions',
  '/interactions/import',
  '/customers',
  '/customers/new',
  '/customers/import',
  '/defects',
  '/defects/new',
  '/account/password',
  '/admin/users',
  '/admin/api-keys',
  '/admin/audit',
  '/admin/categories',
  '/admin/segments',
  '/admin/stages',
  '/admin/touchpoints',
  '/admin/touchpoints/new',
  '/admin/feedback',
];

/** Detail pages: the first link of each kind found on its list page. */
const DETAILS: { list: string; link: RegExp }[] = [
  { list: '/interactions', link: /^\/interactions\/[0-9a-f-]{36}$/ },
  { list: '/customers', link: /^\/customers\/[0-9a-f-]{36}$/ },
  { list: '/defects', link: /^\/defects\/[0-9a-f-]{36}$/ },
  { list: '/admin/touchpoints', link: /^\/admin\/touchpoints\/[0-9a-f-]{36}$/ },
];

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load: CSP ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

async function detailPaths(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const { list, link } of DETAILS) {
    const response = await page.goto(list);
    if (response?.status() !== 200) continue;
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const match = hrefs.find((href) => link.test(href));
    if (match) found.push(match, ...(match.startsWith('/customers/') ? [`${match}/edit`] : []));
  }
  return found;
}

for (const role of ['admin', 'manager', 'staff'] as DemoRole[]) {
  test(`no page breaks the Content-Security-Policy for ${role}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ storageState: storageStatePath(role) });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const paths = [...PAGES, ...(await detailPaths(page))];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      expect(response?.headers()['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[^']+'/);
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
    await context.close();
  });
}

test('the sign-in and public feedback pages keep the policy too', async ({ browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  await admin.goto('/admin/feedback');
  const links = await admin.locator('a[href*="/f/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  const feedback = links.find((href) => /\/f\/[^/]+$/.test(href));
  if (feedback) {
    await page.goto(feedback);
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
  await context.close();
});

test('pages, the API and exports send the security headers', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath('admin') });
  for (const path of ['/dashboard', '/api/health', '/api/v1/openapi.json', '/customers/export', '/login']) {
    const response = await context.request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('same-origin');
    // Served over plain http here, so no HSTS.
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
  await context.close();
});
