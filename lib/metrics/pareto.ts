export interface ParetoInput {
  key: string;
  label: string;
  count: number;
}

export interface ParetoBar extends ParetoInput {
  share: number;
  /** Share of all defects in this category and the ones before it (0–1). */
  cumulativeShare: number;
  /** Among the categories that together make up the first 80 % of defects. */
  vitalFew: boolean;
}

export const VITAL_FEW_SHARE = 0.8;

/**
 * Categories by count, descending, with the cumulative share. The vital few are the categories
 * up to 80 %: each one whose predecessors had not yet reached 80 %, so the category that crosses
 * the line is one of them.
 */
export function pareto(inputs: ParetoInput[]): ParetoBar[] {
  const rows = inputs.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  let running = 0;
  return rows.map((row) => {
    const before = running / total;
    running += row.count;
    return {
      ...row,
      share: row.count / total,
      cumulativeShare: running / total,
      vitalFew: before < VITAL_FEW_SHARE - 1e-12,
    };
  });
}
