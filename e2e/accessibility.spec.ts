import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { storageStatePath, type DemoRole } from './accounts';
import { resolvePath, SITE_PAGES } from './site-pages';

/*
 * axe-core on every page, as every role, in the light and the dark theme: zero violations of
 * WCAG 2.1 A and AA and axe's best practices. A new page belongs in site-pages.ts.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

for (const role of ['admin', 'manager', 'staff'] as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });
    // axe runs twice per page (light and dark); the largest pages (the defect board) need more than 30 s.
    test.setTimeout(90_000);
    for (const site of SITE_PAGES.filter((s) => s.roles.includes(role))) {
      test(`${site.name}: no axe violations, light and dark`, async ({ page }) => {
        const path = await resolvePath(page, site);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.goto(path);
          await page.waitForLoadState('networkidle');
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          const found = violations.map((v) => ({
            rule: v.id,
            help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
          }));
          expect(found, `${colorScheme} theme of ${path}`).toEqual([]);
        }
      });
    }
  });
}

test.describe('signed out', () => {
  test('the sign-in page has no axe violations, light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/login');
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => v.id)).toEqual([]);
    }
  });
});
