import { describe, expect, it } from 'vitest';
import { pChart, westernElectric } from './p-chart';

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
