import { describe, expect, it } from 'vitest';
import { createFormatter } from 'use-intl/core';
import { appFormats } from './formats';
import { formattingLocale } from './languages';

/*
 * Money and numbers as each company setting writes them: the named formats (lib/i18n/formats.ts)
 * take the company's currency, and the locale decides separators, symbol placement and how many
 * decimals a currency has. Intl uses no-break spaces; they are written as ordinary spaces here.
 */
function formatterFor(locale: string, currency: string) {
  return createFormatter({ locale, timeZone: 'UTC', formats: appFormats(currency) });
}

// CLDR versions differ on the Swiss group separator (’ or '): one apostrophe stands for both.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");

describe('money and numbers per locale and currency', () => {
  it.each([
    ['de-DE', 'EUR', '1.234,50 €', '1.235 €', '1.234.567'],
    ['en-US', 'USD', '$1,234.50', '$1,235', '1,234,567'],
    ['en-GB', 'GBP', '£1,234.50', '£1,235', '1,234,567'],
    ['en-IE', 'EUR', '€1,234.50', '€1,235', '1,234,567'],
    ['de-CH', 'CHF', "CHF 1'234.50", "CHF 1'235", "1'234'567"],
    ['en-IN', 'INR', '₹1,234.50', '₹1,235', '12,34,567'],
    ['ja-JP', 'JPY', '￥1,235', '￥1,235', '1,234,567'],
    ['en-US', 'JPY', '¥1,235', '¥1,235', '1,234,567'],
  ])('%s with %s writes %s', (locale, currency, exact, rounded, integer) => {
    const format = formatterFor(locale, currency);
    expect(plain(format.number(1234.5, 'moneyExact'))).toBe(exact);
    expect(plain(format.number(1234.5, 'money'))).toBe(rounded);
    expect(plain(format.number(1234567, 'integer'))).toBe(integer);
  });

  it('writes shares and decimals with the locale’s separators', () => {
    expect(plain(formatterFor('de-DE', 'EUR').number(0.1234, 'percent'))).toBe('12,3 %');
    expect(plain(formatterFor('en-US', 'USD').number(0.1234, 'percent'))).toBe('12.3%');
    expect(formatterFor('de-DE', 'EUR').number(3.14159, 'decimal2')).toBe('3,14');
  });

  it('changes only the currency when the company’s currency changes', () => {
    expect(plain(formatterFor('en-GB', 'EUR').number(1234.5, 'moneyExact'))).toBe('€1,234.50');
    expect(plain(formatterFor('de-DE', 'GBP').number(1234.5, 'moneyExact'))).toBe('1.234,50 £');
  });
});

describe('formattingLocale', () => {
  it('uses the company’s locale for readers of its language, else the language’s own region', () => {
    expect(formattingLocale('de', 'de-AT')).toBe('de-AT');
    expect(formattingLocale('en', 'en-US')).toBe('en-US');
    expect(formattingLocale('en', 'de-DE')).toBe('en-GB');
    expect(formattingLocale('de', 'en-US')).toBe('de-DE');
  });
});
