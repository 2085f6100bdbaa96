import { describe, expect, it } from 'vitest';
import {
  defectsPerMillion,
  defectsPerUnit,
  firstPassYield,
  processYield,
  sigmaFromDpmo,
  sigmaLevel,
} from './six-sigma';

describe('sigma level', () => {
  it.each([
    [691_462, 1],
    [308_538, 2],
    [66_807, 3],
    [6_210, 4],
    [233, 5],
    [3.4, 6],
  ])('%d DPMO is %d σ to two decimals', (dpmo, sigma) => {
    const level = sigmaFromDpmo(dpmo);
    expect(level.value).not.toBeNull();
    expect(level.value!.toFixed(2)).toBe(sigma.toFixed(2));
  });

  it('says "no defects" when D = 0, never a made-up number', () => {
    expect(sigmaLevel({ units: 10, opportunities: 30, defects: 0 })).toEqual({ value: null, reason: 'no defects' });
  });

  it('says "no data" when U = 0', () => {
    expect(sigmaLevel({ units: 0, opportunities: 0, defects: 0 })).toEqual({ value: null, reason: 'no data' });
  });

  it('stays finite when every opportunity is defective or more', () => {
    expect(sigmaLevel({ units: 2, opportunities: 2, defects: 2 })).toEqual({
      value: null,
      reason: 'every opportunity defective',
    });
    expect(sigmaLevel({ units: 2, opportunities: 2, defects: 5 }).value).toBeNull();
  });

  it('computes from counts: 3 defects in 1,000 opportunities is 3,000 DPMO, 4.25 σ', () => {
    const counts = { units: 500, opportunities: 1_000, defects: 3 };
    expect(defectsPerMillion(counts).value).toBeCloseTo(3_000, 9);
    expect(sigmaLevel(counts).value!).toBeCloseTo(4.2478, 3);
  });
});

describe('DPU, DPMO, yield and first-pass yield', () => {
  const counts = { units: 200, opportunities: 600, defects: 30, defectiveUnits: 24 };

  it('follows the definitions', () => {
    expect(defectsPerUnit(counts).value).toBeCloseTo(0.15, 12);
    expect(defectsPerMillion(counts).value).toBeCloseTo(50_000, 6);
    expect(processYield(counts).value).toBeCloseTo(0.95, 12);
    expect(firstPassYield(counts).value).toBeCloseTo(0.88, 12);
  });

  it('gives "no data" for every rate when U = 0, never 0 or NaN', () => {
    const empty = { units: 0, opportunities: 0, defects: 0, defectiveUnits: 0 };
    for (const value of [defectsPerUnit(empty), defectsPerMillion(empty), processYield(empty), firstPassYield(empty)]) {
      expect(value).toEqual({ value: null, reason: 'no data' });
    }
  });

  it('gives zero rates and full yields when D = 0', () => {
    const clean = { units: 5, opportunities: 5, defects: 0, defectiveUnits: 0 };
    expect(defectsPerMillion(clean).value).toBe(0);
    expect(processYield(clean).value).toBe(1);
    expect(firstPassYield(clean).value).toBe(1);
  });

  it('shows no DPMO above 1,000,000 and no yield of 0 % when defects outnumber opportunities', () => {
    // The walkthrough's case: 5 defects in 2 opportunities.
    const counts = { units: 2, opportunities: 2, defects: 5 };
    const reason = { value: null, reason: 'more defects than opportunities' };
    expect(defectsPerMillion(counts)).toEqual(reason);
    expect(processYield(counts)).toEqual(reason);
    expect(sigmaLevel(counts)).toEqual(reason);
    // D = O is still a number: every opportunity defective, yield 0.
    expect(defectsPerMillion({ units: 2, opportunities: 2, defects: 2 }).value).toBe(1_000_000);
    expect(processYield({ units: 2, opportunities: 2, defects: 2 }).value).toBe(0);
  });

  it('serialises to JSON without NaN or Infinity', () => {
    const json = JSON.stringify([
      sigmaLevel({ units: 0, opportunities: 0, defects: 0 }),
      sigmaLevel({ units: 1, opportunities: 1, defects: 0 }),
    ]);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json)).toEqual([
      { value: null, reason: 'no data' },
      { value: null, reason: 'no defects' },
    ]);
  });
});
