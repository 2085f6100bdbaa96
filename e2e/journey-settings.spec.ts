import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './accounts';

/*
 * Issue 16: an admin sets the company's currency and locale, and the dashboard's amounts follow.
 * The settings are company-wide (they change every page for every user), so this spec runs in its
 * own Playwright project after all the others (playwright.config.ts), and puts the demo company's
 * values back at the end. It signs in itself (no stored session), so it also runs alone, without
 * the specs it waits for: `node scripts/e2e.mjs --no-deps e2e/journey-settings.spec.ts`.
 * Screenshots of the settings page go to docs/screenshots/ for review.
 */

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'admin');
});

const card = (page: Page, label: string) =>
  page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

// The default period: the seed's last 30 days hold lost sales, so the cost of poor quality is not zero.
const DASHBOARD = '/dashboard';

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));
const money = (locale: string, currency: string, value: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);

async function save(page: Page, values: { currency: string; locale: string }) {
  await page.getByLabel(/^(Currency|Währung)$/).selectOption(values.currency);
  await page.getByLabel(/^(Locale|Gebietsschema)$/).selectOption(values.locale);
  await page.getByRole('button', { name: /^(Save settings|Einstellungen speichern)$/ }).click();
  await expect(page.getByText(/^(Company settings saved\.|Unternehmenseinstellungen gespeichert\.)$/)).toBeVisible();
}

test('an admin switches the currency to euros and the locale to German, and the dashboard follows', async ({
  page,
}) => {
  await page.goto(DASHBOARD);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const pounds = card(page, 'Cost of poor quality');
  await expect(pounds).toHaveText(/^£[\d,]+$/);
  const cost = digits(await pounds.textContent());
  expect(cost).toBeGreaterThan(0);

  // The settings page, from the admin navigation.
  await page.getByRole('link', { name: 'Company settings' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Company settings' })).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveValue('Brightwell Interiors');
  await expect(page.getByLabel('Currency')).toHaveValue('GBP');
  await expect(page.getByLabel('Locale')).toHaveValue('en-GB');
  await expect(page.getByLabel('First day of the week')).toHaveValue('1');

  for (const [name, viewport, colorScheme] of [
    ['settings', { width: 1280, height: 900 }, 'light'],
    ['settings-phone', { width: 390, height: 844 }, 'light'],
    ['settings-dark', { width: 1280, height: 900 }, 'dark'],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A blank name is refused beside its field, and nothing is saved.
  await page.getByLabel('Company name').fill(' ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Company name').fill('Brightwell Interiors');

  // The example under the locale follows the choices before anything is saved.
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Locale').selectOption('de-DE');
  await expect(page.getByText(/1\.234,50\s€/)).toBeVisible();
  await save(page, { currency: 'EUR', locale: 'de-DE' });

  // The admin has no language of their own: they now read the company's, German, with euros.
  await page.goto(DASHBOARD);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(card(page, 'Fehlerkosten')).toHaveText(money('de-DE', 'EUR', cost));

  // The log form's sale value names the currency.
  await page.goto('/log');
  await expect(page.getByLabel('Verkaufswert (€)')).toBeVisible();

  // Back to the demo company's pounds and British formats.
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Unternehmenseinstellungen' })).toBeVisible();
  await save(page, { currency: 'GBP', locale: 'en-GB' });
  await page.goto(DASHBOARD);
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  await expect(card(page, 'Cost of poor quality')).toHaveText(money('en-GB', 'GBP', cost));
});

/*
 * The time zone. Auckland is 12 or 13 hours ahead of UTC: an interaction at 14:00 UTC falls on the
 * next calendar day there, whatever the hour when the test runs. The change rebuilds every rollup
 * in a background job (the job runner runs inside the server under test); the journey watches its
 * progress on the settings card, then sees the dashboard, the lists and the interaction page count
 * and show that interaction on Auckland's day.
 */
const ZONE = 'Pacific/Auckland';
const dayIn = (zone: string, instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
/** The interaction page's time: the named format `dateTime` of lib/i18n/formats.ts, in en-GB. */
const shownAt = (zone: string, instant: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: zone,
  }).format(instant);

/** The total an interactions list shows under its table ("Rows 1–25 of 312", or "Nothing matches."). */
async function interactionsTotal(page: Page): Promise<number> {
  await expect(page.getByRole('heading', { level: 1, name: 'Interactions' })).toBeVisible();
  const text = await page.getByRole('navigation', { name: 'Pages' }).locator('p').innerText();
  return text === 'Nothing matches.' ? 0 : digits(text.replace(/^.* of /, ''));
}

/** Changes the company's zone on the settings card and waits for the rebuild to swap it in. */
async function changeTimeZone(page: Page, zone: string, screenshots?: string) {
  await page.goto('/admin/settings');
  const section = page.getByRole('region', { name: 'Time zone' });
  await section.getByRole('combobox', { name: 'Time zone' }).fill(zone);
  await section.getByRole('button', { name: 'Change time zone' }).click();
  await expect(section.getByText('The change is being rebuilt. The dashboard switches once it is done.')).toBeVisible();
  // While it runs, the card says so, and the zone cannot be changed again.
  const progress = section.getByRole('progressbar', { name: new RegExp(`^Rebuilding the figures in ${zone}`) });
  await expect(progress.or(section.getByText(`Days, weeks and months are counted in ${zone}`))).toBeVisible();
  if (screenshots && (await progress.isVisible())) {
    await section.screenshot({ path: `/tmp/${screenshots}-rebuilding.png` });
  }
  // The page polls the job's progress; the swap takes a few seconds on the demo data.
  await expect(section.getByText(`Days, weeks and months are counted in ${zone}`)).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  // The answer to the request follows: "being rebuilt" gives way to "done".
  await expect(section.getByText(`Done: days are now counted in ${zone}.`)).toBeVisible();
  await expect(section.getByText('The change is being rebuilt.', { exact: false })).toHaveCount(0);
  await expect(section.getByRole('combobox', { name: 'Time zone' })).toBeEnabled();
  if (screenshots) await section.screenshot({ path: `/tmp/${screenshots}-done.png` });
}

test('an admin moves the company to Auckland, and the dashboard counts its days there', async ({ page }) => {
  // Two rebuilds (there and back) besides the journey.
  test.setTimeout(180_000);
  // 14:00 UTC three days ago: that day in UTC, the next day in Auckland; inside the default period.
  const at = new Date(`${dayIn('UTC', new Date(Date.now() - 3 * 86_400_000))}T14:00:00Z`);
  const utcDay = dayIn('UTC', at);
  const aucklandDay = dayIn(ZONE, at);
  expect(aucklandDay > utcDay).toBe(true);

  // Logged while the company counts in UTC, on its wall clock.
  const name = `Zone Zoe ${Date.now()}`;
  await page.goto('/log');
  await page.getByRole('combobox', { name: 'Customer' }).fill(name);
  await page.getByRole('option', { name: `Create new customer “${name}”` }).click();
  await page.getByLabel('Touchpoint').selectOption({ label: 'Sales enquiry call' });
  await page.getByRole('button', { name: 'Change time' }).click();
  await page.getByLabel('When').fill(`${utcDay}T14:00`);
  await page.getByRole('button', { name: 'Save interaction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(`Sales enquiry call with ${name}`);
  const customerId = (await page.getByRole('link', { name: 'Open the customer' }).getAttribute('href'))!
    .split('/')
    .pop()!;
  await page.getByRole('link', { name: 'View the interaction' }).click();
  await expect(page.getByText(shownAt('UTC', at)).first()).toBeVisible();
  const interactionUrl = page.url();

  const listOf = async (day: string) => {
    await page.goto(`/interactions?customer=${customerId}&from=${day}&to=${day}`);
    return interactionsTotal(page);
  };
  expect(await listOf(utcDay)).toBe(1);
  expect(await listOf(aucklandDay)).toBe(0);

  await changeTimeZone(page, ZONE, 'tzjourney');

  // The interaction page names Auckland's time; the customer's list has it on Auckland's day.
  await page.goto(interactionUrl);
  await expect(page.getByText(shownAt(ZONE, at)).first()).toBeVisible();
  expect(await listOf(utcDay)).toBe(0);
  expect(await listOf(aucklandDay)).toBe(1);

  // The dashboard's default period ends on Auckland's today (read either side of the load, in case
  // midnight passes meanwhile).
  const before = dayIn(ZONE, new Date());
  await page.goto(DASHBOARD);
  const filters = page.getByRole('form', { name: 'Dashboard filters' });
  const to = await filters.getByLabel('To', { exact: true }).inputValue();
  expect([before, dayIn(ZONE, new Date())]).toContain(to);

  // The rollups count Auckland's day: the card for that day and touchpoint matches its drill-down,
  // which holds the interaction.
  await filters.getByLabel('From', { exact: true }).fill(aucklandDay);
  await filters.getByLabel('To', { exact: true }).fill(aucklandDay);
  await filters.locator('summary', { hasText: /^Touchpoints/ }).click();
  await filters.getByRole('checkbox', { name: 'Sales enquiry call (Attraction)' }).check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('from') === aucklandDay);
  const count = digits(await card(page, 'Interactions').innerText());
  expect(count).toBeGreaterThan(0);
  await card(page, 'Interactions').getByRole('link').click();
  expect(await interactionsTotal(page)).toBe(count);
  await expect(page.getByRole('link', { name })).toBeVisible();

  // Back to the demo company's UTC.
  await changeTimeZone(page, 'UTC');
  expect(await listOf(utcDay)).toBe(1);
});
