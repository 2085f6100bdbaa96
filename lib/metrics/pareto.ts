export interface ParetoInput {
  key: string;
  label: string;
  count: number;
  /** Σ lost revenue of the category's defects. */
  lostRevenue?: number;
}

/** What the bars rank by: the number of defects, or the revenue they lost. */
export const PARETO_MEASURES = ['count', 'revenue'] as const;
export type ParetoMeasure = (typeof PARETO_MEASURES)[number];

export interface ParetoBar extends ParetoInput {
  /** This category's share of the chosen measure (0–1). */
  share: number;
  /** Share of the chosen measure in this category and the ones before it (0–1). */
  cumulativeShare: number;
  /** Among the categories that together make up the first 80 % of the chosen measure. */
  vitalFew: boolean;
}

export const VITAL_FEW_SHARE = 0.8;

const measureOf = (row: ParetoInput, measure: ParetoMeasure) =>
  measure === 'count' ? row.count : (row.lostRevenue ?? 0);

/**
 * Categories by the chosen measure (count by default), descending, with the cumulative share.
 * The vital few are the categories up to 80 %: each one whose predecessors had not yet reached
 * 80 %, so the category that crosses the line is one of them. Categories with nothing of the
 * measure are left out.
 */
export function pareto(inputs: ParetoInput[], measure: ParetoMeasure = 'count'): ParetoBar[] {
  const rows = inputs
    .filter((r) => measureOf(r, measure) > 0)
    .sort((a, b) => measureOf(b, measure) - measureOf(a, measure) || a.label.localeCompare(b.label));
  const total = rows.reduce((sum, r) => sum + measureOf(r, measure), 0);
  let running = 0;
  return rows.map((row) => {
    const before = running / total;
    running += measureOf(row, measure);
    return {
      ...row,
      share: measureOf(row, measure) / total,
      cumulativeShare: running / total,
      vitalFew: before < VITAL_FEW_SHARE - 1e-12,
    };
  });
}
