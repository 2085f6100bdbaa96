import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents } from '@/db/schema';
import {
  authenticate,
  DEACTIVATED_MESSAGE,
  INVALID_CREDENTIALS_MESSAGE,
  LOGIN_FAILED,
  LOGIN_THROTTLED,
  MAX_FAILURES_PER_EMAIL,
  pairDelaySeconds,
} from '@/lib/auth/authenticate';
import { createUser } from '../support/factories';

async function failuresFor(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, LOGIN_FAILED), eq(auditEvents.entityId, email.toLowerCase())));
  return row?.n ?? 0;
}

describe('authenticate', () => {
  it('accepts the right password, whatever the email case', async () => {
    const user = await createUser({ role: 'staff', password: 'right password' });
    const result = await authenticate({ email: user.email.toUpperCase(), password: 'right password' });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: 'staff' } });
  });

  it('refuses a wrong password with a clear message and audits the failure', async () => {
    const user = await createUser({ role: 'manager', password: 'right password' });
    const result = await authenticate({ email: user.email, password: 'wrong password', ip: '203.0.113.9' });
    expect(result).toEqual({ ok: false, reason: 'invalid', message: INVALID_CREDENTIALS_MESSAGE });
    expect(await failuresFor(user.email)).toBe(1);
  });

  it('refuses an unknown email the same way', async () => {
    const result = await authenticate({ email: 'nobody@example.test', password: 'whatever' });
    expect(result).toEqual({ ok: false, reason: 'invalid', message: INVALID_CREDENTIALS_MESSAGE });
    expect(await failuresFor('nobody@example.test')).toBe(1);
  });

  it('refuses a deactivated user even with the right password', async () => {
    const user = await createUser({ role: 'staff', password: 'right password', active: false });
    const result = await authenticate({ email: user.email, password: 'right password' });
    expect(result).toEqual({ ok: false, reason: 'invalid', message: DEACTIVATED_MESSAGE });
  });

  it('throttles an email after repeated failures, even when the right password follows', async () => {
    const user = await createUser({ role: 'staff', password: 'right password' });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await authenticate({ email: user.email, password: `guess ${i}` })).ok).toBe(false);
    }
    const result = await authenticate({ email: user.email, password: 'right password' });
    expect(result).toMatchObject({
      ok: false,
      reason: 'throttled',
      message: expect.stringMatching(/^Too many failed/),
    });
  });

  it('throttles one address trying many emails', async () => {
    for (let i = 0; i < 20; i++)
      await authenticate({ email: `spray-${i}@example.test`, password: 'x', ip: '198.51.100.7' });
    const user = await createUser({ role: 'staff', password: 'right password' });
    expect(await authenticate({ email: user.email, password: 'right password', ip: '198.51.100.7' })).toMatchObject({
      reason: 'throttled',
    });
    expect(await authenticate({ email: user.email, password: 'right password', ip: '198.51.100.8' })).toMatchObject({
      ok: true,
    });
  });

  it('slows one (email, address) pair with growing delays, not the email everywhere', async () => {
    expect([0, 1, 2, 3, 4, 5, 12, 40].map(pairDelaySeconds)).toEqual([0, 0, 0, 5, 10, 20, 900, 900]);
    const user = await createUser({ role: 'admin', password: 'right password' });
    for (let i = 0; i < 5; i++) await authenticate({ email: user.email, password: `guess ${i}`, ip: '192.0.2.66' });
    // The attacker's address must wait; the admin at their own address signs in at once.
    expect(await authenticate({ email: user.email, password: 'right password', ip: '192.0.2.66' })).toMatchObject({
      reason: 'throttled',
    });
    expect(await authenticate({ email: user.email, password: 'right password', ip: '192.0.2.10' })).toMatchObject({
      ok: true,
    });
  });

  it('lets a known device in while an email is flooded from many addresses, and audits the throttling', async () => {
    const user = await createUser({ role: 'admin', password: 'right password' });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      await authenticate({ email: user.email, password: 'x', ip: `198.18.0.${i + 1}` });
    // A stranger's client is held back by the per-email limit…
    expect(await authenticate({ email: user.email, password: 'right password', ip: '192.0.2.20' })).toMatchObject({
      reason: 'throttled',
    });
    // …the owner's browser, which signed in before, is not.
    expect(
      await authenticate({ email: user.email, password: 'right password', ip: '192.0.2.20', knownDevice: true }),
    ).toMatchObject({ ok: true });
    const db = await getDb();
    const throttled = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, LOGIN_THROTTLED), eq(auditEvents.entityId, user.email.toLowerCase())));
    expect(throttled).toHaveLength(1);
    expect(throttled[0]!.ip).toBe('192.0.2.20');
  });
});
