import { describe, expect, it } from 'vitest';
import { canEditInteraction, STAFF_EDIT_WINDOW_MS } from './edit-window';

const now = new Date('2026-06-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('canEditInteraction', () => {
  const staff = { id: 'me', role: 'staff' as const };

  it('lets staff edit their own interaction within 24 hours', () => {
    expect(canEditInteraction(staff, { loggedById: 'me', createdAt: ago(STAFF_EDIT_WINDOW_MS - 1) }, now)).toBe(true);
  });

  it('refuses staff once 24 hours have passed', () => {
    expect(canEditInteraction(staff, { loggedById: 'me', createdAt: ago(STAFF_EDIT_WINDOW_MS) }, now)).toBe(false);
  });

  it('refuses staff someone else’s or an anonymous interaction', () => {
    expect(canEditInteraction(staff, { loggedById: 'other', createdAt: now }, now)).toBe(false);
    expect(canEditInteraction(staff, { loggedById: null, createdAt: now }, now)).toBe(false);
  });

  it('lets managers and admins edit any interaction at any age', () => {
    const old = { loggedById: 'other', createdAt: ago(365 * STAFF_EDIT_WINDOW_MS) };
    expect(canEditInteraction({ id: 'm', role: 'manager' }, old, now)).toBe(true);
    expect(canEditInteraction({ id: 'a', role: 'admin' }, old, now)).toBe(true);
  });
});
