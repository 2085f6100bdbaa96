import { describe, expect, it, vi } from 'vitest';
import { createFormatter, createTranslator } from 'use-intl/core';
import { rememberingFormatter, rememberingTranslator } from './remembered';

vi.mock('next-intl/server', () => ({ getLocale: vi.fn(), getTimeZone: vi.fn() }));
vi.mock('@/lib/settings/company', () => ({ getCompanySettings: vi.fn() }));

const messages = { d: { hello: 'Hello {name}', count: '{count, plural, one {# row} other {# rows}}', plain: 'Plain' } };

describe('remembered texts', () => {
  it('writes what next-intl writes, and asks it once per message and values', () => {
    const t = createTranslator({ locale: 'en-GB', messages, namespace: 'd' });
    const spy = vi.fn(t);
    const remembered = rememberingTranslator('en-GB|UTC|GBP|d|test1', Object.assign(spy, t));
    expect(remembered('count', { count: 1 })).toBe('1 row');
    expect(remembered('count', { count: 2 })).toBe('2 rows');
    expect(remembered('count', { count: 2 })).toBe('2 rows');
    expect(remembered('hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(remembered('plain')).toBe('Plain');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('passes calls with values that are not plain straight through', () => {
    const t = createTranslator({ locale: 'en-GB', messages, namespace: 'd' });
    const spy = vi.fn(t);
    const remembered = rememberingTranslator('en-GB|UTC|GBP|d|test2', Object.assign(spy, t));
    remembered('hello', { name: Number.NaN });
    remembered('hello', { name: Number.NaN });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(remembered.rich('hello', { name: 'Ada' })).toBe('Hello Ada');
  });

  it('keeps scopes apart: another locale or currency writes its own text', () => {
    const formats = (currency: string) => ({ number: { money: { style: 'currency', currency } as const } });
    const gbp = rememberingFormatter('en-GB|UTC|GBP', createFormatter({ locale: 'en-GB', formats: formats('GBP') }));
    const eur = rememberingFormatter('de-DE|UTC|EUR', createFormatter({ locale: 'de-DE', formats: formats('EUR') }));
    expect(gbp.number(1234.5, 'money')).toBe('£1,234.50');
    expect(eur.number(1234.5, 'money')).toMatch(/^1\.234,50\s€$/);
    const day = new Date('2026-03-02T00:00:00Z');
    const at = rememberingFormatter(
      'en-GB|UTC|GBP',
      createFormatter({
        locale: 'en-GB',
        timeZone: 'UTC',
        formats: { dateTime: { day: { day: 'numeric', month: 'short' } } },
      }),
    );
    expect(at.dateTime(day, 'day')).toBe('2 Mar');
    expect(at.dateTime(day, 'day')).toBe('2 Mar');
  });
});
