import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';
import { holdAnswer } from './hold-answer';

/* What a CX team meets on first use: duplicates, re-imports, the log form's keyboard path, the icon. */

test.describe('as staff', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('Enter while the customer search is still answering creates nobody, and a look-alike is offered', async ({
    page,
  }) => {
    // A customer who exists, found by the search once it answers.
    await page.goto('/customers');
    const existing = (await page.locator('main table tbody tr').first().locator('a').first().textContent())!.trim();

    // The search answers slowly, as it did under load.
    const release = await holdAnswer(page, '**/customers/search?*', { all: true });
    await page.goto('/log');
    const search = page.getByRole('combobox', { name: 'Customer' });
    await search.fill(existing);
    await expect(page.getByText('Searching…')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Email')).toHaveCount(0);
    await expect(search).toBeFocused();
    release();
    const match = page.getByRole('option', { name: new RegExp(`^${existing}`) }).first();
    await expect(match).toHaveAttribute('aria-selected', 'true');

    // Creating the same name anyway warns and offers the customer who exists.
    await page.getByRole('option', { name: `Create new customer “${existing}”` }).click();
    const warning = page.getByRole('status').filter({ hasText: 'may be a customer you already have' });
    await expect(warning).toBeVisible();
    await warning
      .getByRole('button', { name: `Use ${existing}` })
      .first()
      .click();
    await expect(page.getByText(`Chosen: ${existing}`)).toBeVisible();
  });

  test('the log form reaches Outcome from Touchpoint in two Tab presses, and the time can still be changed', async ({
    page,
  }) => {
    await page.goto('/log');
    await page.getByLabel('Touchpoint').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Change time' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Outcome')).toBeFocused();
    await page.getByRole('button', { name: 'Change time' }).click();
    await expect(page.getByLabel('When')).toBeFocused();
  });

  test('the site icon is served, so no first visit logs a 404', async ({ request }) => {
    const ico = await request.get('/favicon.ico');
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toMatch(/image/);
  });
});

test.describe('as a manager', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('a file with another tool’s headers is mapped to ours and imported', async ({ page }) => {
    const stamp = Date.now();
    const csv = [
      'Full Name,E-mail,Account ID,Tier',
      `Mapped Person ${stamp},mapped${stamp}@example.test,MAP-${stamp},Gold`,
    ].join('\n');
    await page.goto('/customers/import');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByRole('group', { name: 'Match the file’s columns to ours' })).toBeVisible();
    await expect(page.getByLabel('“Full Name” is')).toHaveValue('name');
    await expect(page.getByLabel('“E-mail” is')).toHaveValue('email');
    await page.getByLabel('“Account ID” is').selectOption('external_ref');
    await expect(page.getByLabel('“Tier” is')).toHaveValue('');
    await page.getByRole('button', { name: 'Import customers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 1 row: 1 new');

    // The same file with a changed name: reported, then applied when asked.
    const changed = csv.replace(`Mapped Person ${stamp}`, `Mapped Person ${stamp} Jr`);
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: Buffer.from(changed) });
    await page.getByLabel('“Account ID” is').selectOption('external_ref');
    await page.getByRole('button', { name: 'Import customers' }).click();
    await expect(page.getByText(/1 row is already stored with other values/)).toBeVisible();
    await page.getByLabel(/Update existing rows/).check();
    await page.getByRole('button', { name: 'Import customers' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 updated');
  });

  test('a click on a p-chart point opens that subgroup’s defective interactions, as its table link does', async ({
    page,
  }) => {
    await page.goto('/dashboard');
    const point = page.locator('[data-href]').first();
    const href = await point.getAttribute('data-href');
    expect(href).toContain('hasDefects=1');
    await point.click({ force: true });
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href);
  });

  test('a heat-map name cut short shows in full on hover and to screen readers', async ({ page }) => {
    await page.goto('/dashboard');
    const cell = page.getByRole('link', { name: /Delivery and installation/ }).first();
    await expect(cell).toHaveAttribute('title', /^Delivery and installation: /);
  });
});
