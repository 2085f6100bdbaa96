import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { storageStatePath } from './accounts';
import { holdAnswer } from './hold-answer';

test.use({ storageState: storageStatePath('manager') });

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/** The value of the KPI card whose term is `label`. */
const card = (page: Page, label: string) =>
  page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

test('a manager narrows the period and a touchpoint; the URL, every card and the drill-downs follow', async ({
  page,
}) => {
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(card(page, 'Interactions')).toHaveText(/^[1-9][\d,]*$/);

  const from = daysAgo(13);
  const to = daysAgo(0);
  const filters = page.getByRole('form', { name: 'Dashboard filters' });
  await filters.getByLabel('From', { exact: true }).fill(from);
  await filters.getByLabel('To', { exact: true }).fill(to);
  await filters.getByLabel('Trend by').selectOption('day');
  await filters.locator('summary', { hasText: /^Touchpoints/ }).click();
  const hotline = filters.getByRole('checkbox', { name: 'Support hotline (Cultivation)' });
  const touchpointId = await hotline.getAttribute('value');
  expect(touchpointId).toMatch(/^[0-9a-f-]{36}$/);
  await hotline.check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();

  // The URL holds the whole view.
  await expect(page).toHaveURL(
    (url) =>
      url.searchParams.get('from') === from &&
      url.searchParams.get('to') === to &&
      url.searchParams.getAll('touchpoint').join() === touchpointId,
  );
  await expect(filters.getByLabel('From', { exact: true })).toHaveValue(from);

  // Every card shows the numbers the API gives for the same filters.
  const api = await page.request.get(`/api/v1/metrics?from=${from}&to=${to}&touchpoint=${touchpointId}`);
  expect(api.status()).toBe(200);
  const { data } = await api.json();
  const format = (n: number) => n.toLocaleString('en-GB');
  await expect(card(page, 'Interactions')).toHaveText(format(data.kpis.current.interactions));
  await expect(card(page, 'Defects')).toHaveText(format(data.kpis.current.defects));
  const dpmo = data.kpis.current.dpmo.value;
  await expect(card(page, 'DPMO')).toHaveText(dpmo === null ? data.kpis.current.dpmo.reason : format(Math.round(dpmo)));
  const sigma = data.kpis.current.sigma.value;
  await expect(card(page, 'Sigma level')).toHaveText(
    sigma === null ? data.kpis.current.sigma.reason : `${sigma.toFixed(2)} σ`,
  );

  // Each card drills down to a list filtered on exactly this view. The KPI cards are their own
  // section: other sections (the backlog's health) have description lists of their own.
  const kpis = page.getByRole('region', { name: 'Key figures' });
  const cards = kpis.getByRole('term');
  await expect(cards).toHaveCount(10);
  for (const link of await kpis.locator('dl dd a').all()) {
    const href = new URL((await link.getAttribute('href'))!, 'http://x');
    expect(['/interactions', '/defects']).toContain(href.pathname);
    expect(href.searchParams.get('from')).toBe(from);
    expect(href.searchParams.get('to')).toBe(to);
    expect(href.searchParams.getAll('touchpoint')).toEqual([touchpointId]);
  }
  const defectsHref = new URL((await card(page, 'Defects').getByRole('link').getAttribute('href'))!, 'http://x');
  expect(defectsHref.searchParams.getAll('status')).toEqual(['open', 'investigating', 'action', 'verified', 'closed']);

  // Opening a drill-down lands on the matching list.
  await card(page, 'Interactions').getByRole('link').click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === '/interactions' &&
      url.searchParams.get('from') === from &&
      url.searchParams.getAll('touchpoint').join() === touchpointId,
  );
});

test('the heat map switches between sigma and CSAT and keeps the filters', async ({ page }) => {
  await page.goto(`/dashboard?from=${daysAgo(29)}&to=${daysAgo(0)}`);
  const heat = page.getByRole('navigation', { name: 'Colour the heat map by' });
  await heat.getByRole('link', { name: 'CSAT' }).click();
  await expect(page).toHaveURL(/heat=csat/);
  await expect(heat.getByRole('link', { name: 'CSAT' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('table', { name: /CSAT of each touchpoint/ })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('from')).toBe(daysAgo(29));
});

test('a chart’s table is rendered only while open, in place, and stays open through the view’s changes', async ({
  page,
}) => {
  await page.goto('/dashboard?pareto=revenue');
  const trend = page.getByRole('region', { name: 'DPMO and sigma level' });
  // Closed tables are not in the page at all (they were a quarter of it).
  await expect(trend.getByText('Show as a table')).toBeVisible();
  expect(await trend.getByRole('row').count()).toBe(0);
  await trend.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);

  // Hold the answer, as a slow server would: the open table says it is loading.
  const release = await holdAnswer(page, /\/dashboard\?.*_rsc=/);
  await trend.getByText('Show as a table').click();
  await expect(trend.getByRole('status')).toHaveText('Loading the table…');
  release();
  await expect(trend.getByRole('row')).not.toHaveCount(0);
  await expect(trend.getByRole('columnheader', { name: 'DPMO' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('tables')).toBe('trend');
  expect(new URL(page.url()).searchParams.get('pareto')).toBe('revenue');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

  // A change of the view keeps it open; a reload shows it open at once.
  await page.getByRole('form', { name: 'Dashboard filters' }).getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('tables') === 'trend');
  await page.reload();
  await expect(trend.locator('details')).toHaveAttribute('open', '');
  await expect(trend.getByRole('columnheader', { name: 'DPMO' })).toBeVisible();

  // Closing it takes it out of the URL.
  await trend.getByText('Show as a table').click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('tables'));
  await expect(trend.getByRole('row')).toHaveCount(0);
});

test('a period with no interactions says so instead of showing zeros', async ({ page }) => {
  await page.goto('/dashboard?from=2001-01-01&to=2001-01-31');
  await expect(page.getByText('No interactions or defects in this period for these filters.')).toBeVisible();
  await expect(card(page, 'DPMO')).toHaveText('no data');
  await expect(card(page, 'Sigma level')).toHaveText('no data');
});

test('"No segment" in the filters: the dashboard, its drill-down list, the metrics API and the CSV export agree', async ({
  page,
}) => {
  // The period ends yesterday, so what other specs log today cannot change the numbers mid-test.
  const from = daysAgo(30);
  const to = daysAgo(1);
  await page.goto('/dashboard');
  const filters = page.getByRole('form', { name: 'Dashboard filters' });
  await filters.getByLabel('From', { exact: true }).fill(from);
  await filters.getByLabel('To', { exact: true }).fill(to);
  await filters.locator('summary', { hasText: /^Segments/ }).click();
  await filters.getByRole('checkbox', { name: 'No segment' }).check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('segment').join() === 'none');
  // The form shows the choice it was given, and the segment table keeps only that row.
  await filters.locator('summary', { hasText: /^Segments/ }).click();
  await expect(filters.getByRole('checkbox', { name: 'No segment' })).toBeChecked();
  const segmentRows = page.getByRole('region', { name: 'Segments compared' }).locator('tbody tr');
  await expect(segmentRows).toHaveCount(1);
  await expect(segmentRows.first()).toContainText('No segment');

  const api = await page.request.get(`/api/v1/metrics?from=${from}&to=${to}&segment=none`);
  expect(api.status()).toBe(200);
  const { data } = await api.json();
  const interactions: number = data.kpis.current.interactions;
  expect(interactions).toBeGreaterThan(0);
  await expect(card(page, 'Interactions')).toHaveText(interactions.toLocaleString('en-GB'));

  // The drill-down carries segment=none to the list, which counts the same rows.
  await card(page, 'Interactions').getByRole('link').click();
  await expect(page).toHaveURL((url) => url.pathname === '/interactions' && url.searchParams.get('segment') === 'none');
  await expect(page.getByText('Segment: No segment')).toBeVisible();
  const total = await page.getByRole('navigation', { name: 'Pages' }).locator('p').innerText();
  expect(Number(total.replace(/^.* of /, '').replace(/[^\d]/g, ''))).toBe(interactions);

  // The CSV export of that list holds exactly those rows.
  const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(exportHref).toContain('segment=none');
  const csv = await (await page.request.get(exportHref!)).text();
  expect(parse(csv, { columns: true, bom: true })).toHaveLength(interactions);
});
