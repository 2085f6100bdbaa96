import { describe, expect, it } from 'vitest';
import { formatChange, formatInterval, formatMetric } from './format';

describe('metric formatting', () => {
  it('shows the reason instead of a made-up number', () => {
    expect(formatMetric({ value: null, reason: 'no defects' }, 'sigma')).toBe('no defects');
    expect(formatMetric({ value: null, reason: 'no data' }, 'dpmo')).toBe('no data');
  });

  it('formats each kind with its unit', () => {
    expect(formatMetric({ value: 4.2478 }, 'sigma')).toBe('4.25 σ');
    expect(formatMetric({ value: 66_807.2 }, 'dpmo')).toBe('66,807');
    expect(formatMetric({ value: 0.953 }, 'share')).toBe('95.3 %');
    expect(formatMetric({ value: -0.3333 }, 'gap')).toBe('−0.33');
    expect(formatMetric(1234.4, 'money')).toBe('£1,234');
  });

  it('formats changes with a sign, and none when there is nothing to compare', () => {
    expect(formatChange(0.125, 'count')).toBe('+12.5 %');
    expect(formatChange(-1500, 'dpmo')).toBe('−1,500 DPMO');
    expect(formatChange(0.012, 'share')).toBe('+1.2 pts');
    expect(formatChange(null, 'sigma')).toBeNull();
  });
});

describe('intervals and reasons', () => {
  it('formats an interval in the metric’s unit, once', () => {
    expect(formatInterval({ low: 0.812, high: 0.88 }, 'share')).toBe('95 % CI 81.2–88.0 %');
    expect(formatInterval({ low: 1234.4, high: 5000 }, 'dpmo')).toBe('95 % CI 1,234–5,000');
    expect(formatInterval(undefined, 'nps')).toBeNull();
  });
  it('says why there is no DPMO when defects outnumber opportunities', () => {
    expect(formatMetric({ value: null, reason: 'more defects than opportunities' }, 'dpmo')).toBe(
      'more defects than opportunities',
    );
  });
});
