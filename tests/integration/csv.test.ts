import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { getDb } from '@/db';
import { auditEvents, customers, interactions, segments } from '@/db/schema';
import { GET as exportInteractions } from '@/app/(app)/interactions/export/route';
import { POST as uploadInteractions } from '@/app/(app)/interactions/import/upload/route';
import { GET as exportCustomers } from '@/app/(app)/customers/export/route';
import { POST as uploadCustomers } from '@/app/(app)/customers/import/upload/route';
import type { ImportEvent } from '@/lib/import/upload';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog, createCustomerRow, tableCounts } from './staff-fixtures';

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let managerId: string;
let staffId: string;

beforeAll(async () => {
  catalog = await createCatalog();
  managerId = (await createUser({ role: 'manager' })).id;
  staffId = (await createUser({ role: 'staff' })).id;
  const db = await getDb();
  await db.insert(segments).values({ name: 'Landlords' });
});

beforeEach(() => signInAs(managerId));

async function upload(route: (request: Request) => Promise<Response>, body: string | Uint8Array, path: string) {
  const response = await route(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      body: body as BodyInit,
      headers: { 'content-type': 'text/csv' },
    }),
  );
  if (!response.headers.get('content-type')?.includes('ndjson'))
    return { status: response.status, events: [] as ImportEvent[], result: undefined };
  const events = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportEvent);
  const result = events.at(-1) as Extract<ImportEvent, { type: 'result' }>;
  return { status: response.status, events, result };
}

const importInteractions = (body: string | Uint8Array) =>
  upload(uploadInteractions, body, '/interactions/import/upload');
const importCustomers = (body: string | Uint8Array) => upload(uploadCustomers, body, '/customers/import/upload');

describe('interactions CSV import', () => {
  it('imports valid rows with their auto defects, reports progress, and creates nothing twice on a second run', async () => {
    const customer = await createCustomerRow({ externalRef: 'CSV-1', email: 'csv1@example.test' });
    const file = [
      'occurred_at,touchpoint,customer_external_ref,customer_email,outcome,sale_value,csat,notes',
      `2026-01-05T10:00:00Z,${catalog.till.name},CSV-1,,sale_lost,300,,"Wanted it cheaper, ""much"" cheaper"`,
      `2026-01-06T10:00:00Z,${catalog.till.name.toUpperCase()},,CSV1@example.test,resolved,,5,`,
      `2026-01-07T10:00:00Z,${catalog.retired.name},,,Sale won,20,,=formula-looking note`,
    ].join('\n');
    const first = await importInteractions(file);
    expect(first.result).toMatchObject({ ok: true, rows: 3, created: 3, existing: 0, defectsRaised: 1 });
    expect(first.events.some((e) => e.type === 'progress' && e.phase === 'importing')).toBe(true);
    const db = await getDb();
    const rows = await db.select().from(interactions).where(eq(interactions.customerId, customer.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.outcome === 'sale_lost')).toMatchObject({
      source: 'import',
      loggedById: managerId,
      openDefectCount: 1,
      notes: 'Wanted it cheaper, "much" cheaper',
    });

    const before = await tableCounts();
    const second = await importInteractions(file);
    expect(second.result).toMatchObject({ ok: true, created: 0, existing: 3, defectsRaised: 0 });
    expect(await tableCounts()).toEqual(before);
  });

  it('stores a row repeated in the file once, with its defect once, and refuses one id with two sets of values', async () => {
    const customer = await createCustomerRow({ externalRef: 'CSV-TWICE' });
    const row = `2026-01-08T10:00:00Z,${catalog.till.name},CSV-TWICE,sale_lost,120`;
    const before = await tableCounts();
    const { result } = await importInteractions(
      ['occurred_at,touchpoint,customer_external_ref,outcome,sale_value', row, row].join('\n'),
    );
    expect(result).toMatchObject({ ok: true, rows: 2, created: 1, existing: 1, defectsRaised: 1 });
    const db = await getDb();
    expect(await db.select().from(interactions).where(eq(interactions.customerId, customer.id))).toHaveLength(1);
    const after = await tableCounts();
    expect(after.interactions).toBe(before.interactions + 1);
    expect(after.defects).toBe(before.defects + 1);

    const id = '7d1f2c3a-0b4e-4c5d-8e6f-112233445566';
    const clash = await importInteractions(
      [
        'id,occurred_at,touchpoint,customer_external_ref,outcome,sale_value',
        `${id},2026-01-09T10:00:00Z,${catalog.till.name},CSV-TWICE,sale_lost,120`,
        `${id},2026-01-09T10:00:00Z,${catalog.till.name},CSV-TWICE,sale_won,120`,
      ].join('\n'),
    );
    expect(clash.result).toMatchObject({ ok: false, errorCount: 1 });
    if (clash.result && !clash.result.ok)
      expect(clash.result.errors[0]).toEqual({
        row: 3,
        column: 'id',
        reason: 'Row 2 has the same id with other values.',
      });
    expect(await tableCounts()).toEqual(after);
  });

  it('imports nothing when one row is bad, and names each bad row, column and reason', async () => {
    await createCustomerRow({ externalRef: 'CSV-2' });
    const before = await tableCounts();
    const file = [
      'occurred_at,touchpoint,customer_external_ref,csat,sale_value,outcome',
      `2026-01-05T10:00:00Z,${catalog.till.name},CSV-2,4,,`,
      `2026-01-05T11:00:00Z,${catalog.till.name},CSV-2,9,,`,
      `2026-01-05T12:00:00Z,Nowhere,CSV-404,,-5,sale_maybe`,
      `2099-01-01T00:00:00Z,${catalog.till.name},,,,`,
      `not a date,${catalog.till.name},,,,`,
    ].join('\n');
    const { result } = await importInteractions(file);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.message).toMatch(/^Nothing was imported/);
      const pairs = result.errors.map((e) => `${e.row}:${e.column}`);
      expect(pairs).toEqual(
        expect.arrayContaining([
          '3:csat',
          '4:touchpoint',
          '4:customer_external_ref',
          '4:sale_value',
          '4:outcome',
          '5:occurred_at',
          '6:occurred_at',
        ]),
      );
      expect(pairs).not.toContain('2:csat');
      expect(result.errors.find((e) => e.row === 3)?.reason).toBe('CSAT must be between 1 and 5.');
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('imports nothing when the bad row comes after whole batches were already written', async () => {
    // Batches are written while later rows are still checked: a late bad row must roll them back.
    await createCustomerRow({ externalRef: 'CSV-LATE' });
    const before = await tableCounts();
    const good = Array.from(
      { length: 12_000 },
      (_, i) =>
        `${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()},${catalog.till.name},CSV-LATE,${1 + (i % 5)},,`,
    );
    const file = [
      'occurred_at,touchpoint,customer_external_ref,csat,sale_value,outcome',
      ...good,
      `2026-03-01T10:00:00Z,${catalog.till.name},CSV-LATE,11,,`,
    ].join('\n');
    const { result } = await importInteractions(file);
    expect(result).toMatchObject({ ok: false, errorCount: 1 });
    if (result && !result.ok) expect(result.errors[0]).toMatchObject({ row: 12_002, column: 'csat' });
    expect(await tableCounts()).toEqual(before);

    const fixed = file.replace(/,11,,$/, ',3,,');
    expect((await importInteractions(fixed)).result).toMatchObject({ ok: true, rows: 12_001, created: 12_001 });
  });

  it.each([
    ['wrong columns', 'when,where\n2026-01-01,x\n', /header row does not match/],
    ['no rows', 'occurred_at,touchpoint\n', /no rows/],
    ['a million empty lines', `occurred_at,touchpoint\n${'\n'.repeat(1_000_000)}`, /no rows/],
  ])('refuses %s with a clear message and writes nothing', async (_label, file, message) => {
    const before = await tableCounts();
    const { status, result } = await importInteractions(file);
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('occurred_at,touchpoint\n2026-01-01T00:00:00Z,Caf'),
      0xe9,
      0x0a,
    ]);
    expect((await importInteractions(latin1)).result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not UTF-8/),
    });
  });

  it('refuses staff and anonymous callers, whatever they send', async () => {
    const before = await tableCounts();
    signInAs(staffId);
    expect(
      (await importInteractions(`occurred_at,touchpoint\n2026-01-01T00:00:00Z,${catalog.till.name}\n`)).status,
    ).toBe(403);
    signInAs(null);
    expect(
      (await importInteractions(`occurred_at,touchpoint\n2026-01-01T00:00:00Z,${catalog.till.name}\n`)).status,
    ).toBe(401);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('CSV export', () => {
  it('exports the interactions list as filtered, and the export re-imports changing nothing', async () => {
    const customer = await createCustomerRow({ externalRef: 'CSV-RT' });
    const file = [
      'occurred_at,touchpoint,customer_external_ref,outcome,sale_value,expectation,experience,notes',
      ...Array.from(
        { length: 30 },
        (_, i) =>
          `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i).padStart(2, '0')}:00Z,${catalog.till.name},CSV-RT,${i % 3 === 0 ? 'sale_lost' : 'resolved'},${i * 10},4,${1 + (i % 5)},"note ${i}\nsecond line"`,
      ),
    ].join('\n');
    expect((await importInteractions(file)).result).toMatchObject({ ok: true, created: 30 });

    const response = await exportInteractions(
      new Request(`http://localhost/interactions/export?customer=${customer.id}&outcome=sale_lost`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.outcome === 'sale_lost' && r.customer_external_ref === 'CSV-RT')).toBe(true);
    expect(rows[0]!.occurred_at! > rows[9]!.occurred_at!).toBe(true);

    const everything = await (
      await exportInteractions(new Request(`http://localhost/interactions/export?customer=${customer.id}`))
    ).text();
    const before = await tableCounts();
    expect((await importInteractions(everything)).result).toMatchObject({
      ok: true,
      rows: 30,
      created: 0,
      existing: 30,
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('streams in keyset pages without losing or repeating a row', async () => {
    const { streamInteractions } = await import('@/lib/queries/interactions');
    const { interactionFiltersSchema } = await import('@/lib/validation/filters');
    const seen: string[] = [];
    for await (const page of streamInteractions(interactionFiltersSchema.parse({}), 7))
      seen.push(...page.map((r) => r.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await tableCounts()).interactions);
  });

  it('refuses staff and bad filters', async () => {
    signInAs(staffId);
    expect((await exportInteractions(new Request('http://localhost/interactions/export'))).status).toBe(403);
    signInAs(managerId);
    expect((await exportInteractions(new Request('http://localhost/interactions/export?from=yesterday'))).status).toBe(
      400,
    );
  });
});

describe('customers CSV', () => {
  it('imports customers, matches existing ones by reference or email, and a re-import of the export changes nothing', async () => {
    await createCustomerRow({ externalRef: 'C-OLD', email: 'old@example.test' });
    const file = [
      'name,email,company,segment,lifecycle,external_ref,owner_email',
      'New Person,new@example.test,Acme,landlords,At risk,C-NEW,',
      'Old By Ref,,,,,C-OLD,',
      'Old By Email,OLD@example.test,,,,,',
      'No Keys At All,,,,,,',
    ].join('\n');
    const first = await importCustomers(file);
    expect(first.result).toMatchObject({ ok: true, rows: 4, created: 2, existing: 2 });
    expect((await importCustomers(file)).result).toMatchObject({ ok: true, created: 0, existing: 4 });
    const db = await getDb();
    const [row] = await db.select().from(customers).where(eq(customers.externalRef, 'C-NEW'));
    expect(row).toMatchObject({ name: 'New Person', lifecycle: 'at_risk', company: 'Acme' });

    const exported = await (await exportCustomers(new Request('http://localhost/customers/export'))).text();
    const before = await tableCounts();
    expect((await importCustomers(exported)).result).toMatchObject({ ok: true, created: 0 });
    expect(await tableCounts()).toEqual(before);
  });

  it('imports no customer when one row is bad, naming the row and column', async () => {
    const before = await tableCounts();
    const file = [
      'name,email,segment,external_ref',
      'Fine,fine@example.test,,C-F1',
      ',blank-name@example.test,,',
      'Bad Mail,not-an-email,Nope,C-F1',
    ].join('\n');
    const { result } = await importCustomers(file);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.errors.map((e) => `${e.row}:${e.column}`)).toEqual(
        expect.arrayContaining(['3:name', '4:email', '4:segment']),
      );
    }
    expect(await tableCounts()).toEqual(before);
    const dup = await importCustomers(['name,external_ref', 'A,C-DUP', 'B,C-DUP'].join('\n'));
    expect(dup.result).toMatchObject({ ok: false, errors: [{ row: 3, column: 'external_ref' }] });
  });
});

describe('re-importing changed rows, and other tools’ headers', () => {
  it('reports each re-imported interaction whose values differ, changing nothing', async () => {
    await createCustomerRow({ externalRef: 'CSV-RE' });
    const id = '7d3c1f4e-0b1a-4c55-9a77-0d1e2f3a4b5c';
    const header = 'id,occurred_at,touchpoint,customer_external_ref,outcome,sale_value,csat';
    const original = [header, `${id},2026-02-01T10:00:00Z,${catalog.till.name},CSV-RE,sale_won,300,5`].join('\n');
    expect((await importInteractions(original)).result).toMatchObject({ ok: true, created: 1 });
    const edited = [header, `${id},2026-02-01T10:00:00Z,${catalog.till.name},CSV-RE,sale_lost,300,2`].join('\n');
    const before = await tableCounts();
    const { result } = await importInteractions(edited);
    expect(result).toMatchObject({
      ok: true,
      created: 0,
      existing: 1,
      changedCount: 1,
      changed: [{ row: 2, id, columns: ['outcome', 'csat'] }],
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('with “update existing rows”, applies the changes, re-applies the rules and audits each row', async () => {
    await createCustomerRow({ externalRef: 'CSV-UP' });
    const id = '2b6f8a10-5c3d-4e7f-8a9b-1c2d3e4f5a6b';
    const header = 'id,occurred_at,touchpoint,customer_external_ref,outcome,sale_value';
    await importInteractions(
      [header, `${id},2026-02-02T10:00:00Z,${catalog.till.name},CSV-UP,sale_won,300`].join('\n'),
    );
    const { result } = await upload(
      uploadInteractions,
      [header, `${id},2026-02-02T10:00:00Z,${catalog.till.name},CSV-UP,sale_lost,300`].join('\n'),
      '/interactions/import/upload?update=1',
    );
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1, defectsRaised: 1 });
    const db = await getDb();
    const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(row).toMatchObject({ outcome: 'sale_lost', openDefectCount: 1 });
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'interaction.updated',
        actorId: managerId,
        after: expect.objectContaining({ outcome: 'sale_lost', via: 'import' }),
      }),
    ]);
  });

  it('validates an updated row like a new one, and writes nothing when one is bad', async () => {
    const id = '3c7a9b21-6d4e-4f80-9bac-2d3e4f5a6b7c';
    const header = 'id,occurred_at,touchpoint,csat';
    await importInteractions([header, `${id},2026-02-03T10:00:00Z,${catalog.till.name},4`].join('\n'));
    const before = await tableCounts();
    const { result } = await upload(
      uploadInteractions,
      [header, `${id},2026-02-03T10:00:00Z,${catalog.till.name},9`].join('\n'),
      '/interactions/import/upload?update=1',
    );
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, column: 'csat' }] });
    expect(await tableCounts()).toEqual(before);
  });

  it('updates or reports changed customers matched by reference', async () => {
    await createCustomerRow({ name: 'Old Name', externalRef: 'C-UPD', phone: null });
    const file = ['name,external_ref,phone', 'New Name,C-UPD,0123 456'].join('\n');
    expect((await importCustomers(file)).result).toMatchObject({
      ok: true,
      created: 0,
      changed: [{ row: 2, columns: ['name', 'phone'] }],
    });
    const updated = await upload(uploadCustomers, file, '/customers/import/upload?update=1');
    expect(updated.result).toMatchObject({ ok: true, updated: 1 });
    const db = await getDb();
    const [row] = await db.select().from(customers).where(eq(customers.externalRef, 'C-UPD'));
    expect(row).toMatchObject({ name: 'New Name', phone: '0123 456' });
  });

  it('imports a file with another tool’s headers once they are mapped to ours', async () => {
    const file = ['Full Name,E-mail,Account ID,Tier', 'Mapped Person,mapped@example.test,C-MAP,Gold'].join('\n');
    const refused = await importCustomers(file);
    expect(refused.result).toMatchObject({ ok: false, message: expect.stringMatching(/Map the file’s columns/) });
    const map = JSON.stringify({ 'Full Name': 'name', 'E-mail': 'email', 'Account ID': 'external_ref', Tier: '' });
    const mapped = await upload(uploadCustomers, file, `/customers/import/upload?map=${encodeURIComponent(map)}`);
    expect(mapped.result).toMatchObject({ ok: true, created: 1 });
    const bad = await upload(uploadCustomers, file, '/customers/import/upload?map=%7Bnot-json');
    expect(bad.status).toBe(400);
  });
});

describe('a re-import that leaves columns out', () => {
  it('neither reports nor clears the values of columns the file does not carry', async () => {
    const id = '4d8b0c32-7e5f-4a91-8cbd-3e4f5a6b7c8d';
    await importInteractions(
      ['id,occurred_at,touchpoint,csat,notes', `${id},2026-02-04T10:00:00Z,${catalog.till.name},5,Kept`].join('\n'),
    );
    const file = ['id,occurred_at,touchpoint,nps', `${id},2026-02-04T10:00:00Z,${catalog.till.name},10`].join('\n');
    expect((await importInteractions(file)).result).toMatchObject({ changed: [{ row: 2, columns: ['nps'] }] });
    await upload(uploadInteractions, file, '/interactions/import/upload?update=1');
    const db = await getDb();
    const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
    expect(row).toMatchObject({ csat: 5, notes: 'Kept', nps: 10 });
  });
});
