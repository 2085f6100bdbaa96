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
