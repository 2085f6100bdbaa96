import { describe, expect, it } from 'vitest';
import { laneySigmaZ, pChart, westernElectric } from './p-chart';

describe('p-chart limits', () => {
  it('matches a hand-computed example with unequal subgroup sizes and a gap', () => {
    // Σd = 40, Σn = 400, p̄ = 0.1, p̄(1 − p̄) = 0.09.
    const chart = pChart([
      { period: '2026-01-01', n: 50, d: 5 },
      { period: '2026-01-02', n: 100, d: 8 },
      { period: '2026-01-03', n: 0, d: 0 },
      { period: '2026-01-04', n: 200, d: 12 },
      { period: '2026-01-05', n: 50, d: 15 },
    ]);
    expect(chart.centre).toBeCloseTo(0.1, 12);
    const [a, b, gap, c, d] = chart.points;
    // n = 50: σ = √(0.09/50) = 0.0424264; UCL = 0.2272792; LCL = 0.1 − 0.1272792 < 0 → 0.
    expect(a!.sigma).toBeCloseTo(0.0424264, 6);
    expect(a!.ucl).toBeCloseTo(0.2272792, 6);
    expect(a!.lcl).toBe(0);
    // n = 100: σ = 0.03; UCL = 0.19; LCL = 0.01.
    expect(b!.ucl).toBeCloseTo(0.19, 12);
    expect(b!.lcl).toBeCloseTo(0.01, 12);
    expect(b!.p).toBeCloseTo(0.08, 12);
    // n = 0 is a gap: no share and no limits.
    expect(gap).toMatchObject({ p: null, ucl: null, lcl: null, signals: [] });
    // n = 200: σ = 0.0212132; UCL = 0.1636396; LCL = 0.0363604.
    expect(c!.ucl).toBeCloseTo(0.1636396, 6);
    expect(c!.lcl).toBeCloseTo(0.0363604, 6);
    // 15 / 50 = 0.3 is above its UCL of 0.227.
    expect(d!.p).toBeCloseTo(0.3, 12);
    expect(d!.signals.map((s) => [s.rule, s.side])).toEqual([['beyond-3-sigma', 'above']]);
    expect(chart.signalCount).toBe(1);
  });

  it('caps the UCL at 1', () => {
    const chart = pChart([
      { period: 'a', n: 2, d: 1 },
      { period: 'b', n: 2, d: 1 },
    ]);
    expect(chart.points[0]!.ucl).toBe(1);
  });

  it('has no centre line and only gaps without interactions', () => {
    const chart = pChart([{ period: 'a', n: 0, d: 0 }]);
    expect(chart.centre).toBeNull();
    expect(chart.points[0]!.p).toBeNull();
  });

  it('raises no signal when nothing is defective', () => {
    const chart = pChart(Array.from({ length: 10 }, (_, i) => ({ period: String(i), n: 10, d: 0 })));
    expect(chart.centre).toBe(0);
    expect(chart.signalCount).toBe(0);
  });
});

const rulesAt = (z: number[]) => westernElectric(z).map((signals) => signals.map((s) => `${s.rule}:${s.side}`));

describe('Western Electric rules', () => {
  it('rule 1 fires on one point beyond 3σ, either side, and not at 3σ exactly', () => {
    expect(rulesAt([0.5, 3.2, -0.5])[1]).toContain('beyond-3-sigma:above');
    expect(rulesAt([0.5, -3.5, 0.5])[1]).toContain('beyond-3-sigma:below');
    expect(rulesAt([0.5, 3, -0.5]).flat()).not.toContain('beyond-3-sigma:above');
  });

  it('rule 2 fires on two of three beyond 2σ on one side, not when they straddle', () => {
    const fired = rulesAt([2.5, 0.1, 2.2]);
    expect(fired[2]).toContain('two-of-three-beyond-2-sigma:above');
    expect(fired[0]).toEqual([]);
    expect(
      rulesAt([2.5, 0.1, -2.2])
        .flat()
        .filter((r) => r.startsWith('two-of-three')),
    ).toEqual([]);
    expect(
      rulesAt([2.5, 0.1, 0.3, 2.2])
        .flat()
        .filter((r) => r.startsWith('two-of-three')),
    ).toEqual([]);
    expect(rulesAt([-2.1, -2.4, 0])[1]).toContain('two-of-three-beyond-2-sigma:below');
  });

  it('rule 3 fires on four of five beyond 1σ on one side, not on three', () => {
    const fired = rulesAt([1.5, 1.2, 0.2, 1.8, 1.1]);
    expect(fired[4]).toContain('four-of-five-beyond-1-sigma:above');
    expect(
      fired
        .slice(0, 4)
        .flat()
        .filter((r) => r.startsWith('four-of-five')),
    ).toEqual([]);
    expect(
      rulesAt([1.5, 1.2, 0.2, 0.8, 1.1])
        .flat()
        .filter((r) => r.startsWith('four-of-five')),
    ).toEqual([]);
    expect(rulesAt([-1.5, -1.2, -1.3, -1.1])[3]).toContain('four-of-five-beyond-1-sigma:below');
  });

  it('rule 4 fires on eight in a row on one side, not on seven or when one sits on the line', () => {
    const eight = [0.2, 0.4, 0.1, 0.3, 0.5, 0.2, 0.1, 0.6];
    expect(rulesAt(eight)[7]).toEqual(['eight-on-one-side:above']);
    expect(rulesAt(eight.slice(0, 7)).flat()).toEqual([]);
    expect(rulesAt([...eight.slice(0, 4), 0, ...eight.slice(4)]).flat()).toEqual([]);
    expect(rulesAt(eight.map((v) => -v))[7]).toEqual(['eight-on-one-side:below']);
  });

  it('stays quiet on a process in control', () => {
    expect(rulesAt([0.5, -0.3, 1.2, -1.4, 0.1, 2.1, -0.8, 0.4, -2.2, 0.9]).flat()).toEqual([]);
  });

  it('explains each signal in words', () => {
    const [signal] = westernElectric([4])[0]!;
    expect(signal!.explanation).toBe('One point above the upper control limit (beyond 3σ).');
  });
});

describe('p-chart validity', () => {
  it('draws subgroups with n·p̄ < 5 or n·(1 − p̄) < 5 hollow, on both sides, and lets them raise no signal', () => {
    // p̄ = 60 / 600 = 0.1. n = 40: n·p̄ = 4 < 5, hollow even though 20 / 40 is far above any limit.
    // n = 50: n·p̄ = 5, judged. A high p̄ checks the other side: n·(1 − p̄) < 5.
    const chart = pChart([
      { period: 'a', n: 50, d: 5 },
      { period: 'b', n: 40, d: 20 },
      { period: 'c', n: 510, d: 35 },
    ]);
    expect(chart.centre).toBeCloseTo(0.1, 12);
    expect(chart.points.map((p) => p.hollow)).toEqual([null, 'small-subgroup', null]);
    expect(chart.points[1]!.signals).toEqual([]);
    expect(chart.points[1]!.p! > chart.points[1]!.ucl!).toBe(true);
    const high = pChart([
      { period: 'a', n: 100, d: 96 },
      { period: 'b', n: 40, d: 38 },
    ]);
    // p̄ = 134 / 140 = 0.957; 40·0.043 = 1.7 < 5; 100·0.043 = 4.3 < 5 too.
    expect(high.points.map((p) => p.hollow)).toEqual(['small-subgroup', 'small-subgroup']);
  });

  it('draws the subgroup in progress hollow, with no signal', () => {
    const chart = pChart([
      ...Array.from({ length: 5 }, (_, i) => ({ period: String(i), n: 100, d: 10 })),
      { period: 'today', n: 100, d: 60, inProgress: true },
    ]);
    const today = chart.points.at(-1)!;
    expect(today.hollow).toBe('in-progress');
    expect(today.p! > today.ucl!).toBe(true);
    expect(today.signals).toEqual([]);
    // The same subgroup, finished, is a signal.
    const finished = pChart(chart.points.map(({ period, n, d }) => ({ period, n, d })));
    expect(finished.points.at(-1)!.signals.map((s) => s.rule)).toContain('beyond-3-sigma');
  });
});

describe('Laney p′', () => {
  it('matches a hand-checked table', () => {
    // n = 100 each, d = 10, 20, 10, 20: p̄ = 0.15, σ_i = √(0.15·0.85/100) = 0.0357071;
    // z = ∓0.05 / 0.0357071 = −1.400280, 1.400280, −1.400280, 1.400280; every MR = 2.800560;
    // σ_z = 2.800560 / 1.128 = 2.482766; UCL′ = 0.15 + 3·0.0357071·2.482766 = 0.415957; LCL′ = 0.
    const chart = pChart([
      { period: '1', n: 100, d: 10 },
      { period: '2', n: 100, d: 20 },
      { period: '3', n: 100, d: 10 },
      { period: '4', n: 100, d: 20 },
    ]);
    expect(chart.sigmaZ).toBeCloseTo(2.482766, 5);
    expect(chart.points[0]!.laneyUcl).toBeCloseTo(0.415957, 5);
    expect(chart.points[0]!.laneyLcl).toBe(0);
    expect(chart.points[0]!.ucl).toBeCloseTo(0.257121, 5);
    // Four subgroups are too few to recommend p′, whatever σ_z says.
    expect(chart.laneyRecommended).toBe(false);
  });

  it('recommends p′ for overdispersed large subgroups, and the p′ limits quiet the false alarms', () => {
    // 16 monthly subgroups of 2,800 alternating 8 % and 12 %: far more spread than the binomial
    // allows (σ_i ≈ 0.54 pts), so the p-chart flags every month; Laney widens the limits by σ_z.
    const months = Array.from({ length: 16 }, (_, i) => ({ period: String(i), n: 2_800, d: i % 2 ? 336 : 224 }));
    const chart = pChart(months);
    expect(chart.signalCount).toBe(16);
    expect(chart.sigmaZ!).toBeGreaterThan(1.2);
    expect(chart.judgedSubgroups).toBe(16);
    expect(chart.laneyRecommended).toBe(true);
    expect(chart.laneySignalCount).toBe(0);
  });

  it('is about 1 when the subgroups vary as the binomial expects', () => {
    // Alternating ±1σ_i around p̄: z = ±1, MR = 2, σ_z = 2 / 1.128 = 1.773; alternating ±0.5σ: 0.887.
    const sigma = Math.sqrt((0.2 * 0.8) / 400);
    const chart = pChart(
      Array.from({ length: 20 }, (_, i) => ({
        period: String(i),
        n: 400,
        d: 400 * (0.2 + (i % 2 ? 0.5 : -0.5) * sigma),
      })),
    );
    expect(chart.sigmaZ).toBeCloseTo(1 / 1.128, 6);
    expect(chart.laneyRecommended).toBe(false);
  });

  it('leaves hollow points out of σ_z', () => {
    expect(laneySigmaZ([0])).toBeNull();
    expect(laneySigmaZ([1, -1, 1])).toBeCloseTo(2 / 1.128, 12);
    const chart = pChart([
      { period: '1', n: 100, d: 10 },
      { period: '2', n: 100, d: 20 },
      { period: 'now', n: 100, d: 90, inProgress: true },
    ]);
    expect(chart.judgedSubgroups).toBe(2);
    expect(chart.points[2]!.laneySignals).toEqual([]);
  });
});
