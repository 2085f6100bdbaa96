import { describe, expect, it } from 'vitest';
import { auditFiltersSchema } from './audit';

describe('audit filters', () => {
  it('take real days and refuse a day the calendar does not have', () => {
    expect(auditFiltersSchema.parse({ from: '2026-02-28', to: '2026-03-01' })).toMatchObject({
      from: '2026-02-28',
      to: '2026-03-01',
    });
    expect(auditFiltersSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ to: '9999-12-31' }).success).toBe(false);
  });
});
