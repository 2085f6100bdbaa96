import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { metric, NO_DATA, type MetricValue } from './value';

/** The conventional long-term drift a process shows against its short-term capability. */
export const SIGMA_SHIFT = 1.5;

export interface DefectCounts {
  /** Units U: interactions. */
  units: number;
  /** Opportunities O: Σ over interactions of their touchpoint's opportunities per interaction. */
  opportunities: number;
  /** Defects D: non-dismissed defects that occurred in the period. */
  defects: number;
  /** Interactions with at least one non-dismissed defect. */
  defectiveUnits: number;
}

/** DPU = D / U. */
export function defectsPerUnit({ units, defects }: Pick<DefectCounts, 'units' | 'defects'>): MetricValue {
  return units > 0 ? metric(defects / units) : NO_DATA;
}

/** DPMO = D / O × 1,000,000. */
export function defectsPerMillion({
  units,
  opportunities,
  defects,
}: Pick<DefectCounts, 'units' | 'opportunities' | 'defects'>): MetricValue {
  return units > 0 && opportunities > 0 ? metric((defects / opportunities) * 1_000_000) : NO_DATA;
}

/**
 * Yield = 1 − D / O. A manual defect or two on a one-opportunity touchpoint can push D past O;
 * the yield then stops at 0 rather than going negative.
 */
export function processYield(counts: Pick<DefectCounts, 'units' | 'opportunities' | 'defects'>): MetricValue {
  if (counts.units === 0 || counts.opportunities === 0) return NO_DATA;
  return metric(Math.max(0, 1 - counts.defects / counts.opportunities));
}

/** First-pass yield: the share of interactions with no defect. */
export function firstPassYield({ units, defectiveUnits }: Pick<DefectCounts, 'units' | 'defectiveUnits'>): MetricValue {
  return units > 0 ? metric(1 - defectiveUnits / units) : NO_DATA;
}

/** Short-term sigma level of a DPMO: Φ⁻¹(1 − DPMO / 10⁶) + 1.5. */
export function sigmaFromDpmo(dpmo: number): MetricValue {
  if (!Number.isFinite(dpmo) || dpmo < 0) return NO_DATA;
  if (dpmo === 0) return { value: null, reason: 'no defects' };
  if (dpmo >= 1_000_000) return { value: null, reason: 'every opportunity defective' };
  return metric(quantile(1 - dpmo / 1_000_000, 0, 1) + SIGMA_SHIFT);
}

/** Sigma level of the counts: "no data" without units, "no defects" when D = 0. */
export function sigmaLevel(counts: Pick<DefectCounts, 'units' | 'opportunities' | 'defects'>): MetricValue {
  const dpmo = defectsPerMillion(counts);
  return dpmo.value === null ? dpmo : sigmaFromDpmo(dpmo.value);
}
