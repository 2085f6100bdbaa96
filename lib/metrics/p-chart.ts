export interface Subgroup {
  /** The subgroup's label: its first day, e.g. 2026-03-02. */
  period: string;
  /** n_i: interactions in the subgroup. */
  n: number;
  /** d_i: those with at least one defect. */
  d: number;
  /** The subgroup has not ended yet (today, this week): its share is still moving. */
  inProgress?: boolean;
}

export type SignalRule =
  'beyond-3-sigma' | 'two-of-three-beyond-2-sigma' | 'four-of-five-beyond-1-sigma' | 'eight-on-one-side';

export interface Signal {
  rule: SignalRule;
  side: 'above' | 'below';
  explanation: string;
}

/**
 * Why a point is drawn hollow and raises no signal: the normal approximation needs
 * n_i·p̄ ≥ 5 and n_i·(1 − p̄) ≥ 5, and a subgroup still in progress is not yet a subgroup.
 */
export type HollowReason = 'small-subgroup' | 'in-progress';

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
  /** Drawn hollow and left out of the signal rules (and of σ_z), or null for a judged point. */
  hollow: HollowReason | null;
  /** Laney p′ limits: p̄ ± 3·σ_i·σ_z, clamped to [0, 1]; null without σ_z. */
  laneyUcl: number | null;
  laneyLcl: number | null;
  /** The Western Electric signals against the p′ limits. */
  laneySignals: Signal[];
}

export interface PChart {
  /** p̄ = Σd / Σn; null when there are no interactions at all. */
  centre: number | null;
  points: PChartPoint[];
  signalCount: number;
  /**
   * Laney's overdispersion ratio σ_z = mean(MR of z_i) / 1.128 over the judged points; about 1
   * when the binomial model holds, above it when subgroups vary more than it expects. Null with
   * fewer than two judged points.
   */
  sigmaZ: number | null;
  /** Judged points behind σ_z. */
  judgedSubgroups: number;
  /** σ_z > 1.2 with at least 15 judged subgroups: the p′ limits describe this process better. */
  laneyRecommended: boolean;
  laneySignalCount: number;
}

/** The minimum n·p̄ and n·(1 − p̄) for the normal approximation behind ±3σ limits. */
export const MIN_EXPECTED_COUNT = 5;
/** Laney's d₂ for moving ranges of two. */
export const D2 = 1.128;
export const LANEY_RATIO_THRESHOLD = 1.2;
export const LANEY_MIN_SUBGROUPS = 15;

const EXPLANATIONS: Record<SignalRule, (side: 'above' | 'below') => string> = {
  'beyond-3-sigma': (side) =>
    `One point ${side} the ${side === 'above' ? 'upper' : 'lower'} control limit (beyond 3σ).`,
  'two-of-three-beyond-2-sigma': (side) => `Two of three points in a row more than 2σ ${side} the centre line.`,
  'four-of-five-beyond-1-sigma': (side) => `Four of five points in a row more than 1σ ${side} the centre line.`,
  'eight-on-one-side': (side) => `Eight points in a row ${side} the centre line.`,
};

/** Whether a subgroup of n can be judged against limits around p̄ (two-sided check). */
export function largeEnough(n: number, centre: number): boolean {
  return n * centre >= MIN_EXPECTED_COUNT && n * (1 - centre) >= MIN_EXPECTED_COUNT;
}

/**
 * Laney's σ_z from the standardised distances z_i of consecutive judged points:
 * MR_i = |z_i − z_{i−1}|, σ_z = mean(MR) / 1.128. Null with fewer than two points.
 */
export function laneySigmaZ(z: number[]): number | null {
  if (z.length < 2) return null;
  let total = 0;
  for (let i = 1; i < z.length; i++) total += Math.abs(z[i]! - z[i - 1]!);
  return total / (z.length - 1) / D2;
}

/**
 * The p-chart of the share of defective interactions: p̄ = Σd / Σn, σ_i = √(p̄(1 − p̄) / n_i),
 * UCL_i = min(1, p̄ + 3σ_i), LCL_i = max(0, p̄ − 3σ_i); subgroups with n_i = 0 are gaps. Small
 * subgroups and the one in progress are hollow: the Western Electric rules and σ_z run over the
 * other points in order. Laney's p′ limits widen σ_i by σ_z.
 */
export function pChart(subgroups: Subgroup[]): PChart {
  const totalN = subgroups.reduce((s, g) => s + g.n, 0);
  const totalD = subgroups.reduce((s, g) => s + g.d, 0);
  const centre = totalN > 0 ? totalD / totalN : null;
  const points: PChartPoint[] = subgroups.map(({ period, n, d, inProgress }) => {
    const point: PChartPoint = {
      period,
      n,
      d,
      p: null,
      sigma: null,
      ucl: null,
      lcl: null,
      signals: [],
      hollow: null,
      laneyUcl: null,
      laneyLcl: null,
      laneySignals: [],
    };
    if (n === 0 || centre === null) return point;
    const sigma = Math.sqrt((centre * (1 - centre)) / n);
    point.p = d / n;
    point.sigma = sigma;
    point.ucl = Math.min(1, centre + 3 * sigma);
    point.lcl = Math.max(0, centre - 3 * sigma);
    point.hollow = inProgress ? 'in-progress' : largeEnough(n, centre) ? null : 'small-subgroup';
    return point;
  });
  let sigmaZ: number | null = null;
  const judged = points.filter((p) => p.p !== null && p.hollow === null);
  if (centre !== null) {
    const zones = judged.map((p) => zoneOf(p.p!, centre, p.sigma!));
    westernElectric(zones).forEach((signals, i) => judged[i]!.signals.push(...signals));
    sigmaZ = laneySigmaZ(zones);
    if (sigmaZ !== null) {
      const ratio = sigmaZ;
      for (const point of points) {
        if (point.sigma === null) continue;
        point.laneyUcl = Math.min(1, centre + 3 * point.sigma * ratio);
        point.laneyLcl = Math.max(0, centre - 3 * point.sigma * ratio);
      }
      // With no spread at all (every z equal) the p′ limits collapse: no zones to test against.
      const laneyZones = zones.map((z) => (ratio === 0 ? 0 : z / ratio));
      westernElectric(laneyZones).forEach((signals, i) => judged[i]!.laneySignals.push(...signals));
    }
  }
  const flagged = (pick: (p: PChartPoint) => Signal[]) => points.filter((p) => pick(p).length > 0).length;
  return {
    centre,
    points,
    signalCount: flagged((p) => p.signals),
    sigmaZ,
    judgedSubgroups: judged.length,
    laneyRecommended: sigmaZ !== null && sigmaZ > LANEY_RATIO_THRESHOLD && judged.length >= LANEY_MIN_SUBGROUPS,
    laneySignalCount: flagged((p) => p.laneySignals),
  };
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
