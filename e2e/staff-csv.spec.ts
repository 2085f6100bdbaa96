import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './accounts';

test.use({ storageState: storageStatePath('manager') });

// Other browser tests write interactions at the same time, so these tests compare the rows they
// touch, by id or by a word only their file contains, never the whole table's count.
async function exportedRows(page: Page, query: string): Promise<Map<string, string>> {
  const response = await page.request.get(`/interactions/export?${query}`);
  expect(response.status()).toBe(200);
  const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
  return new Map(rows.map((row) => [row.id!, JSON.stringify(row)]));
}

test('a CSV export of the interactions list, re-imported, changes nothing', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/interactions?outcome=sale_lost');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^interactions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const rows = csv.trim().split('\n').length - 1;
  expect(rows).toBeGreaterThan(0);

  await page.goto('/interactions/import');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import interactions' }).click();
  await expect(page.getByRole('status')).toContainText(
    /Imported [\d,]+ rows: 0 new, [\d,]+ already there, 0 defects raised\./,
    { timeout: 60_000 },
  );
  // Every exported row is still there exactly once, with the same values.
  const exported = new Map(
    (parse(csv, { columns: true, bom: true }) as Record<string, string>[]).map((row) => [row.id!, JSON.stringify(row)]),
  );
  const after = await exportedRows(page, 'outcome=sale_lost');
  for (const [id, row] of exported) expect(after.get(id), `row ${id}`).toBe(row);
});

test('a CSV with one bad row imports nothing and names the row', async ({ page }) => {
  const marker = `zqxbadrow${Date.now()}`;
  const csv = [
    'occurred_at,touchpoint,outcome,csat,notes',
    `2026-01-05T10:00:00Z,Support chat,resolved,5,fine ${marker}`,
    `2026-01-05T11:00:00Z,Support chat,resolved,9,csat out of range ${marker}`,
    `2026-01-05T12:00:00Z,Support chat,resolved,4,fine too ${marker}`,
  ].join('\n');
  await page.goto('/interactions/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import interactions' }).click();
  await expect(page.getByRole('status')).toContainText('Nothing was imported: 1 problem in the interactions file.');
  const table = page.getByRole('table', { name: /Rows to fix/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('3');
  await expect(table.getByRole('row').nth(1)).toContainText('csat');
  await expect(table.getByRole('row').nth(1)).toContainText('CSAT must be between 1 and 5.');
  // Not even the good rows were written.
  expect((await exportedRows(page, `q=${marker}`)).size).toBe(0);
});
