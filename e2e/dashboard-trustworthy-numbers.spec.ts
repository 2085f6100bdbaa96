import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './accounts';

test.use({ storageState: storageStatePath('manager') });

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/** The KPI card whose term is `label`. */
const cardOf = (page: Page, label: string) =>
  page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });

test('today’s subgroup is drawn hollow and explained, and raises no signal', async ({ page }) => {
  // Today's subgroup is a gap until something happens today (just after midnight the demo seed has
  // nothing for it yet): log one interaction now, as a manager may.
  await page.goto('/log');
  await page.getByRole('combobox', { name: 'Customer' }).fill('zz-nobody');
  await page.getByRole('option', { name: 'No customer (anonymous)' }).click();
  await page.getByLabel('Touchpoint').selectOption({ label: 'Sales enquiry call' });
  await page.getByRole('button', { name: 'Save interaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved: Sales enquiry call');

  await page.goto('/dashboard');
  const chart = page.getByRole('region', { name: 'Control chart (p-chart) of defective interactions' });
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('hollow-legend')).toContainText('Hollow circle');
  await expect(chart.locator('circle[data-hollow]').first()).toBeVisible();
  await chart.getByText('Show as a table').click();
  const today = chart.getByRole('row').last();
  await expect(today).toContainText('hollow: still in progress, no signal');

  const api = await page.request.get('/api/v1/metrics');
  const { data } = await api.json();
  const last = data.pChart.points.at(-1);
  expect(last.hollow).toBe('in-progress');
  expect(last.signals).toEqual([]);
});

test('a slice with few interactions is greyed as too few to judge, never coloured', async ({ page }) => {
  await page.goto('/dashboard');
  const filters = page.getByRole('form', { name: 'Dashboard filters' });
  const day = daysAgo(1);
  await filters.getByLabel('From', { exact: true }).fill(day);
  await filters.getByLabel('To', { exact: true }).fill(day);
  await filters.locator('summary', { hasText: /^Touchpoints/ }).click();
  await filters.getByRole('checkbox', { name: 'TV and radio advert (Awareness)' }).check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('from') === day);

  const touchpointId = new URL(page.url()).searchParams.get('touchpoint');
  const { data } = await (
    await page.request.get(`/api/v1/metrics?from=${day}&to=${day}&touchpoint=${touchpointId}`)
  ).json();
  expect(data.kpis.current.interactions).toBeLessThan(30);

  if (data.kpis.current.interactions > 0) {
    const firstPass = cardOf(page, 'Yield');
    await expect(firstPass).toHaveAttribute('data-too-few', '');
    await expect(firstPass).toContainText('too few to judge');
    // No "better" or "worse" colour on a value that cannot be judged.
    await expect(firstPass.locator('.text-success, .text-danger')).toHaveCount(0);
    const cell = page.getByRole('region', { name: 'Journey heat map' }).locator('a[data-too-few]');
    await expect(cell.first()).toContainText('too few to judge');
  }
  const nps = data.kpis.current.nps;
  if (nps.value !== null) {
    expect(nps.tooFew).toBe(true);
    await expect(cardOf(page, 'NPS')).toContainText('too few to judge');
  }
});

test('a manager switches the control chart to Laney p′ limits, in the URL, and back', async ({ page }) => {
  await page.goto(`/dashboard?from=${daysAgo(400)}&to=${daysAgo(0)}&granularity=month`);
  const chart = page.getByRole('region', { name: 'Control chart (p-chart) of defective interactions' });
  await expect(chart.getByTestId('sigma-z')).toContainText(/σ_z = \d+\.\d\d/);
  const limits = chart.getByRole('navigation', { name: 'Control limits' });
  await expect(limits.getByRole('link', { name: 'p limits' })).toHaveAttribute('aria-current', 'true');

  await limits.getByRole('link', { name: 'Laney p′ limits' }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('limits') === 'laney' && url.searchParams.get('granularity') === 'month',
  );
  await expect(
    page
      .getByRole('region', { name: 'Control chart (p-chart) of defective interactions' })
      .getByRole('navigation', { name: 'Control limits' })
      .getByRole('link', { name: 'Laney p′ limits' }),
  ).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText(/Signals against the Laney p′ limits/)).toBeVisible();
  await expect(page.getByText('Upper p′ limit (UCL′)')).toBeVisible();

  // The table carries both sets of limits; the API gives the same σ_z.
  const { data } = await (
    await page.request.get(`/api/v1/metrics?from=${daysAgo(400)}&to=${daysAgo(0)}&granularity=month`)
  ).json();
  expect(data.pChart.sigmaZ).toBeGreaterThan(0);
  await expect(page.getByTestId('sigma-z')).toContainText(`σ_z = ${data.pChart.sigmaZ.toFixed(2)}`);

  // The filters keep the choice.
  await page.getByRole('form', { name: 'Dashboard filters' }).getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('limits') === 'laney');
  await page.getByRole('link', { name: 'p limits', exact: true }).click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('limits'));
});

test('the Pareto ranks by lost revenue on request, and rolled throughput yield shows stage by stage', async ({
  page,
}) => {
  await page.goto('/dashboard');
  await page
    .getByRole('navigation', { name: 'Rank the Pareto by' })
    .getByRole('link', { name: 'Lost revenue' })
    .click();
  await expect(page).toHaveURL((url) => url.searchParams.get('pareto') === 'revenue');
  await expect(page.getByRole('heading', { name: 'Pareto of defect causes by lost revenue' })).toBeVisible();
  const { data } = await (await page.request.get('/api/v1/metrics?pareto=revenue')).json();
  expect(data.paretoMeasure).toBe('revenue');

  const rty = page.getByRole('region', { name: 'Rolled throughput yield across the journey' });
  await expect(rty.getByTestId('rty')).toHaveText(
    new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      data.rolledThroughputYield.rty,
    ),
  );
});
