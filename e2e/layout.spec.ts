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
