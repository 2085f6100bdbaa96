import { expect, test, type Page, type Request } from '@playwright/test';
import { storageStatePath } from './accounts';
import { holdAnswer } from './hold-answer';

/*
 * A page view costs the server one render. Links do not prefetch (components/ui/link.tsx): every
 * page renders per request, so a prefetch cost the server ~20 ms per link in view and still left
 * the click to fetch the page. A click on a link is one client-side request, not a reload. The
 * icons are cached by the browser (next.config.mjs) instead of fetched whole with every page.
 */

test.use({ storageState: storageStatePath('manager') });

const isPrefetch = (request: Request) => request.headers()['next-router-prefetch'] !== undefined;
// What the server renders: documents and the router's fetches (not scripts, styles or the icon).
const isPageData = (request: Request) => ['document', 'fetch'].includes(request.resourceType());

test('a list page, hovered over, asks the server for nothing but itself', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto('/interactions');
  await page.waitForLoadState('networkidle');
  // Hover and focus the first links of the navigation and of the list, as a reader's pointer would.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Defects' }).hover();
  await page.getByRole('table').getByRole('link').first().hover();
  await nav.getByRole('link', { name: 'Customers' }).focus();
  await page.waitForLoadState('networkidle');
  expect(requests.filter(isPrefetch).map((r) => r.url())).toEqual([]);
  expect(requests.filter(isPageData).map((r) => new URL(r.url()).pathname)).toEqual(['/interactions']);
});

test('a click on a link navigates in the page with one request', async ({ page }) => {
  await page.goto('/interactions');
  await page.waitForLoadState('networkidle');
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Defects' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Defects' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const data = requests.filter(isPageData);
  expect(data.map((r) => `${r.resourceType()} ${new URL(r.url()).pathname}`)).toEqual(['fetch /defects']);
  expect(data[0]?.headers()['rsc']).toBe('1');
});

test('the icons are kept by the browser, not fetched again on every page', async ({ page, request }) => {
  await page.goto('/interactions');
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  expect(icons.length).toBeGreaterThan(0);
  for (const icon of icons) {
    const response = await request.get(icon);
    expect(response.status(), icon).toBe(200);
    expect(response.headers()['cache-control'], icon).toBe('public, max-age=86400');
  }
});

test('a clicked navigation link shows it is on the way until its page arrives', async ({ page }) => {
  await page.goto('/interactions');
  await page.waitForLoadState('networkidle');
  const release = await holdAnswer(page, /\/defects\?_rsc=/);
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Defects' });
  const hint = link.locator('span[aria-hidden="true"]');
  await expect(hint).not.toHaveAttribute('data-pending');
  await link.click();
  await expect(hint).toHaveAttribute('data-pending', 'true');
  await expect(page).toHaveURL(/\/interactions$/);
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Defects' })).toBeVisible();
  await expect(hint).not.toHaveAttribute('data-pending');
});

test('a link inside a page shows the bar across the top until its page arrives', async ({ page }) => {
  const bar = page.getByTestId('navigation-progress');
  /** Clicks `link`, holding the answer for `held` until the bar shows, then lets it through. */
  const clickHeld = async (link: ReturnType<Page['getByRole']>, held: RegExp) => {
    const release = await holdAnswer(page, held);
    await expect(bar).not.toHaveAttribute('data-pending');
    await link.click();
    await expect(bar).toHaveAttribute('data-pending', 'true');
    // Seen: faded in after its short delay (it pulses, so not at a fixed opacity).
    await expect.poll(() => bar.evaluate((e) => Number(getComputedStyle(e).opacity))).toBeGreaterThan(0.4);
    release();
  };

  // A row of a list (a Link).
  await page.goto('/interactions');
  await page.waitForLoadState('networkidle');
  await clickHeld(
    page.getByRole('table').getByRole('link').filter({ hasText: /\d/ }).first(),
    /\/interactions\/[0-9a-f-]{36}\?_rsc=/,
  );
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Interactions');
  await expect(bar).not.toHaveAttribute('data-pending');

  // A number on the dashboard (a plain anchor the dashboard routes itself).
  await page.goto('/dashboard');
  await page.waitForLoadState('networkidle');
  const kpis = page.getByRole('region', { name: 'Key figures' });
  await clickHeld(kpis.getByRole('link').first(), /\/(interactions|defects)\?.*_rsc=/);
  await expect(page).not.toHaveURL(/\/dashboard/);
  await expect(bar).not.toHaveAttribute('data-pending');

  // A spot on the same page is not a page load.
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  await expect(bar).not.toHaveAttribute('data-pending');
});
