export interface Subgroup {
  /** The subgroup's label: its first day, e.g. 2026-03-02. */
  period: string;
  /** n_i: interactions in the subgroup. */
  n: number;
  /** d_i: those with at least one defect. */
  d: number;
}

export type SignalRule =
  'beyond-3-sigma' | 'two-of-three-beyond-2-sigma' | 'four-of-five-beyond-1-sigma' | 'eight-on-one-side';

export interface Signal {
  rule: SignalRule;
  side: 'above' | 'below';
  explanation: string;
}

export interface PChartPoint {
  period: string;
  n: number;
  d: number;
  /** p_i = d_i / n_i; null for a gap (n_i = 0). */
  p: number | null;
  sigma: number | null;
  ucl: number | null;
  lcl: number | null;
  signals: Signal[];
}

export interface PChart {
  /** p̄ = Σd / Σn; null when there are no interactions at all. */
  centre: number | null;
  points: PChartPoint[];
  signalCount: number;
}

const EXPLANATIONS: Record<SignalRule, (side: 'above' | 'below') => string> = {
  'beyond-3-sigma': (side) =>
    `One point ${side} the ${side === 'above' ? 'upper' : 'lower'} control limit (beyond 3σ).`,
  'two-of-three-beyond-2-sigma': (side) => `Two of three points in a row more than 2σ ${side} the centre line.`,
  'four-of-five-beyond-1-sigma': (side) => `Four of five points in a row more than 1σ ${side} the centre line.`,
  'eight-on-one-side': (side) => `Eight points in a row ${side} the centre line.`,
};

/**
 * The p-chart of the share of defective interactions: p̄ = Σd / Σn, σ_i = √(p̄(1 − p̄) / n_i),
 * UCL_i = min(1, p̄ + 3σ_i), LCL_i = max(0, p̄ − 3σ_i); subgroups with n_i = 0 are gaps. The
 * Western Electric rules run over the points in order, gaps skipped.
 */
export function pChart(subgroups: Subgroup[]): PChart {
  const totalN = subgroups.reduce((s, g) => s + g.n, 0);
  const totalD = subgroups.reduce((s, g) => s + g.d, 0);
  const centre = totalN > 0 ? totalD / totalN : null;
  const points: PChartPoint[] = subgroups.map((g) => {
    if (g.n === 0 || centre === null) return { ...g, p: null, sigma: null, ucl: null, lcl: null, signals: [] };
    const sigma = Math.sqrt((centre * (1 - centre)) / g.n);
    return {
      ...g,
      p: g.d / g.n,
      sigma,
      ucl: Math.min(1, centre + 3 * sigma),
      lcl: Math.max(0, centre - 3 * sigma),
      signals: [],
    };
  });
  if (centre !== null) {
    const present = points.filter((p) => p.p !== null);
    const zones = present.map((p) => zoneOf(p.p!, centre, p.sigma!));
    westernElectric(zones).forEach((signals, i) => present[i]!.signals.push(...signals));
  }
  return { centre, points, signalCount: points.reduce((s, p) => s + (p.signals.length > 0 ? 1 : 0), 0) };
}

/** Distance from the centre line in σ, signed; 0 when the point sits on it or σ is 0. */
function zoneOf(p: number, centre: number, sigma: number): number {
  if (p === centre) return 0;
  if (sigma === 0) return 0;
  return (p - centre) / sigma;
}

/**
 * The four Western Electric rules over standardised distances z (in σ, signed). A signal is
 * marked on the point that completes the pattern, and only when that point is itself part of it.
 */
export function westernElectric(z: number[]): Signal[][] {
  const out: Signal[][] = z.map(() => []);
  const sides = ['above', 'below'] as const;
  const beyond = (value: number, limit: number, side: 'above' | 'below') =>
    side === 'above' ? value > limit : value < -limit;
  const add = (i: number, rule: SignalRule, side: 'above' | 'below') =>
    out[i]!.push({ rule, side, explanation: EXPLANATIONS[rule](side) });

  z.forEach((value, i) => {
    for (const side of sides) {
      if (beyond(value, 3, side)) add(i, 'beyond-3-sigma', side);
      if (beyond(value, 2, side) && z.slice(Math.max(0, i - 2), i + 1).filter((v) => beyond(v, 2, side)).length >= 2) {
        add(i, 'two-of-three-beyond-2-sigma', side);
      }
      if (beyond(value, 1, side) && z.slice(Math.max(0, i - 4), i + 1).filter((v) => beyond(v, 1, side)).length >= 4) {
        add(i, 'four-of-five-beyond-1-sigma', side);
      }
      if (i >= 7 && z.slice(i - 7, i + 1).every((v) => beyond(v, 0, side))) add(i, 'eight-on-one-side', side);
    }
  });
  return out;
}
