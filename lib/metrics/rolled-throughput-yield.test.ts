import { describe, expect, it } from 'vitest';
import { rolledThroughputYield } from './rolled-throughput-yield';

describe('rolled throughput yield', () => {
  it('multiplies the stages’ first-pass yields in journey order and skips stages without data', () => {
    // FPY 0.9, (no data), 0.8, 0.95: RTY = 0.684; normalised = 0.684^(1/3) = 0.881087.
    const result = rolledThroughputYield([
      { id: 'a', name: 'Discovery', units: 100, defectiveUnits: 10 },
      { id: 'b', name: 'Attraction', units: 0, defectiveUnits: 0 },
      { id: 'c', name: 'Purchase', units: 50, defectiveUnits: 10 },
      { id: 'd', name: 'Use', units: 200, defectiveUnits: 10 },
    ]);
    expect(result.rty).toBeCloseTo(0.684, 12);
    expect(result.normalizedYield).toBeCloseTo(0.881087, 6);
    expect(result.stagesWithData).toBe(3);
    const [discovery, attraction, purchase, use] = result.stages;
    expect(attraction).toMatchObject({ firstPassYield: null, cumulativeYield: null, yieldLost: null });
    // Yield lost stage by stage: 1 − 0.9 = 0.1; 0.9 − 0.72 = 0.18; 0.72 − 0.684 = 0.036. They add up to 1 − RTY.
    expect(discovery!.yieldLost).toBeCloseTo(0.1, 12);
    expect(purchase!.yieldLost).toBeCloseTo(0.18, 12);
    expect(use!.yieldLost).toBeCloseTo(0.036, 12);
    expect(use!.cumulativeYield).toBeCloseTo(0.684, 12);
    expect(purchase!.firstPassYieldInterval!.low).toBeLessThan(0.8);
  });

  it('has no RTY without data, and 1 without defects', () => {
    expect(rolledThroughputYield([]).rty).toBeNull();
    expect(rolledThroughputYield([{ id: 'a', name: 'A', units: 0, defectiveUnits: 0 }]).normalizedYield).toBeNull();
    expect(rolledThroughputYield([{ id: 'a', name: 'A', units: 5, defectiveUnits: 0 }]).rty).toBe(1);
  });
});
