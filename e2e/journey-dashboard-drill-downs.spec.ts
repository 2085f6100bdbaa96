import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './accounts';

test.use({ storageState: storageStatePath('manager') });

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));
const toNumber = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The card whose term is `label`: its value is the first dd after the dt. */
const card = (page: Page, label: string) =>
  page.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).last();
const cardValue = (page: Page, label: string) =>
  page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

/** The total an interactions list shows under its table ("Rows 1–25 of 312", or "Nothing matches."). */
async function interactionsTotal(page: Page): Promise<number> {
  await expect(page.getByRole('heading', { level: 1, name: 'Interactions' })).toBeVisible();
  const text = await page.getByRole('navigation', { name: 'Pages' }).locator('p').innerText();
  return text === 'Nothing matches.' ? 0 : toNumber(text.replace(/^.* of /, ''));
}

/** The total a defects list shows ("1–25 of 87"), or 0 when it says none match. */
async function defectsTotal(page: Page): Promise<number> {
  await expect(page.getByRole('heading', { level: 1, name: 'Defects' })).toBeVisible();
  if (await page.getByText('No defects match these filters.').isVisible()) return 0;
  const text = await page.getByRole('navigation', { name: 'Pages' }).locator('p').innerText();
  return toNumber(text.replace(/^.* of /, ''));
}

test('each drill-down from a filtered dashboard opens a list with the number on the card', async ({ page }) => {
  // It opens a dozen lists one after another (41 s alone); a loaded 2-core CI machine needs more.
  test.setTimeout(150_000);
  // The period ends yesterday, so what other specs log today cannot change the numbers mid-test.
  const from = daysAgo(89);
  const to = daysAgo(1);
  await page.goto('/dashboard');
  const filters = page.getByRole('form', { name: 'Dashboard filters' });
  await filters.getByLabel('From', { exact: true }).fill(from);
  await filters.getByLabel('To', { exact: true }).fill(to);
  await filters.locator('summary', { hasText: /^Touchpoints/ }).click();
  const billing = filters.getByRole('checkbox', { name: 'Invoice and billing (Cultivation)' });
  const touchpointId = (await billing.getAttribute('value'))!;
  await billing.check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('from') === from && url.searchParams.getAll('touchpoint').join() === touchpointId,
  );
  const dashboardUrl = page.url();

  // Interactions and defects.
  const interactions = toNumber(await cardValue(page, 'Interactions').innerText());
  const defects = toNumber(await cardValue(page, 'Defects').innerText());
  expect(interactions).toBeGreaterThan(0);
  expect(defects).toBeGreaterThan(0);
  await cardValue(page, 'Interactions').getByRole('link').click();
  expect(await interactionsTotal(page)).toBe(interactions);
  await page.goto(dashboardUrl);
  await cardValue(page, 'Defects').getByRole('link').click();
  expect(await defectsTotal(page)).toBe(defects);

  // The score cards open only the interactions that have their score, as many as the responses.
  for (const [label, note] of [
    ['NPS', 'Only interactions with an NPS answer'],
    ['CSAT', 'Only interactions with a CSAT score'],
    ['Customer effort \\(CES\\)', 'Only interactions with an effort score'],
    ['Expectation gap', 'Only interactions with both expectation and experience'],
  ] as const) {
    await page.goto(dashboardUrl);
    const responses = toNumber(
      (
        await card(page, label)
          .getByText(/^[\d,]+ responses/)
          .innerText()
      ).split(' ')[0]!,
    );
    expect(responses, label).toBeGreaterThan(0);
    expect(responses, label).toBeLessThan(interactions);
    await cardValue(page, label).getByRole('link').click();
    expect(await interactionsTotal(page), label).toBe(responses);
    await expect(page.getByText(note)).toBeVisible();
  }

  // Re-applying the list's own filters keeps the score filter it has no control for.
  await page.getByRole('form', { name: 'Filter interactions' }).getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get('scored') === 'gap' && url.searchParams.get('touchpoint') === touchpointId,
  );
  await expect(page.getByText('Only interactions with both expectation and experience')).toBeVisible();

  // A Pareto bar's row and the worst touchpoint's defects.
  await page.goto(dashboardUrl);
  const pareto = page.getByRole('region', { name: 'Pareto of defect causes' });
  await pareto.getByText('Show as a table').click();
  const firstCause = pareto.getByRole('row').nth(1);
  // The row also offers "Open a case"; the count is the drill-down.
  const countLink = firstCause.getByRole('link').filter({ hasText: /^[\d,]+$/ });
  const causeCount = toNumber(await countLink.innerText());
  expect(causeCount).toBeGreaterThan(0);
  await countLink.click();
  await expect(page).toHaveURL(/\/defects\?.*category=/);
  expect(await defectsTotal(page)).toBe(causeCount);

  await page.goto(dashboardUrl);
  const worst = page
    .getByRole('region', { name: 'Worst touchpoints' })
    .getByRole('row', { name: /Invoice and billing/ });
  const worstDefects = worst.getByRole('cell').last().getByRole('link');
  expect(toNumber(await worstDefects.innerText())).toBe(defects);
  await worstDefects.click();
  expect(await defectsTotal(page)).toBe(defects);

  // The "No segment" row (anonymous feedback and customers without one) links too, to its own
  // rows; the whole company, for enough anonymous feedback to be sure of the row.
  await page.goto(`/dashboard?from=${from}&to=${to}`);
  const noSegment = page.getByRole('region', { name: 'Segments compared' }).getByRole('row', { name: /^No segment/ });
  const noSegmentLink = noSegment.getByRole('cell').first().getByRole('link');
  const noSegmentCount = toNumber(await noSegmentLink.innerText());
  await noSegmentLink.click();
  await expect(page).toHaveURL(/segment=none/);
  await expect(page.getByText('Segment: No segment')).toBeVisible();
  expect(await interactionsTotal(page)).toBe(noSegmentCount);
});
