import { expect, test } from '@playwright/test';
import { storageStatePath } from './accounts';

test.describe('a manager reads what unhappy customers say', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('a keyword theme on the dashboard opens exactly its comments', async ({ page }) => {
    await page.goto('/dashboard');
    const section = page.getByRole('region', { name: /keyword themes/ });
    await expect(section.getByText('These are keyword themes, not topics a model understood')).toBeVisible();
    const first = section.getByRole('rowheader').first().getByRole('link');
    const phrase = (await first.innerText()).trim();
    const count = Number(
      (await section.getByRole('row').nth(1).getByRole('cell').first().innerText()).replace(/[^\d]/g, ''),
    );
    expect(count).toBeGreaterThanOrEqual(2);

    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Interactions' })).toBeVisible();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('theme') === phrase && url.searchParams.get('unhappy') === '1',
    );
    await expect(page.getByText(`Keyword theme: “${phrase}”`)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pages' }).locator('p')).toHaveText(
      new RegExp(`of ${count.toLocaleString('en-GB')}$`),
    );
    const comments = page.getByRole('table', { name: /Interactions/ }).locator('td[data-label="Comment"]');
    await expect(comments).toHaveCount(Math.min(count, 50));
    for (const text of await comments.allInnerTexts()) {
      expect(text.toLowerCase().replace(/’/g, "'")).toContain(phrase);
      expect(text).toMatch(/NPS [0-6]\b|CSAT [12]\b|experience \d vs expected \d/);
    }
  });
});

test.describe('staff find what a customer said', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('searching comments and filtering by sentiment and NPS answer keeps the filters in the URL', async ({
    page,
  }) => {
    await page.goto('/interactions');
    const filters = page.getByRole('form', { name: 'Filter interactions' });
    await filters.getByLabel('Search comments').fill('installers');
    await filters.getByLabel('Sentiment').selectOption('negative');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('q') === 'installers' && url.searchParams.get('sentiment') === 'negative',
    );
    await expect(filters.getByLabel('Search comments')).toHaveValue('installers');
    const comments = page.getByRole('table', { name: /Interactions/ }).locator('td[data-label="Comment"]');
    await expect(comments.first()).toBeVisible();
    for (const text of await comments.allInnerTexts()) {
      expect(text).toMatch(/installer/i);
      expect(text).toMatch(/Negative [−-]\d/);
    }

    await filters.getByLabel('Search comments').fill('');
    await filters.getByLabel('Sentiment').selectOption('');
    await filters.getByLabel('NPS answer').selectOption('promoter');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('npsGroup') === 'promoter' && !url.searchParams.get('q'),
    );
    for (const text of await comments.allInnerTexts()) expect(text).toMatch(/NPS (9|10)\b/);
  });
});

test.describe('a manager works the feedback inbox', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('from a negative comment to a defect in one click, and the comment leaves the new ones', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback inbox' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Feedback inbox' })).toBeVisible();
    const filters = page.getByRole('form', { name: 'Filter the inbox' });
    await filters.getByLabel('Sentiment').selectOption('negative');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('sentiment') === 'negative');

    const comment = page.getByRole('list', { name: 'Comments' }).getByRole('article').first();
    const text = (await comment.locator('p[id^="comment-"]').innerText()).trim();
    const interactionHref = (await comment.getByRole('link').first().getAttribute('href'))!;
    await comment.getByLabel('Defect category').selectOption({ label: 'Delivery problem' });
    await comment.getByRole('button', { name: 'Raise a defect' }).click();

    await expect(page).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
    await expect(page.getByText(text).first()).toBeVisible();
    await expect(page.getByText('Delivery problem').first()).toBeVisible();

    await page.goto('/inbox?sentiment=negative');
    await expect(page.locator(`a[href="${interactionHref}"]`)).toHaveCount(0);
    await page.goto('/inbox?sentiment=negative&state=handled');
    const handled = page.getByRole('article').filter({ has: page.locator(`a[href="${interactionHref}"]`) });
    await expect(handled.getByText('Handled by Morgan Manager')).toBeVisible();
    await expect(handled.getByText(/1 open defect|\d open defects/)).toBeVisible();
  });
});

test.describe('a manager looks at the customer portfolio', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('a segment × lifecycle cell opens the list of exactly its customers', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customer portfolio' })).toBeVisible();
    const cells = page.getByRole('region', { name: 'Segments by lifecycle' });
    const cell = cells.getByRole('link', { name: /customers, .*, At risk$/ }).first();
    const label = (await cell.getAttribute('aria-label'))!;
    const count = Number(label.replace(/ customers,.*/, '').replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('lifecycle') === 'at_risk' && url.searchParams.has('segment'),
    );
    await expect(page.getByRole('navigation', { name: 'Pages' }).locator('p')).toHaveText(
      count === 0 ? 'Nothing matches.' : new RegExp(`of ${count.toLocaleString('en-GB')}$`),
    );
  });
});

test.describe('a manager follows customers along the journey', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('a stage of the journey funnel opens the customers who reached it', async ({ page }) => {
    await page.goto('/portfolio');
    const funnel = page.getByRole('region', { name: 'Journey funnel' });
    const row = funnel.getByRole('row', { name: /^Purchase / });
    const link = row.getByRole('cell').first().getByRole('link');
    const count = Number((await link.innerText()).replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(page.getByText(/Customers who reached Purchase or a later stage/)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pages' }).locator('p')).toHaveText(
      new RegExp(`of ${count.toLocaleString('en-GB')}$`),
    );
  });
});
