import type { Page } from '@playwright/test';

/**
 * Holds the server's answer to the next request whose address matches `url` (to every one with
 * `all`), as a slow server would, until the returned function is called: for checking what a page
 * shows while it waits.
 */
export async function holdAnswer(page: Page, url: string | RegExp, { all = false } = {}): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    url,
    async (route) => {
      await held;
      await route.continue();
    },
    all ? undefined : { times: 1 },
  );
  return release;
}
