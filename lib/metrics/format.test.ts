import { describe, expect, it } from 'vitest';
import { createFormatter, createTranslator } from 'use-intl/core';
import { appFormats } from '@/lib/i18n/formats';
import de from '@/messages/de';
import en from '@/messages/en';
import { changeDirection, metricFormatter } from './format';

/** The dashboard's formatter for a reader: English in a British company, or German in a German one. */
function formatterFor(language: 'en' | 'de') {
  const locale = language === 'en' ? 'en-GB' : 'de-DE';
  const formats = appFormats(language === 'en' ? 'GBP' : 'EUR');
  const t = createTranslator({ locale, messages: language === 'en' ? en : de, namespace: 'metrics', formats });
  return metricFormatter(t, createFormatter({ locale, formats, timeZone: 'UTC' }));
}
const english = formatterFor('en');
const german = formatterFor('de');

describe('metric formatting', () => {
  it('shows the reason instead of a made-up number', () => {
    expect(english.metric({ value: null, reason: 'no defects' }, 'sigma')).toBe('no defects');
    expect(english.metric({ value: null, reason: 'no data' }, 'dpmo')).toBe('no data');
    expect(english.metric({ value: null, reason: 'more defects than opportunities' }, 'dpmo')).toBe(
      'more defects than opportunities',
    );
    expect(german.metric({ value: null, reason: 'no data' }, 'dpmo')).not.toBe('no data');
  });

  it('formats each kind with its unit, in the locale and currency', () => {
    expect(english.metric({ value: 4.2478 }, 'sigma')).toBe('4.25 σ');
    expect(english.metric({ value: 66_807.2 }, 'dpmo')).toBe('66,807');
    expect(english.metric({ value: 0.953 }, 'share')).toBe('95.3%');
    expect(english.metric({ value: -0.3333 }, 'gap')).toBe('−0.33');
    expect(english.metric(1234.4, 'money')).toBe('£1,234');
    expect(german.metric({ value: 66_807.2 }, 'dpmo')).toBe('66.807');
    expect(german.metric(1234.4, 'money')).toBe('1.234\u00a0€');
  });

  it('formats changes with a sign, and none when there is nothing to compare', () => {
    expect(english.change(0.125, 'count')).toBe('+12.5%');
    expect(english.change(-1500, 'dpmo')).toBe('−1,500 DPMO');
    expect(english.change(0.012, 'share')).toBe('+1.2 pts');
    expect(english.change(null, 'sigma')).toBeNull();
  });

  it('treats a change that rounds to zero as no change: no sign, no arrow, no colour', () => {
    expect(english.change(-0.0004, 'share')).toBe('0.0 pts');
    expect(changeDirection(-0.0004, 'share')).toBe('flat');
    expect(english.change(-0.4, 'nps')).toBe('0 pts');
    expect(changeDirection(0.0004, 'sigma')).toBe('flat');
    expect(changeDirection(-0.0006, 'share')).toBe('down');
    expect(english.change(-0.0006, 'share')).toBe('−0.1 pts');
    expect(changeDirection(null, 'count')).toBe('flat');
  });
});

describe('intervals', () => {
  it('formats an interval in the metric’s unit, once', () => {
    expect(english.interval({ low: 0.812, high: 0.88 }, 'share')).toBe('95% CI 81.2–88.0%');
    expect(english.interval({ low: 1234.4, high: 5000 }, 'dpmo')).toBe('95% CI 1,234–5,000');
    expect(english.interval(undefined, 'nps')).toBeNull();
  });
});
