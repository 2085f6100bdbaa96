import { describe, expect, it } from 'vitest';
import { isTooFew, MIN_TO_JUDGE, npsInterval, wilsonInterval } from './intervals';
import { kpisOf, EMPTY_TOTALS } from './kpis';

describe('Wilson score interval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
  // Medicine 17:857–872, Table I, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%d of %d is %f to %f, as Newcombe publishes', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('matches a hand computation: 8 of 10', () => {
    // p = 0.8, z² = 3.8416: centre = 0.8 + 0.19208 = 0.99208; spread = 1.96·√(0.016 + 0.009604) = 0.313624;
    // scale = 1.38416: (0.678456, 1.305704) / 1.38416 = 0.490157 to 0.943319.
    const interval = wilsonInterval(8, 10)!;
    expect(interval.low).toBeCloseTo(0.490157, 5);
    expect(interval.high).toBeCloseTo(0.943319, 5);
  });

  it('stays inside [0, 1] at the extremes and is null without observations', () => {
    expect(wilsonInterval(20, 20)!.high).toBeCloseTo(1, 12);
    expect(wilsonInterval(20, 20)!.high).toBeLessThanOrEqual(1);
    expect(wilsonInterval(0, 20)!.low).toBe(0);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });
});

describe('NPS interval', () => {
  it('is NPS ± 1.96·SE with SE = 100·√((P + D − (P − D)²)/n)', () => {
    // 100 answers, 50 promoters, 20 detractors: NPS 30; P + D − (P − D)² = 0.7 − 0.09 = 0.61;
    // SE = 100·√0.0061 = 7.81025; ±15.30809.
    const interval = npsInterval({ responses: 100, promoters: 50, detractors: 20 })!;
    expect(interval.low).toBeCloseTo(14.69191, 4);
    expect(interval.high).toBeCloseTo(45.30809, 4);
  });

  it('stays inside −100 to 100 and is null without answers', () => {
    const interval = npsInterval({ responses: 3, promoters: 1, detractors: 2 })!;
    expect(interval.low).toBeGreaterThanOrEqual(-100);
    expect(interval.high).toBeLessThanOrEqual(100);
    expect(npsInterval({ responses: 0, promoters: 0, detractors: 0 })).toBeNull();
  });
});

describe('too few to judge', () => {
  it('flags fewer than 30, on both sides of the line', () => {
    expect(MIN_TO_JUDGE).toBe(30);
    expect(isTooFew(29)).toBe(true);
    expect(isTooFew(30)).toBe(false);
    expect(isTooFew(0)).toBe(true);
  });

  it('marks each KPI by the units or responses behind it, with intervals beside the values', () => {
    const kpis = kpisOf({
      ...EMPTY_TOTALS,
      units: 40,
      opportunities: 120,
      defects: 6,
      defectiveUnits: 5,
      npsResponses: 2,
      promoters: 0,
      detractors: 2,
      csatResponses: 30,
      csatSatisfied: 24,
    });
    // NPS −100 on 2 answers: shown, but too few to judge.
    expect(kpis.nps).toMatchObject({ value: -100, tooFew: true });
    expect(kpis.csat).toMatchObject({ value: 0.8, tooFew: false });
    expect(kpis.csat.interval!.low).toBeCloseTo(wilsonInterval(24, 30)!.low, 12);
    expect(kpis.dpmo).toMatchObject({ value: 50_000, tooFew: false });
    // DPMO's interval is the Wilson interval of D / O, scaled; yield's is its complement.
    const share = wilsonInterval(6, 120)!;
    expect(kpis.dpmo.interval!.low).toBeCloseTo(share.low * 1e6, 6);
    expect(kpis.yield.interval!.high).toBeCloseTo(1 - share.low, 12);
    expect(kpis.firstPassYield.interval!.low).toBeCloseTo(wilsonInterval(35, 40)!.low, 12);
    expect(kpis.ces).toEqual({ value: null, reason: 'no data' });
    expect(kpis.ces.interval).toBeUndefined();
  });
});
