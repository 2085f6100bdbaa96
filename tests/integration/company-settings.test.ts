import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { getDb } from '@/db';
import { apiKeys, auditEvents, companySettings, interactions } from '@/db/schema';
import { saveCompanySettingsAction } from '@/app/(app)/admin/settings/actions';
import { GET as exportInteractions } from '@/app/(app)/interactions/export/route';
import { POST as uploadInteractions } from '@/app/(app)/interactions/import/upload/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { generateApiKey } from '@/lib/auth/api-keys';
import type { ImportEvent } from '@/lib/import/upload';
import { metricsResponseSchema } from '@/lib/validation/api';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog } from './staff-fixtures';

/*
 * The company settings an admin saves (name, currency, locale, week start), and the currency as
 * exports and the HTTP API state it: amounts stay plain numbers, the currency is named once.
 */

const DEFAULTS = { name: 'OutsideIn', currency: 'GBP', locale: 'en-GB', weekStart: 1, timeZone: 'UTC' };
let admin: { id: string; email: string };
let manager: { id: string };
let staff: { id: string };
let catalog: Awaited<ReturnType<typeof createCatalog>>;

async function settingsRow() {
  const db = await getDb();
  const [row] = await db
    .select({
      name: companySettings.name,
      currency: companySettings.currency,
      locale: companySettings.locale,
      weekStart: companySettings.weekStart,
      timeZone: companySettings.timeZone,
    })
    .from(companySettings)
    .where(eq(companySettings.id, 1));
  return row;
}

async function settingsAudits() {
  const db = await getDb();
  return db
    .select({ before: auditEvents.before, after: auditEvents.after, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'company_settings.updated'))
    .orderBy(desc(auditEvents.createdAt));
}

async function setCurrency(currency: string) {
  const db = await getDb();
  await db.update(companySettings).set({ currency }).where(eq(companySettings.id, 1));
}

beforeAll(async () => {
  const user = await createUser({ role: 'admin' });
  admin = { id: user.id, email: user.email };
  manager = await createUser({ role: 'manager' });
  staff = await createUser({ role: 'staff' });
  catalog = await createCatalog();
});

beforeEach(() => signInAs(admin.id));

afterEach(async () => {
  const db = await getDb();
  await db.update(companySettings).set(DEFAULTS).where(eq(companySettings.id, 1));
});

describe('saving the company settings', () => {
  it('saves name, currency, locale and week start in one audited change, leaving the time zone alone', async () => {
    const db = await getDb();
    await db.update(companySettings).set({ timeZone: 'Europe/Berlin' }).where(eq(companySettings.id, 1));
    const before = (await settingsAudits()).length;
    const result = await saveCompanySettingsAction({
      name: 'Brightwell Interiors',
      currency: 'EUR',
      locale: 'de-DE',
      weekStart: '7',
      // Not the form's field: the time zone has its own action (it rebuilds the rollups).
      timeZone: 'America/New_York',
    });
    expect(result).toEqual({ ok: true, data: { changed: ['name', 'currency', 'locale', 'weekStart'] } });
    expect(await settingsRow()).toEqual({
      name: 'Brightwell Interiors',
      currency: 'EUR',
      locale: 'de-DE',
      weekStart: 7,
      timeZone: 'Europe/Berlin',
    });
    const audits = await settingsAudits();
    expect(audits).toHaveLength(before + 1);
    expect(audits[0]).toEqual({
      actorId: admin.id,
      before: { name: 'OutsideIn', currency: 'GBP', locale: 'en-GB', weekStart: 1 },
      after: { name: 'Brightwell Interiors', currency: 'EUR', locale: 'de-DE', weekStart: 7 },
    });

    // Saving again with one change audits only that one; saving nothing new audits nothing.
    const again = await saveCompanySettingsAction({
      name: 'Brightwell Interiors',
      currency: 'USD',
      locale: 'de-DE',
      weekStart: '7',
    });
    expect(again).toEqual({ ok: true, data: { changed: ['currency'] } });
    expect((await settingsAudits())[0]).toMatchObject({ before: { currency: 'EUR' }, after: { currency: 'USD' } });
    const same = await saveCompanySettingsAction({
      name: 'Brightwell Interiors',
      currency: 'USD',
      locale: 'de-DE',
      weekStart: '7',
    });
    expect(same).toEqual({ ok: true, data: { changed: [] } });
    expect(await settingsAudits()).toHaveLength(before + 2);
  });

  it('answers bad input beside each field, in the reader’s words, and writes nothing', async () => {
    const before = (await settingsAudits()).length;
    const result = await saveCompanySettingsAction({ name: '', currency: 'XYZ', locale: 'fr-FR', weekStart: '9' });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      message: 'Some fields need attention.',
      fieldErrors: {
        name: ['Enter a name.'],
        currency: ['Choose a currency from the list.'],
        locale: ['Choose a locale from the list.'],
        weekStart: ['Choose the first day of the week.'],
      },
    });
    expect(await settingsRow()).toEqual(DEFAULTS);
    expect(await settingsAudits()).toHaveLength(before);
  });

  it('refuses managers, staff and anonymous callers, changing nothing', async () => {
    for (const [who, status] of [
      [manager.id, 403],
      [staff.id, 403],
      [null, 401],
    ] as const) {
      signInAs(who);
      const result = await saveCompanySettingsAction({
        name: 'Taken over',
        currency: 'EUR',
        locale: 'en-US',
        weekStart: '1',
      });
      expect(result).toMatchObject({ ok: false, status });
    }
    expect(await settingsRow()).toEqual(DEFAULTS);
  });
});

async function exportCsv() {
  signInAs(manager.id);
  const response = await exportInteractions(
    new Request(`http://localhost/interactions/export?touchpoint=${catalog.till.id}`),
  );
  expect(response.status).toBe(200);
  return parse((await response.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
}

async function importCsv(body: string) {
  signInAs(manager.id);
  const response = await uploadInteractions(
    new Request('http://localhost/interactions/import/upload', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv' },
    }),
  );
  const events = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportEvent);
  return events.at(-1) as Extract<ImportEvent, { type: 'result' }>;
}

describe('the currency in CSV files', () => {
  it('names the company’s currency in the export’s header, with plain-number values', async () => {
    const db = await getDb();
    await db.insert(interactions).values({
      touchpointId: catalog.till.id,
      occurredAt: new Date('2026-03-02T10:00:00Z'),
      outcome: 'sale_won',
      saleValue: '1234.50',
      opportunities: 1,
    });
    await setCurrency('EUR');
    const rows = await exportCsv();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toContain('sale_value_eur');
    expect(Object.keys(rows[0]!)).not.toContain('sale_value');
    expect(rows[0]!.sale_value_eur).toBe('1234.50');
  });

  it('imports the currency’s column and the bare sale_value of older files, and refuses another currency', async () => {
    await setCurrency('EUR');
    const line = (id: string, value: string) => `${id},2026-03-03T10:00:00Z,${catalog.till.name},sale_won,${value}`;
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const named = await importCsv(['id,occurred_at,touchpoint,outcome,sale_value_eur', line(a, '99.90')].join('\n'));
    expect(named).toMatchObject({ ok: true, created: 1 });
    const bare = await importCsv(['id,occurred_at,touchpoint,outcome,sale_value', line(b, '12')].join('\n'));
    expect(bare).toMatchObject({ ok: true, created: 1 });
    const other = await importCsv(['id,occurred_at,touchpoint,outcome,sale_value_usd', line(c, '5')].join('\n'));
    if (other.ok) throw new Error('a sale_value_usd column was imported into a EUR company');
    expect(other.message).toContain('sale_value_usd');
    // The refusal lists the column this company's files use.
    expect(other.message).toContain('sale_value_eur');

    const db = await getDb();
    const stored = await db
      .select({ id: interactions.id, saleValue: interactions.saleValue })
      .from(interactions)
      .where(eq(interactions.touchpointId, catalog.till.id));
    const value = (id: string) => stored.find((row) => row.id === id)?.saleValue;
    expect([value(a), value(b), value(c)]).toEqual(['99.90', '12.00', undefined]);
  });
});

describe('the currency in the HTTP API', () => {
  it('states the company’s currency once beside plain-number amounts', async () => {
    const db = await getDb();
    const key = generateApiKey();
    await db
      .insert(apiKeys)
      .values({ name: 'settings', prefix: key.prefix, secretHash: key.hash, scopes: ['metrics:read'] });
    await setCurrency('JPY');
    signInAs(null);
    const response = await getMetrics(
      new Request('http://localhost/api/v1/metrics?from=2026-03-01&to=2026-03-31', {
        headers: { authorization: `Bearer ${key.key}` },
      }),
    );
    expect(response.status).toBe(200);
    const { data } = metricsResponseSchema.parse(await response.json());
    expect(data.currency).toBe('JPY');
    expect(typeof data.kpis.current.costOfPoorQuality).toBe('number');
  });
});
