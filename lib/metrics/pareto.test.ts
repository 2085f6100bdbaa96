import { describe, expect, it } from 'vitest';
import { pareto } from './pareto';

describe('pareto', () => {
  it('sorts descending with cumulative shares and marks the vital few up to 80 %', () => {
    const bars = pareto([
      { key: 'c', label: 'Long wait', count: 10 },
      { key: 'a', label: 'Lost sale', count: 50 },
      { key: 'd', label: 'Other', count: 5 },
      { key: 'b', label: 'Below expectations', count: 25 },
      { key: 'e', label: 'Billing error', count: 10 },
      { key: 'z', label: 'Unused', count: 0 },
    ]);
    expect(bars.map((b) => b.key)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(bars.map((b) => b.cumulativeShare)).toEqual([0.5, 0.75, 0.85, 0.95, 1]);
    // 50 % and 75 % are below 80 %, so the third bar (crossing to 85 %) is the last of the vital few.
    expect(bars.map((b) => b.vitalFew)).toEqual([true, true, true, false, false]);
  });

  it('stops the vital few at a category that lands exactly on 80 %', () => {
    const bars = pareto([
      { key: 'a', label: 'A', count: 80 },
      { key: 'b', label: 'B', count: 20 },
    ]);
    expect(bars.map((b) => b.vitalFew)).toEqual([true, false]);
  });

  it('is empty without defects', () => {
    expect(pareto([])).toEqual([]);
    expect(pareto([{ key: 'a', label: 'A', count: 0 }])).toEqual([]);
  });
});

describe('pareto by lost revenue', () => {
  it('ranks by revenue and recomputes the vital few on it', () => {
    const inputs = [
      { key: 'wait', label: 'Long wait', count: 60, lostRevenue: 100 },
      { key: 'lost', label: 'Lost sale', count: 20, lostRevenue: 9_000 },
      { key: 'bill', label: 'Billing error', count: 15, lostRevenue: 900 },
      { key: 'rude', label: 'Rude or unhelpful', count: 5, lostRevenue: 0 },
    ];
    expect(pareto(inputs).map((b) => [b.key, b.vitalFew])).toEqual([
      ['wait', true],
      ['lost', true],
      ['bill', false],
      ['rude', false],
    ]);
    // By revenue (total 10,000): 90 % in lost sales alone; the category without revenue drops out.
    const byRevenue = pareto(inputs, 'revenue');
    expect(byRevenue.map((b) => b.key)).toEqual(['lost', 'bill', 'wait']);
    expect(byRevenue.map((b) => b.cumulativeShare)).toEqual([0.9, 0.99, 1]);
    expect(byRevenue.map((b) => b.vitalFew)).toEqual([true, false, false]);
    expect(byRevenue[0]!.count).toBe(20);
  });
});
