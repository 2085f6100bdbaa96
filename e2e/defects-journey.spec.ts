import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './accounts';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

async function move(page: Page, button: string, next: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: next })).toBeVisible();
}

test('a lost sale goes round the loop: assigned, worked by staff to verified, closed, every step in the history', async ({
  browser,
}) => {
  const title = `Lost boiler sale, quote too late ${Date.now()}`;

  // The manager triages an open lost sale: a title, an owner and a follow-up date.
  const managerContext = await browser.newContext({ storageState: storageStatePath('manager') });
  const manager = await managerContext.newPage();
  await manager.goto('/defects?kind=lost_sale&status=open');
  await expect(
    manager.getByRole('navigation', { name: 'Defects by status' }).getByRole('link', { name: /^Open/ }),
  ).toHaveAttribute('aria-current', 'true');
  await manager.getByRole('table').locator('tbody').getByRole('link').first().click();
  await expect(manager).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
  const defectUrl = manager.url();
  await manager.getByLabel('Title').fill(title);
  await manager.getByLabel('Owner').selectOption({ label: 'Sam Staff' });
  await manager.getByLabel('Follow-up due').fill(day(7));
  await save(manager);
  await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Sam finds it on My work, records the cause and the action, and takes it to verified.
  const staffContext = await browser.newContext({ storageState: storageStatePath('staff') });
  const staff = await staffContext.newPage();
  await staff.goto('/my-work');
  await staff.getByRole('region', { name: 'My defects' }).getByRole('link', { name: title }).click();
  await expect(staff).toHaveURL(defectUrl);
  await expect(staff.getByLabel('Owner')).toHaveCount(0);
  await staff
    .getByLabel('Root cause')
    .fill(
      'Why? The quote reached the customer after a rival’s.\nWhy? Surveys wait a week for a slot.\nWhy? One surveyor covers the whole region.',
    );
  await staff.getByLabel('Corrective action').fill('Second surveyor on rota; quotes promised within 48 hours.');
  await save(staff);
  await move(staff, 'Move to investigating', 'Move to action');
  await move(staff, 'Move to action', 'Move to verified');
  await staff.getByRole('button', { name: 'Move to verified' }).click();
  await expect(staff.getByText('Verified: a manager closes it once the fix has held.')).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Close' })).toHaveCount(0);
  await staffContext.close();

  // The manager closes it, and the history tells the whole story.
  await manager.goto(defectUrl);
  await manager.getByRole('button', { name: 'Close' }).click();
  await expect(manager.getByRole('button', { name: 'Reopen' })).toBeVisible();
  const history = manager.getByRole('list', { name: 'History' }).getByRole('listitem').filter({ hasText: /·/ });
  await expect(manager.getByRole('list', { name: 'History' })).toContainText('Owner: — → Sam Staff');
  const steps = [
    ['Morgan Manager edited', 'Owner: — → Sam Staff'],
    ['Sam Staff edited', 'Corrective action: — → Second surveyor on rota'],
    ['Sam Staff moved', 'Status: Open → Investigating'],
    ['Sam Staff moved', 'Status: Investigating → Action'],
    ['Sam Staff moved', 'Status: Action → Verified'],
    ['Morgan Manager moved', 'Status: Verified → Closed'],
  ];
  await expect(history).toHaveCount(steps.length);
  for (const [index, [who, what]] of steps.entries()) {
    await expect(history.nth(index)).toContainText(who!);
    await expect(history.nth(index)).toContainText(what!);
  }
  await managerContext.close();
});

test.describe('as staff', () => {
  test.use({ storageState: storageStatePath('staff') });

  test('the defects list shows only my defects and offers no triage', async ({ page }) => {
    await page.goto('/defects');
    await expect(page.getByRole('heading', { level: 1, name: 'Defects' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Record a defect' })).toHaveCount(0);
    // Exact: a defect at the "Onboarding call" touchpoint has "board" in its link name.
    await expect(page.getByRole('link', { name: 'Board', exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Owner')).toHaveCount(0);
    // Mine to work, and (read-only) those raised by an interaction I logged, whoever owns them:
    // the page says both, so a defect owned by someone else on it is no surprise.
    await expect(
      page.getByText(/assigned to you .* and, to follow, those raised by interactions you logged/),
    ).toBeVisible();
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    await expect(rows.filter({ has: page.locator('td:nth-child(6)', { hasText: /^Sam Staff$/ }) })).not.toHaveCount(0);
    // One I do not own opens read-only: I logged its interaction, and there is nothing for me to move.
    const followed = rows.filter({ hasNot: page.locator('td:nth-child(6)', { hasText: /^Sam Staff$/ }) });
    await followed.first().locator('a[href^="/defects/"]').first().click();
    await expect(page).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
    await expect(page.getByText('You logged the interaction that raised this defect')).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: /^(Move to|Back to|Dismiss)/ })).toHaveCount(0);
    expect((await page.goto('/defects/new'))?.status()).toBe(403);
  });
});

test.describe('as a manager', () => {
  test.use({ storageState: storageStatePath('manager') });

  test('records a manual defect, with messages beside the fields for bad input', async ({ page }) => {
    await page.goto('/defects/new');
    await page.getByLabel('Lost revenue (£)').fill('-20');
    await page.getByRole('button', { name: 'Record defect' }).click();
    await expect(page.getByText('Give the defect a short title.')).toBeVisible();
    await expect(page.getByText('Lost revenue cannot be negative.')).toBeVisible();
    await expect(page.getByText('Choose a touchpoint.')).toBeVisible();

    await page.getByLabel('Title').fill('Complaint letter: engineer left a mess');
    await page.getByLabel('Touchpoint').selectOption({ index: 1 });
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByLabel('Lost revenue (£)').fill('0');
    // When it occurred: the company's wall clock (UTC for the demo company), "now" unless changed.
    const when = page.getByRole('group', { name: 'Occurred at' });
    await expect(when).toContainText('Company time, UTC');
    await when.getByRole('button', { name: 'Change time' }).click();
    await page.getByLabel('Occurred at').fill('2026-03-01T09:30');
    await page.getByRole('button', { name: 'Record defect' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Complaint letter: engineer left a mess' })).toBeVisible();
    await expect(page.getByText('Recorded by hand')).toBeVisible();
    await expect(page.getByText(/1 Mar 2026, 09:30 UTC/).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'History' })).toContainText('Morgan Manager recorded the defect');
  });

  test('assigns two checked defects at once', async ({ page }) => {
    await page.goto('/defects?status=open&kind=below_expectation&sort=occurredAt&dir=asc');
    const rows = page.getByRole('table').locator('tbody tr');
    const titles = await rows
      .locator('td:nth-child(2) a')
      .evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')));
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByLabel('Assign selected to').selectOption({ label: 'Priya Shah' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 defects changed.' })).toBeVisible();
    for (const href of titles) {
      await expect(page.locator(`tbody tr:has(a[href="${href}"]) td:nth-child(7)`)).toHaveText('Priya Shah');
    }
  });

  test('staff get 403 on a defect not assigned to them', async ({ page, browser }) => {
    await page.goto('/defects?status=open&sort=occurredAt&dir=asc');
    const href = await page
      .getByRole('table')
      .locator('tbody tr')
      .last()
      .locator('td:nth-child(2) a')
      .getAttribute('href');
    const staffContext = await browser.newContext({ storageState: storageStatePath('staff') });
    const staff = await staffContext.newPage();
    expect((await staff.goto(href!))?.status()).toBe(403);
    await expect(staff.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    await staffContext.close();
  });

  test('filters live in the URL, keep the sort, and the CSV export holds the same rows', async ({ page }) => {
    await page.goto('/defects?sort=lostRevenue');
    await page.getByLabel('Kind').selectOption({ label: 'Lost sale' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/kind=lost_sale/);
    await expect(page).toHaveURL(/sort=lostRevenue/);
    const total = Number(
      (await page
        .getByRole('navigation', { name: 'Pages' })
        .getByText(/^Rows [\d,]+–[\d,]+ of [\d,]+$/)
        .textContent())!
        .split(' of ')[1]!
        .replace(/,/g, ''),
    );
    const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(exportHref).toContain('kind=lost_sale');
    const csv = await (await page.request.get(exportHref!)).text();
    // A record starts with its id; quoted cells may hold line breaks of their own.
    const records = csv.split('\n').filter((line) => /^[0-9a-f-]{36},/.test(line));
    expect(records).toHaveLength(total);
    expect(records.every((line) => line.includes(',lost_sale,'))).toBe(true);
  });

  test('the board shows every status with its count', async ({ page }) => {
    await page.goto('/defects?view=board');
    for (const status of ['Open', 'Investigating', 'Action', 'Verified', 'Closed', 'Dismissed']) {
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${status} [\\d,]+$`) })).toBeVisible();
    }
  });
});

test('two managers editing one defect: the second is told, sees the current values, and nothing is overwritten', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStatePath('manager') });
  const first = await context.newPage();
  await first.goto('/defects?status=investigating');
  await first.getByRole('table').locator('tbody').getByRole('link').first().click();
  await expect(first).toHaveURL(/\/defects\/[0-9a-f-]{36}$/);
  const second = await context.newPage();
  await second.goto(first.url());

  await first.getByLabel('Root cause').fill('Why? Engineer arrived late.\nWhy? Van rota clashed.');
  await save(first);

  await second.getByLabel('Root cause').fill('Customer was out');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'nothing of yours was saved' })).toBeVisible();
  await expect(second.getByText('Changed meanwhile; it is now “Why? Engineer arrived late.')).toBeVisible();
  await expect(second.getByLabel('Root cause')).toHaveValue('Customer was out');
  await expect(second.getByRole('region', { name: 'Details' })).toContainText('Van rota clashed.');

  // Having seen the current values, the second manager may still save theirs deliberately.
  await save(second);
  await expect(second.getByRole('region', { name: 'Details' })).toContainText('Customer was out');
  await context.close();
});
