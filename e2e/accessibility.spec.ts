import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storageStatePath, type DemoRole } from './accounts';
import { resolvePath, SITE_PAGES } from './site-pages';

/*
 * axe-core on every page, as every role, in the light and the dark theme: zero violations of
 * WCAG 2.1 A and AA and axe's best practices. A new page belongs in site-pages.ts.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Switches to the dark theme and waits out the colour transitions it starts (at most 2 s), so axe
 * reads final colours. Only transitions: an endless animation (a skeleton's pulse) never finishes.
 */
async function darken(page: Page) {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => {
    const transitions = document.getAnimations().filter((animation) => animation instanceof CSSTransition);
    const ended = Promise.allSettled(transitions.map((transition) => transition.finished));
    return Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/** axe's findings, at most five elements each, in a form a failed assertion prints readably. */
async function violations(axe: AxeBuilder) {
  const { violations: found } = await axe.analyze();
  return found.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
  }));
}

for (const role of ['admin', 'manager', 'staff'] as DemoRole[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });
    // The largest pages (the defect board) need more than 30 s on a loaded 2-core machine.
    test.setTimeout(90_000);
    for (const site of SITE_PAGES.filter((s) => s.roles.includes(role))) {
      test(`${site.name}: no axe violations, light and dark`, async ({ page }) => {
        const path = await resolvePath(page, site);
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect(await violations(new AxeBuilder({ page }).withTags(TAGS)), `light theme of ${path}`).toEqual([]);
        // The theme follows prefers-color-scheme in CSS alone, so the page switches without a
        // reload, and only colour can differ: the dark pass runs the colour rules.
        await darken(page);
        expect(await violations(new AxeBuilder({ page }).withRules(COLOUR_RULES)), `dark theme of ${path}`).toEqual([]);
      });
    }
  });
}

test.describe('signed out', () => {
  test('the sign-in page has no axe violations, light and dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/login');
    expect(await violations(new AxeBuilder({ page }).withTags(TAGS)), 'light theme').toEqual([]);
    await darken(page);
    expect(await violations(new AxeBuilder({ page }).withRules(COLOUR_RULES)), 'dark theme').toEqual([]);
  });
});
