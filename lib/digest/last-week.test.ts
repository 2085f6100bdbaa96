import { describe, expect, it } from 'vitest';
import { lastWeek } from './weekly-digest';

describe('the digest week', () => {
  // Monday 2026-01-12, 00:30 in Berlin: still Sunday 11 January in UTC.
  const now = new Date('2026-01-11T23:30:00Z');

  it('is the last whole week in the company’s zone', () => {
    expect(lastWeek(now, 'UTC')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(lastWeek(now, 'Europe/Berlin')).toEqual({ from: '2026-01-05', to: '2026-01-11' });
  });

  it('starts on the company’s first day of the week', () => {
    expect(lastWeek(now, 'Europe/Berlin', 7)).toEqual({ from: '2026-01-04', to: '2026-01-10' });
    expect(lastWeek(now, 'UTC', 7)).toEqual({ from: '2026-01-04', to: '2026-01-10' });
  });
});
