import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { metric, NO_DATA, type MetricValue } from './value';

/**
 * Defects outnumber opportunities (manual defects on a touchpoint with too few): no DPMO above
 * 1,000,000 or yield of 0 % is shown, but this reason, which asks for the opportunities to be reviewed.
 */
export const MORE_DEFECTS_THAN_OPPORTUNITIES: MetricValue = { value: null, reason: 'more defects than opportunities' };

/** The conventional long-term drift a process shows against its short-term capability. */
export const SIGMA_SHIFT = 1.5;

export interface DefectCounts {
  /** Units U: interactions. */
  units: number;
  /** Opportunities O: Σ over interactions of the opportunities each stored when it was logged. */
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

/** DPMO = D / O × 1,000,000; never above 1,000,000 (D > O has its own reason). */
export function defectsPerMillion({
  units,
  opportunities,
  defects,
}: Pick<DefectCounts, 'units' | 'opportunities' | 'defects'>): MetricValue {
  if (!(units > 0 && opportunities > 0)) return NO_DATA;
  if (defects > opportunities) return MORE_DEFECTS_THAN_OPPORTUNITIES;
  return metric((defects / opportunities) * 1_000_000);
}

/** Yield = 1 − D / O; when D > O there is no yield, only the reason. */
export function processYield(counts: Pick<DefectCounts, 'units' | 'opportunities' | 'defects'>): MetricValue {
  if (counts.units === 0 || counts.opportunities === 0) return NO_DATA;
  if (counts.defects > counts.opportunities) return MORE_DEFECTS_THAN_OPPORTUNITIES;
  return metric(1 - counts.defects / counts.opportunities);
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
