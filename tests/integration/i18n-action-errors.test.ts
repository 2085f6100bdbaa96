import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { interactions, users } from '@/db/schema';
import { logInteractionAction } from '@/app/(app)/log/actions';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { POST as postInteractions } from '@/app/api/v1/interactions/route';
import { GET as getTouchpoints } from '@/app/api/v1/touchpoints/route';
import { GET as searchCustomers } from '@/app/(app)/customers/search/route';
import { GET as exportDefects } from '@/app/(app)/defects/export/route';
import { GET as exportInteractions } from '@/app/(app)/interactions/export/route';
import { GET as qrCode } from '@/app/(app)/admin/feedback/[touchpointId]/qr/route';
import { createUser } from '../support/factories';
import { signInAs } from '../support/session';
import { createCatalog } from './staff-fixtures';

/*
 * Bad input in the reader's language (issue 16, docs/i18n.md): schema and domain messages are
 * references translated by the one action wrapper for the signed-in user, so a German user sees
 * German messages next to the fields, an English user the English ones, and the HTTP API answers
 * in English whatever the caller's language.
 */

let catalog: Awaited<ReturnType<typeof createCatalog>>;
let germanId: string;
let englishId: string;

beforeAll(async () => {
  catalog = await createCatalog();
  const db = await getDb();
  germanId = (await createUser({ role: 'manager' })).id;
  await db.update(users).set({ language: 'de' }).where(eq(users.id, germanId));
  englishId = (await createUser({ role: 'manager' })).id;
});

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

const badLog = () =>
  form({
    id: randomUUID(),
    customerMode: 'none',
    touchpointId: catalog.till.id,
    csat: '9',
    saleValue: '-5',
    occurredAt: '2999-01-01T10:00',
    notes: 'x\u0000',
  });

describe('field errors in the reader’s language', () => {
  it('answers a German user in German, beside each field, and stores nothing', async () => {
    signInAs(germanId);
    const result = await logInteractionAction(badLog());
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      message: 'Einige Felder sind noch nicht korrekt.',
      fieldErrors: { notes: ['Entfernen Sie die unsichtbaren Steuerzeichen aus diesem Feld.'] },
    });

    const clean = await logInteractionAction(
      form({
        id: randomUUID(),
        customerMode: 'none',
        touchpointId: catalog.till.id,
        csat: '9',
        saleValue: '-5',
        occurredAt: '2999-01-01T10:00',
      }),
    );
    expect(clean).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: {
        csat: ['CSAT muss zwischen 1 und 5 liegen.'],
        saleValue: ['Der Verkaufswert darf nicht negativ sein.'],
        occurredAt: ['Das Datum darf nicht in der Zukunft liegen.'],
      },
    });
    const db = await getDb();
    expect(await db.select().from(interactions).where(eq(interactions.loggedById, germanId))).toEqual([]);
  });

  it('translates arguments too: numbers in the reader’s format, workflow statuses by their German names', async () => {
    signInAs(germanId);
    const tooMuch = await logInteractionAction(
      form({ id: randomUUID(), customerMode: 'none', touchpointId: catalog.till.id, saleValue: '2000000000' }),
    );
    expect(tooMuch).toMatchObject({
      fieldErrors: { saleValue: ['Der Verkaufswert darf höchstens 1.000.000.000 betragen.'] },
    });

    const missingChoice = await logInteractionAction(form({ id: randomUUID(), touchpointId: catalog.till.id }));
    expect(missingChoice).toMatchObject({
      fieldErrors: { customerId: ['Einen Kunden wählen, einen neuen anlegen oder „Kein Kunde“ wählen.'] },
    });
  });

  it('answers an English user in English', async () => {
    signInAs(englishId);
    const result = await logInteractionAction(
      form({
        id: randomUUID(),
        customerMode: 'none',
        touchpointId: catalog.till.id,
        csat: '9',
        saleValue: '2000000000',
      }),
    );
    expect(result).toMatchObject({
      message: 'Some fields need attention.',
      fieldErrors: {
        csat: ['CSAT must be between 1 and 5.'],
        saleValue: ['The sale value can be at most 1,000,000,000.'],
      },
    });
  });

  it('translates a refusal of the domain (DomainError) for the reader', async () => {
    signInAs(germanId);
    const result = await updateDefectAction(form({ id: randomUUID(), version: '1', status: 'closed' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toMatch(/^validation:/);
    expect(result.message).toMatch(/[äöüß]|Fehler/);
  });

  it('keeps the HTTP API English for a German user', async () => {
    signInAs(germanId);
    const response = await postInteractions(
      new Request('http://localhost/api/v1/interactions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ touchpointId: catalog.till.id, csat: 9 }),
      }) as never,
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(await response.json())).not.toMatch(/validation:|muss/);
  });
});

describe('the problems of the app’s own routes in the reader’s language', () => {
  const problemOf = async (response: Response) => ({
    status: response.status,
    ...((await response.json()) as { detail?: string; errors?: { pointer: string; message: string }[] }),
  });

  it('says a refused search, export filter and QR code in German to a German user', async () => {
    signInAs(germanId);
    expect(
      await problemOf(await searchCustomers(new Request(`http://localhost/customers/search?q=${'x'.repeat(101)}`))),
    ).toMatchObject({
      status: 400,
      detail: 'Suchen Sie nach höchstens 100 Zeichen.',
    });
    const filters = await problemOf(
      await exportDefects(new Request('http://localhost/defects/export?from=2026-02-30')),
    );
    expect(filters).toMatchObject({ status: 400, detail: 'Einige Filter wurden nicht verstanden.' });
    expect(JSON.stringify(filters)).not.toMatch(/validation:/);
    expect(
      await problemOf(await exportInteractions(new Request('http://localhost/interactions/export?from=nonsense'))),
    ).toMatchObject({ status: 400, detail: 'Einige Filter wurden nicht verstanden.' });
  });

  it('says a refusal of the session (role) in the reader’s language, and the same to an English user in English', async () => {
    const staff = await createUser({ role: 'staff' });
    const db = await getDb();
    await db.update(users).set({ language: 'de' }).where(eq(users.id, staff.id));
    signInAs(staff.id);
    expect(await problemOf(await exportDefects(new Request('http://localhost/defects/export')))).toMatchObject({
      status: 403,
      detail: 'Nur Manager und Admins exportieren Daten.',
    });
    signInAs(englishId);
    const qr = await problemOf(
      await qrCode(new Request(`http://localhost/admin/feedback/${catalog.till.id}/qr?format=gif`), {
        params: Promise.resolve({ touchpointId: catalog.till.id }),
      }),
    );
    expect(qr).toMatchObject({ status: 403, detail: 'Only admins manage feedback links.' });
  });

  it('keeps the API’s session refusals English for a German user', async () => {
    const staff = await createUser({ role: 'staff' });
    const db = await getDb();
    await db.update(users).set({ language: 'de' }).where(eq(users.id, staff.id));
    signInAs(staff.id);
    const response = await getTouchpoints(new Request('http://localhost/api/v1/touchpoints') as never);
    expect(await problemOf(response)).toMatchObject({ status: 403, detail: 'You do not have permission to do that.' });
  });
});
