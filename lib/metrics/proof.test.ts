import { englishMessage } from '@/lib/i18n/english';
import { describe, expect, it } from 'vitest';
import {
  decideProof,
  expectedCounts,
  fisherExactTest,
  pValueText,
  stagedPChart,
  testImprovement,
  twoProportionZTest,
  verdictText,
  verdictRef,
  reasonRef,
  pValueRef,
} from './proof';

describe('staged p-chart', () => {
  it('computes the centre line and limits of each stage from its own subgroups', () => {
    // Before T: Σd = 40 of Σn = 400, p̄ = 0.1; after: Σd = 10 of 200, p̄ = 0.05.
    const chart = stagedPChart(
      [
        { period: '2026-03-01', n: 100, d: 10 },
        { period: '2026-03-02', n: 100, d: 12 },
        { period: '2026-03-03', n: 200, d: 18 },
        { period: '2026-03-04', n: 100, d: 6 },
        { period: '2026-03-05', n: 0, d: 0 },
        { period: '2026-03-06', n: 100, d: 4 },
      ],
      '2026-03-04',
    );
    expect(chart.before.centre).toBeCloseTo(0.1, 12);
    expect(chart.before.points.map((p) => p.period)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    // n = 100 before: σ = √(0.09/100) = 0.03, UCL = 0.19, LCL = 0.01.
    expect(chart.before.points[0]!.ucl).toBeCloseTo(0.19, 12);
    expect(chart.before.points[0]!.lcl).toBeCloseTo(0.01, 12);
    expect(chart.after.centre).toBeCloseTo(0.05, 12);
    // n = 100 after: σ = √(0.0475/100) = 0.0217945, UCL = 0.1153835, LCL = 0.
    expect(chart.after.points[0]!.ucl).toBeCloseTo(0.1153835, 6);
    expect(chart.after.points[0]!.lcl).toBe(0);
    // The gap stays in its stage with no limits.
    expect(chart.after.points[1]).toMatchObject({ period: '2026-03-05', p: null, ucl: null });
  });
});

describe('two-proportion z-test (one-sided, pooled)', () => {
  it('matches the textbook injection-moulding example: 15 and 8 defective of 300 each, z₀ = 1.49', () => {
    // Montgomery & Runger, Applied Statistics and Probability for Engineers (two machines, 300
    // parts each): p̂ = 23/600, z₀ = 1.49, one-sided P ≈ 0.068.
    const result = twoProportionZTest({ n0: 300, d0: 15, n1: 300, d1: 8 });
    expect(result.test).toBe('two-proportion-z');
    expect(result.statistic).toBeCloseTo(1.4884, 4);
    expect(result.pValue).toBeCloseTo(0.06832, 5);
  });

  it('gives a small p-value for a large, real drop', () => {
    // 12.4 % → 7.9 % on 1,000 each: z = 3.332, p = 0.000431 (scipy.stats.norm.sf).
    const result = twoProportionZTest({ n0: 1000, d0: 124, n1: 1000, d1: 79 });
    expect(result.statistic).toBeCloseTo(3.332, 3);
    expect(result.pValue).toBeCloseTo(0.000431, 6);
  });

  it('finds no evidence when nothing varies', () => {
    expect(twoProportionZTest({ n0: 50, d0: 0, n1: 50, d1: 0 }).pValue).toBe(1);
  });
});

describe("Fisher's exact test (one-sided)", () => {
  it("matches Fisher's lady tasting tea: 3 of 4 right each way, p = 0.2429", () => {
    const result = fisherExactTest({ n0: 4, d0: 3, n1: 4, d1: 1 });
    expect(result.test).toBe('fisher-exact');
    expect(result.pValue).toBeCloseTo(0.242857, 6);
  });

  it('matches scipy.stats.fisher_exact for 9 of 100 against 2 of 100: p = 0.02911', () => {
    expect(fisherExactTest({ n0: 100, d0: 9, n1: 100, d1: 2 }).pValue).toBeCloseTo(0.0291104, 6);
  });

  it('is chosen when an expected count is below 5, the z-test otherwise', () => {
    expect(Math.min(...expectedCounts({ n0: 100, d0: 9, n1: 100, d1: 2 }))).toBeCloseTo(5.5, 12);
    expect(testImprovement({ n0: 100, d0: 9, n1: 100, d1: 2 })!.test).toBe('two-proportion-z');
    expect(testImprovement({ n0: 40, d0: 6, n1: 40, d1: 1 })!.test).toBe('fisher-exact');
    expect(testImprovement({ n0: 0, d0: 0, n1: 40, d1: 1 })).toBeNull();
  });
});

describe('the proved rule', () => {
  const significant = { test: 'two-proportion-z' as const, statistic: 3, pValue: 0.003 };

  it('proves with p < 0.05, 8 subgroups each side and a calm after stage', () => {
    expect(decideProof({ beforeSubgroups: 8, afterSubgroups: 8, afterSignals: 0, test: significant }).outcome).toBe(
      'proved',
    );
  });

  it('waits while fewer than 8 subgroups are in on either side', () => {
    const decision = decideProof({ beforeSubgroups: 8, afterSubgroups: 7, afterSignals: 0, test: significant });
    expect(decision.outcome).toBe('pending');
    expect(decision.reasons).toEqual(['7 of 8 subgroups are in after T.']);
    expect(decideProof({ beforeSubgroups: 7, afterSubgroups: 20, afterSignals: 0, test: significant }).outcome).toBe(
      'pending',
    );
  });

  it('is not effective with p ≥ 0.05 or a signal after T', () => {
    const notSignificant = { ...significant, pValue: 0.05 };
    expect(
      decideProof({ beforeSubgroups: 10, afterSubgroups: 10, afterSignals: 0, test: notSignificant }).outcome,
    ).toBe('not_effective');
    const unstable = decideProof({ beforeSubgroups: 10, afterSubgroups: 10, afterSignals: 1, test: significant });
    expect(unstable.outcome).toBe('not_effective');
    expect(unstable.reasons).toEqual(['The after stage has 1 out-of-control point.']);
  });

  it('says it in plain language', () => {
    const counts = { n0: 1000, d0: 124, n1: 1000, d1: 79 };
    const decision = decideProof({ beforeSubgroups: 8, afterSubgroups: 8, afterSignals: 0, test: significant });
    expect(verdictText(counts, significant, decision)).toBe(
      'The defect rate fell from 12.4 % to 7.9 %; p = 0.003; proved.',
    );
    const rose = { n0: 100, d0: 10, n1: 100, d1: 12 };
    const test = testImprovement(rose)!;
    const failed = decideProof({ beforeSubgroups: 8, afterSubgroups: 8, afterSignals: 0, test });
    expect(verdictText(rose, test, failed)).toMatch(
      /^The defect rate rose from 10\.0 % to 12\.0 %; p = 0\.\d{3}; not effective\.$/,
    );
  });

  it('gives the verdict and its reasons as message references each reader sees in their language', () => {
    const counts = { n0: 1000, d0: 124, n1: 1000, d1: 79 };
    const decision = decideProof({ beforeSubgroups: 8, afterSubgroups: 8, afterSignals: 0, test: significant });
    expect(englishMessage(verdictRef(counts, significant, decision))).toBe(
      'The defect rate fell from 12.4% to 7.9%; p = 0.003; proved.',
    );
    const pending = decideProof({ beforeSubgroups: 3, afterSubgroups: 7, afterSignals: 0, test: significant });
    expect(pending.why.map((r) => englishMessage(reasonRef(r)))).toEqual(pending.reasons);
    const unstable = decideProof({
      beforeSubgroups: 10,
      afterSubgroups: 10,
      afterSignals: 2,
      test: { ...significant, pValue: 0.2 },
    });
    expect(unstable.why.map((r) => englishMessage(reasonRef(r)))).toEqual(unstable.reasons);
    expect(englishMessage(pValueRef(0.0004))).toBe('p < 0.001');
  });
});

describe('p-values in words', () => {
  it('says "p < 0.001" below a thousandth and "p = 0.009" otherwise, never "p = < 0.001"', () => {
    expect(pValueText(0.000431)).toBe('p < 0.001');
    expect(pValueText(0.0091)).toBe('p = 0.009');
    expect(pValueText(0.05)).toBe('p = 0.050');
    expect(pValueText(1)).toBe('p = 1.000');
  });
});
