import { expect, test, type APIRequestContext } from '@playwright/test';
import { storageStatePath } from './accounts';

const ADMIN_PAGES = [
  '/admin/touchpoints',
  '/admin/touchpoints/new',
  '/admin/stages',
  '/admin/categories',
  '/admin/segments',
  '/admin/users',
  '/admin/api-keys',
  '/admin/audit',
];

async function touchpointFromApi(request: APIRequestContext, name: string) {
  const response = await request.get('/api/v1/touchpoints');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    data: { name: string; active: boolean; stageName: string; opportunities: number }[];
  };
  return body.data.find((touchpoint) => touchpoint.name === name);
}

test.describe('touchpoint administration', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('an admin creates a touchpoint, it is offered at once, and after deactivation it is inactive but kept', async ({
    page,
  }) => {
    const name = `Showroom visit ${Date.now()}`;
    await page.goto('/admin/touchpoints');
    await page.getByRole('link', { name: 'New touchpoint' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New touchpoint' })).toBeVisible();

    // Bad input first: the message sits beside its field and what was typed stays.
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Opportunities per interaction').fill('5000');
    await page.getByRole('button', { name: 'Create touchpoint' }).click();
    await expect(page.getByText('Opportunities per interaction must be between 1 and 1000.')).toBeVisible();
    await expect(page.getByLabel('Opportunities per interaction')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Name')).toHaveValue(name);

    await page.getByLabel('Journey stage').selectOption({ label: 'Purchase' });
    await page.getByLabel('Channel').selectOption({ label: 'In person' });
    await page.getByLabel('Opportunities per interaction').fill('3');
    await page.getByLabel('Low NPS likelihood is a defect').check();
    await page.getByRole('button', { name: 'Create touchpoint' }).click();
    // Four rules enabled: each is an opportunity for a defect, so three opportunities are too few.
    await expect(page.getByText(/^At least 4: each enabled auto-defect rule is an opportunity/)).toBeVisible();
    await expect(page.getByLabel('Opportunities per interaction')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Opportunities per interaction').fill('4');
    await page.getByRole('button', { name: 'Create touchpoint' }).click();

    await expect(page).toHaveURL(/\/admin\/touchpoints$/);
    const purchase = page.getByRole('region', { name: 'Purchase' });
    const row = purchase.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('In person');

    // What the logging form and integrations are offered: the API lists it as active at once.
    expect(await touchpointFromApi(page.request, name)).toMatchObject({
      active: true,
      stageName: 'Purchase',
      opportunities: 4,
    });

    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByLabel('Low NPS likelihood is a defect')).toBeChecked();
    await page.getByRole('button', { name: 'Deactivate touchpoint' }).click();
    await expect(page.getByRole('button', { name: 'Activate touchpoint' })).toBeVisible();

    expect(await touchpointFromApi(page.request, name)).toMatchObject({ active: false });
    await page.goto('/admin/touchpoints');
    await expect(
      page.getByRole('region', { name: 'Purchase' }).getByRole('row', { name: new RegExp(name) }),
    ).toContainText('Inactive');
  });

  test('a touchpoint with history cannot be deleted, and says why', async ({ page }) => {
    await page.goto('/admin/touchpoints');
    // Seeded touchpoints all have interactions.
    await page.getByRole('region', { name: 'Purchase' }).getByRole('link').first().click();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete touchpoint' }).click();
    await expect(page.getByRole('status').getByText(/deleting it would rewrite history/)).toBeVisible();
  });

  test('stages reorder with the keyboard, keeping focus on the moved stage', async ({ page }) => {
    await page.goto('/admin/stages');
    const items = page
      .getByRole('list')
      .filter({ has: page.getByRole('button', { name: /^Move .* up$/ }) })
      .getByRole('listitem');
    await expect(items.nth(0)).toContainText('Awareness');
    await page.getByRole('button', { name: 'Move Awareness down' }).focus();
    await page.keyboard.press('Enter');
    await expect(items.nth(0)).toContainText('Discovery');
    await expect(items.nth(1)).toContainText('Awareness');
    await expect(page.getByRole('button', { name: 'Move Awareness down' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Move Awareness up' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(items.nth(0)).toContainText('Awareness');
  });
});

for (const role of ['manager', 'staff'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStatePath(role) });

    test('every admin page answers 403', async ({ page }) => {
      for (const path of ADMIN_PAGES) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
      }
    });
  });
}
