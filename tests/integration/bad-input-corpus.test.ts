import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { getDb } from '@/db';
import { journeyStages, touchpoints } from '@/db/schema';
import { proxy } from '@/proxy';
import { createUser } from '../support/factories';
import { discover, footprint, HTTP_METHODS, root } from '../support/endpoints';
import { signInAs } from '../support/session';

/*
 * The bad-input corpus: every server action and every route handler, as an admin (who may call
 * all of them), fed NUL bytes, lone surrogates, years 0 and below, absurd dates and huge numbers.
 * Actions must answer with a 4xx and a message, routes never with a 5xx, and nothing is written.
 */

vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const BAD = [
  'a\u0000b',
  'lone \uD800 surrogate',
  '\uDC00',
  '0000-01-01',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31',
  '+275760-09-13T00:00:00Z',
  '2026-02-30',
  '1e308',
  '-1e308',
  '9'.repeat(400),
  'NaN',
  'Infinity',
];

/** The field names the app's forms and API use, each set to the bad value at once. */
const FIELDS = [
  'id',
  'language',
  'name',
  'email',
  'phone',
  'company',
  'notes',
  'title',
  'description',
  'comment',
  'q',
  'from',
  'to',
  'occurredAt',
  'dueOn',
  'saleValue',
  'lostRevenue',
  'csat',
  'nps',
  'touchpointId',
  'customerId',
  'userId',
  'question',
  'opportunities',
  'version',
  'interactionId',
  'categoryId',
  'assigneeId',
  'handled',
  'severity',
  'currency',
  'locale',
  'weekStart',
];

// Public entries need no session; signOut is the one that takes no input at all.
const SKIP_ACTIONS = new Set(['app/(app)/actions.ts#signOutAction']);

let touchpointId = '';

beforeAll(async () => {
  const admin = await createUser({ role: 'admin' });
  signInAs(admin.id);
  const db = await getDb();
  const [stage] = await db.insert(journeyStages).values({ name: 'Corpus', position: 0 }).returning();
  const [touchpoint] = await db
    .insert(touchpoints)
    .values({ name: 'Corpus till', stageId: stage!.id, channel: 'in_person' })
    .returning();
  touchpointId = touchpoint!.id;
});

/** Text PostgreSQL cannot store as given: refused by every action, with nothing written. */
const UNSTORABLE = BAD.slice(0, 3);
const BAD_AFTER_UNSTORABLE = BAD[3];

const isLoneSurrogate = (value: string) => /[\uD800-\uDFFF]/.test(value);

const formOf = (bad: string) => {
  const form = new FormData();
  for (const field of FIELDS) form.set(field, bad);
  return form;
};

const ACTIONS = await discover('actions.ts', (_key, value) => typeof value === 'function');

describe('the bad-input corpus', () => {
  it('finds every server action', () => expect(ACTIONS.length).toBeGreaterThan(40));

  for (const key of ACTIONS) {
    if (SKIP_ACTIONS.has(key)) continue;
    it(`action ${key} refuses unstorable text and answers every bad value without a 5xx`, async () => {
      const [file, name] = key.split('#') as [string, string];
      const action = (
        (await import(path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>
      )[name]!;
      const before = await footprint();
      for (const bad of [...UNSTORABLE, ...BAD.filter((value) => !UNSTORABLE.includes(value))]) {
        if (bad === BAD_AFTER_UNSTORABLE) expect(await footprint(), `${key} wrote unstorable text`).toBe(before);
        // FormData, like a browser, turns a lone surrogate into U+FFFD: that text is clean, so only
        // the plain-object call (as a crafted request could send it) carries the surrogate itself.
        const inputs = isLoneSurrogate(bad)
          ? [Object.fromEntries(FIELDS.map((f) => [f, bad]))]
          : [Object.fromEntries(FIELDS.map((f) => [f, bad])), formOf(bad)];
        for (const input of inputs) {
          // The login and feedback actions take (state, form), the feedback one a token first.
          const result = (await (name === 'submitFeedbackAction'
            ? action(bad, {}, input instanceof FormData ? input : formOf(bad))
            : name === 'signInAction'
              ? action({}, input instanceof FormData ? input : formOf(bad))
              : action(input))) as { ok?: boolean; status?: number; message?: string; fieldErrors?: unknown };
          const label = `${key} ${JSON.stringify(bad)}`;
          // Text that cannot be stored is refused everywhere; a date-looking or numeric text may
          // be a fine name or note, but where it is refused it is refused with a 4xx.
          if ('ok' in result) {
            if (UNSTORABLE.includes(bad)) expect(result.ok, label).toBe(false);
            if (!result.ok) {
              expect(result.status, label).toBeGreaterThanOrEqual(400);
              expect(result.status, label).toBeLessThan(500);
            }
          } else if (UNSTORABLE.includes(bad)) {
            expect(result.message ?? result.fieldErrors, label).toBeTruthy();
          }
        }
      }
    }, 180_000);
  }

  it('every route handler answers every bad value without a 5xx and writes nothing', { timeout: 180_000 }, async () => {
    const routes = await discover(
      'route.ts',
      (key, value) => HTTP_METHODS.includes(key) && typeof value === 'function',
    );
    const before = await footprint();
    for (const key of routes) {
      const [file, method] = key.split('#') as [string, string];
      const handler = (
        (await import(path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<Response>>
      )[method]!;
      for (const bad of BAD) {
        const query = new URLSearchParams(FIELDS.map((f) => [f, bad]));
        const url = `http://localhost/${file.replace(/^app\/(\([^)]+\)\/)?/, '').replace(/\/route\.ts$/, '')}?${query}`;
        // The proxy sees the address first: a NUL or broken UTF-8 never reaches a handler.
        const screened = await proxy(new NextRequest(url, { method }));
        if (screened.status === 400) continue;
        const body =
          method === 'POST'
            ? JSON.stringify({
                touchpointId,
                ...Object.fromEntries(FIELDS.filter((f) => f !== 'touchpointId').map((f) => [f, bad])),
              })
            : undefined;
        const response = await handler(
          new Request(url, { method, body, headers: body ? { 'content-type': 'application/json' } : {} }),
          { params: Promise.resolve({ touchpointId: bad, id: bad, token: bad, nextauth: ['session'] }) },
        );
        // List filters ignore parameters they do not take (a date is a fine search text), so the
        // promise here is no 5xx and no write; the API body, with every field bad, is refused.
        const label = `${key} ${JSON.stringify(bad)}`;
        expect(response.status, label).toBeLessThan(500);
        if (file === 'app/api/v1/interactions/route.ts') expect(response.status, label).toBeGreaterThanOrEqual(400);
        await response.body?.cancel();
      }
    }
    expect(await footprint()).toBe(before);
  });
});
