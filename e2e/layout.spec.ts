import { expect, test, type Page } from '@playwright/test';
import { storageStatePath, type DemoRole } from './accounts';
import { resolvePath, SITE_PAGES } from './site-pages';

/*
 * Nothing is cut off or pushed out of view: at a desktop's 1440 px and a phone's 390 px no page
 * scrolls sideways, and no table, board or chart is wider than the box it sits in.
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Each table, board and scroller wider than the space it has, by how many pixels. */
async function overflows(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) =>
      el.getAttribute('aria-label') ??
      el.querySelector('caption, h2, h3')?.textContent?.trim() ??
      `${el.tagName} (${el.querySelector('th')?.textContent?.trim() ?? 'no header'}…)`;
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > window.innerWidth + 1)
      found.push(`the page scrolls sideways by ${doc.scrollWidth - window.innerWidth} px`);
    for (const el of document.querySelectorAll('main .table-scroll, main [data-layout="board"], main table')) {
      const box = el as HTMLElement;
      const extra = box.scrollWidth - box.clientWidth;
      if (extra > 1) found.push(`${describe(box)} overflows by ${extra} px`);
      const parent = box.parentElement;
      if (parent && box.getBoundingClientRect().right > parent.getBoundingClientRect().right + 1)
        found.push(`${describe(box)} sticks out of its container`);
    }
    return found;
  });
}

for (const role of ['admin', 'manager', 'staff'] as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });
    for (const site of SITE_PAGES.filter((s) => s.roles.includes(role))) {
      test(`${site.name}: fits at 1440 px and 390 px`, async ({ page }) => {
        const path = await resolvePath(page, site);
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          await page.goto(path);
          await page.waitForLoadState('networkidle');
          expect(await overflows(page), `${viewport.name} ${path}`).toEqual([]);
        }
      });
    }
  });
}

/** Each control of the form that sticks out past the form's right edge, by how many pixels. */
async function controlsOutside(page: Page, form: string) {
  return page.locator(form).evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    return [...el.querySelectorAll('button, a, input, select')]
      .map((c) => ({
        name: c.textContent?.trim() || c.getAttribute('name'),
        by: c.getBoundingClientRect().right - right,
      }))
      .filter((c) => c.by > 1)
      .map((c) => `${c.name} by ${Math.round(c.by)} px`);
  });
}

test.describe('a small laptop, 1024 px', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test.describe('as a manager', () => {
    test.use({ storageState: storageStatePath('manager') });
    test("the portfolio's year of cohorts scrolls in its own box, not the page", async ({ page }) => {
      await page.goto('/portfolio');
      await expect(page.getByRole('heading', { level: 2, name: 'Retention of each cohort' })).toBeVisible();
      const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(1);
    });
  });

  test.describe('as an admin', () => {
    test.use({ storageState: storageStatePath('admin') });
    test("the audit log's filter buttons stay inside the form", async ({ page }) => {
      await page.goto('/admin/audit');
      const form = 'main form[method="get"]';
      await expect(page.locator(form).getByRole('link', { name: 'Clear' })).toBeVisible();
      expect(await controlsOutside(page, form)).toEqual([]);
    });
  });
});

test.describe('the interactions list on a phone', () => {
  test.use({ storageState: storageStatePath('staff'), viewport: { width: 390, height: 844 } });

  test("a card keeps a cell's second line beside the label, in the value column", async ({ page }) => {
    await page.goto('/interactions');
    // The touchpoint's stage and channel line sits under the touchpoint, not under "Touchpoint".
    const cell = page.locator('main tbody tr').first().locator('td[data-label="Touchpoint"]');
    const cellBox = (await cell.boundingBox())!;
    const lineBox = (await cell.locator('span').first().boundingBox())!;
    // The label column is 7.5rem (120 px) wide, then a 0.75rem gap.
    expect(lineBox.x - cellBox.x).toBeGreaterThanOrEqual(120);
  });
});

// The longest filter forms: folded behind a Filters button on a phone, so the list comes first.
const FOLDED_FILTERS = [
  { role: 'staff', path: '/interactions', form: 'Filter interactions', first: 'main tbody tr' },
  { role: 'manager', path: '/inbox', form: 'Filter the inbox', first: 'main ol > li' },
] as const;

for (const { role, path, form, first } of FOLDED_FILTERS) {
  test.describe(`${path} on a phone`, () => {
    test.use({ storageState: storageStatePath(role), viewport: { width: 390, height: 844 } });

    test('folds its filters away, so the list is on the first screen', async ({ page }) => {
      await page.goto(path);
      const filters = page.getByRole('form', { name: form });
      await expect(filters).toBeHidden();
      await expect(page.locator(first).first()).toBeInViewport();
      await page.getByRole('button', { name: 'Filters' }).click();
      await expect(filters).toBeVisible();
      // Rendered in the browser: its words must have been sent there (lib/i18n/client-messages.ts).
      await expect(page.getByRole('button', { name: 'Hide filters' })).toBeVisible();
    });
  });
}
