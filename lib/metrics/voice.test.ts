import { describe, expect, it } from 'vitest';
import { costOfPoorQuality, customerEffort, customerSatisfaction, expectationGap, netPromoterScore } from './voice';

describe('NPS', () => {
  it('is % promoters − % detractors', () => {
    // 5 promoters, 2 passives, 3 detractors: 50 % − 30 % = 20.
    expect(netPromoterScore({ responses: 10, promoters: 5, detractors: 3 })).toEqual({
      responses: 10,
      value: { value: 20 },
    });
  });

  it('reaches −100 and 100 at the extremes', () => {
    expect(netPromoterScore({ responses: 4, promoters: 0, detractors: 4 }).value.value).toBe(-100);
    expect(netPromoterScore({ responses: 4, promoters: 4, detractors: 0 }).value.value).toBe(100);
  });

  it('is 0 when there are only passives, and "no data" without answers', () => {
    expect(netPromoterScore({ responses: 3, promoters: 0, detractors: 0 }).value.value).toBe(0);
    expect(netPromoterScore({ responses: 0, promoters: 0, detractors: 0 })).toEqual({
      responses: 0,
      value: { value: null, reason: 'no data' },
    });
  });
});

describe('CSAT, CES and expectation gap', () => {
  it('CSAT is the share of 4–5 answers', () => {
    expect(customerSatisfaction({ responses: 8, satisfied: 6 }).value.value).toBe(0.75);
    expect(customerSatisfaction({ responses: 8, satisfied: 0 }).value.value).toBe(0);
    expect(customerSatisfaction({ responses: 0, satisfied: 0 }).value).toEqual({ value: null, reason: 'no data' });
  });

  it('CES is the mean effort score', () => {
    expect(customerEffort({ responses: 4, sum: 22 }).value.value).toBe(5.5);
    expect(customerEffort({ responses: 0, sum: 0 }).value.reason).toBe('no data');
  });

  it('the expectation gap is mean(experience − expectation), negative when below expectations', () => {
    expect(expectationGap({ responses: 4, sum: -3 }).value.value).toBe(-0.75);
    expect(expectationGap({ responses: 2, sum: 0 }).value.value).toBe(0);
    expect(expectationGap({ responses: 0, sum: 0 }).value.reason).toBe('no data');
  });

  it('cost of poor quality is the lost revenue, never NaN', () => {
    expect(costOfPoorQuality(1234.5)).toBe(1234.5);
    expect(costOfPoorQuality(Number.NaN)).toBe(0);
  });
});
