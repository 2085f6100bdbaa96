import { describe, expect, it } from 'vitest';
import { retryDelaySeconds, shouldGiveUp } from './backoff';

describe('retryDelaySeconds', () => {
  it('grows fourfold from 5 seconds and stops at 4 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelaySeconds)).toEqual([
      5, 20, 80, 320, 1280, 5120, 14400, 14400, 14400,
    ]);
  });
});

describe('shouldGiveUp', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('gives up after the last attempt', () => {
    expect(shouldGiveUp({ attempts: 10, maxAttempts: 10, now, expiresAt: null })).toBe(true);
    expect(shouldGiveUp({ attempts: 9, maxAttempts: 10, now, expiresAt: null })).toBe(false);
  });
  it('gives up when the next retry would fall after the deadline', () => {
    // The 6th failure waits 5,120 s (85 min 20 s); a deadline 85 min away is too close.
    expect(shouldGiveUp({ attempts: 6, maxAttempts: 50, now, expiresAt: new Date(now.getTime() + 85 * 60_000) })).toBe(
      true,
    );
    expect(shouldGiveUp({ attempts: 6, maxAttempts: 50, now, expiresAt: new Date(now.getTime() + 86 * 60_000) })).toBe(
      false,
    );
  });
});
