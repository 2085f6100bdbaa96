// `npm run screenshots`: signs in as each demo role on a running server (BASE_URL, default
// http://localhost:3000) and saves full-page PNGs of the main pages, desktop and phone-sized.
//   PAGES=/a,/b          these paths instead of each role's main pages
//   COLOR_SCHEME=dark    the dark theme (files end in -dark.png)
//   VIEWPORTS=desktop    only these viewports (desktop, phone)
//   ROLES=manager,staff  only these roles
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const baseURL = process.env.BASE_URL ?? 'http://localhost:3000';
const outDir = process.env.OUT_DIR ?? 'docs/screenshots';
const pages = (process.env.PAGES ?? '').split(',').filter(Boolean);
const colorScheme = process.env.COLOR_SCHEME === 'dark' ? 'dark' : 'light';
const suffix = colorScheme === 'dark' ? '-dark' : '';
const viewports = (process.env.VIEWPORTS ?? 'desktop,phone').split(',').filter(Boolean);
const roles = (process.env.ROLES ?? 'admin,manager,staff').split(',').filter(Boolean);

const ROLES = {
  admin: { email: 'admin@outsidein.test', password: 'demo-admin-pass', paths: ['/dashboard', '/admin/users'] },
  manager: { email: 'manager@outsidein.test', password: 'demo-manager-pass', paths: ['/dashboard'] },
  staff: { email: 'staff@outsidein.test', password: 'demo-staff-pass', paths: ['/my-work', '/dashboard'] },
};

mkdirSync(outDir, { recursive: true });
const executable = findChromium();
const browser = await chromium.launch({
  ...(executable && executable !== 'playwright-managed' ? { executablePath: executable } : {}),
  args: ['--no-sandbox', '--disable-background-networking'],
});

const slug = (path) => path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-') || 'home';

for (const [role, { email, password, paths }] of Object.entries(ROLES).filter(([r]) => roles.includes(r))) {
  for (const viewport of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ].filter((v) => viewports.includes(v.name))) {
    const context = await browser.newContext({ viewport, baseURL, colorScheme });
    const page = await context.newPage();
    await page.goto('/login');
    if (viewport.name === 'desktop' && role === 'admin')
      await page.screenshot({ path: `${outDir}/login-desktop${suffix}.png` });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    for (const path of pages.length ? pages : paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const file = `${outDir}/${role}-${slug(path)}-${viewport.name}${suffix}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
