// What the browser benchmarks share: waiting for a server they started, and signing the demo
// manager in through the real login page in Chromium.
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

/** Resolves once `base`/api/health answers 200; throws after `timeoutMs`. */
export async function waitForHealth(base, timeoutMs = 600_000) {
  const started = performance.now();
  for (;;) {
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (performance.now() - started > timeoutMs) throw new Error(`not ready after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Chromium with the demo manager signed in on the dashboard; close the browser when done. */
export async function managerInChromium(base) {
  const executable = findChromium();
  const browser = await chromium.launch({
    executablePath: executable && executable !== 'playwright-managed' ? executable : undefined,
  });
  const page = await browser.newPage({ baseURL: base });
  await page.goto('/login');
  await page.getByLabel('Email').fill('manager@outsidein.test');
  await page.getByLabel('Password').fill('demo-manager-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor({ timeout: 120_000 });
  return { browser, page };
}
