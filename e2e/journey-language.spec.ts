import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, storageStatePath, type DemoRole } from './accounts';
import { resolvePath, SITE_PAGES } from './site-pages';

/*
 * Issue 16: a user switches their own language to German and every page of their role speaks
 * German. Each role gets a fresh user (the demo users stay English for the other specs, which run
 * beside this one). Screenshots go to docs/screenshots/ for review; the dashboard also passes the
 * axe and layout sweeps in German.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Pages whose h1 is a record's own name (data, not interface text): the same in both languages. */
const DATA_HEADINGS = new Set([
  'a feedback link',
  'an interaction',
  'a customer',
  'edit a customer',
  'a defect',
  'a touchpoint',
  'a case',
]);

/** Headings that are the same word in German. */
const SAME_IN_GERMAN = new Set(['Dashboard', 'Portfolio', 'Touchpoints', 'Webhooks']);

/** Pages also looked at on a phone, where long German words overflow first. */
const PHONE_PAGES = new Set([
  'notification settings',
  'my work',
  'interactions',
  'an interaction',
  'import interactions',
  'customers',
  'a customer',
  'new customer',
  'import customers',
]);

/** A fresh user of the role, created by the admin, signed in with a password of their own. */
async function freshUser(browser: Browser, role: DemoRole): Promise<Page> {
  const email = `sprache.${role}.${Date.now()}@outsidein.test`;
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  await admin.goto('/admin/users');
  const form = admin.getByRole('region', { name: 'New user' });
  await form.getByLabel('Name').fill(`Sprache ${role}`);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Create user' }).click();
  const oneTimePassword = (await admin.getByTestId('one-time-secret').textContent())!.trim();
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, oneTimePassword);
  await page.getByLabel('One-time or current password').fill(oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill('ein eigenes langes Passwort');
  await page.getByLabel('New password again').fill('ein eigenes langes Passwort');
  await page.getByRole('button', { name: 'Change password' }).click();
  // Checking the old password and hashing the new one (Argon2) takes seconds on a loaded CI machine.
  await expect(page).not.toHaveURL(/\/account\/password$/, { timeout: 30_000 });
  return page;
}

async function switchToGerman(page: Page) {
  await page.goto('/account/language');
  await expect(page.getByRole('heading', { level: 1, name: 'Language' })).toBeVisible();
  const select = page.getByLabel('Language', { exact: true });
  await expect(select.getByRole('option')).toHaveText(['Company default (English)', 'English', 'Deutsch']);
  await select.selectOption('de');
  await page.getByRole('button', { name: 'Save language' }).click();
  // The page reloads in the language just chosen.
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sprache' })).toBeVisible();
  await expect(page.getByLabel('Sprache', { exact: true })).toHaveValue('de');
}

for (const role of ['staff', 'manager', 'admin'] as DemoRole[]) {
  test(`a ${role} switches to German and every page of their role speaks it`, async ({ browser }) => {
    const sites = SITE_PAGES.filter((s) => s.roles.includes(role));
    // A sweep: each page opened twice (English, German) and photographed. The budget grows with
    // the role's pages (the admin has 39); a fixed 5 minutes ran out on a loaded 2-core machine.
    test.setTimeout(60_000 + sites.length * 15_000);
    const page = await freshUser(browser, role);
    await switchToGerman(page);
    // The same pages in English, as the demo user of the role sees them.
    const english = await (await browser.newContext({ storageState: storageStatePath(role) })).newPage();

    for (const site of sites) {
      const path = await resolvePath(english, site);
      await english.goto(path);
      const englishHeading = (await english.getByRole('heading', { level: 1 }).first().textContent())?.trim();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('html'), site.name).toHaveAttribute('lang', /^de/);
      const heading = page.getByRole('heading', { level: 1 }).first();
      await expect(heading, site.name).toBeVisible();
      const germanHeading = (await heading.textContent())?.trim();
      if (!DATA_HEADINGS.has(site.name) && !SAME_IN_GERMAN.has(germanHeading ?? ''))
        expect(germanHeading, `${site.name}: the h1 is translated`).not.toBe(englishHeading);
      if (site.name === 'a feedback link') await expect(page.getByText('Ihr Feedback', { exact: true })).toBeVisible();
      await page.screenshot({
        path: test.info().outputPath(`${role}-${site.name.replace(/\W+/g, '-')}-de.png`),
        fullPage: true,
      });
      if (role !== 'admin' && PHONE_PAGES.has(site.name)) {
        await page.setViewportSize({ width: 390, height: 844 });
        const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        expect.soft(sideways, `${site.name} on a phone: the page does not scroll sideways`).toBeLessThanOrEqual(1);
        await page.screenshot({
          path: test.info().outputPath(`${role}-${site.name.replace(/\W+/g, '-')}-de-phone.png`),
          fullPage: true,
        });
        await page.setViewportSize({ width: 1280, height: 720 });
      }
    }
    await english.context().close();

    if (role === 'manager') {
      // The README's picture, and the phone width where long German words would overflow first.
      await page.goto('/dashboard');
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('heading', { level: 2, name: 'Segmente im Vergleich' })).toBeVisible();
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.screenshot({ path: 'docs/screenshots/dashboard-de.png', fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: 'docs/screenshots/dashboard-de-phone.png', fullPage: true });
    }
    await page.context().close();
  });
}

test.describe('the dashboard in German', () => {
  test('passes the axe and layout sweeps', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await freshUser(browser, 'manager');
    await switchToGerman(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/dashboard');
      await page.waitForLoadState('networkidle');
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
        colorScheme,
      ).toEqual([]);
    }
    for (const viewport of [
      { width: 1440, height: 900 },
      // A laptop's width, where German's longer labels and amounts are tightest.
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto('/dashboard');
      await page.waitForLoadState('networkidle');
      const sideways = await page.evaluate(() => {
        const found: string[] = [];
        const doc = document.scrollingElement!;
        if (doc.scrollWidth > window.innerWidth + 1)
          found.push(`page scrolls by ${doc.scrollWidth - window.innerWidth} px`);
        for (const el of document.querySelectorAll('main .table-scroll, main table')) {
          const box = el as HTMLElement;
          if (box.scrollWidth - box.clientWidth > 1) found.push(`${box.tagName} overflows`);
        }
        return found;
      });
      expect(sideways, `${viewport.width} px`).toEqual([]);
    }
    await page.context().close();
  });
});

test('the public feedback page follows a German browser, in the Sie form', async ({ browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStatePath('admin') });
  const admin = await adminContext.newPage();
  const path = await resolvePath(
    admin,
    SITE_PAGES.find((s) => s.name === 'a feedback link')!,
  );
  await adminContext.close();

  const context = await browser.newContext({ locale: 'de-DE' });
  const visitor = await context.newPage();
  await visitor.goto(path);
  await expect(visitor.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(visitor.getByText('Ihr Feedback', { exact: true })).toBeVisible();
  await visitor.getByRole('button', { name: 'Feedback senden' }).click();
  await expect(visitor.getByText('Bitte beantworten Sie vor dem Senden mindestens eine Frage.')).toBeVisible();
  await visitor.screenshot({ path: 'docs/screenshots/feedback-de.png', fullPage: true });
  await visitor
    .getByRole('group', { name: 'Wie zufrieden sind Sie insgesamt?' })
    .getByText('Zufrieden', { exact: true })
    .click();
  await visitor.getByRole('button', { name: 'Feedback senden' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Vielen Dank!' })).toBeVisible();
  await context.close();

  // An English browser still reads English.
  const englishContext = await browser.newContext({ locale: 'en-GB' });
  const english = await englishContext.newPage();
  await english.goto(path);
  await expect(english.getByRole('button', { name: 'Send feedback' })).toBeVisible();
  await englishContext.close();
});
