import { wilsonInterval } from './intervals';
import type { Interval } from './value';

export interface StageCounts {
  id: string;
  name: string;
  /** Interactions at the stage's touchpoints. */
  units: number;
  /** Those with at least one non-dismissed defect. */
  defectiveUnits: number;
}

export interface StageYield extends StageCounts {
  /** First-pass yield of the stage: share of its interactions with no defect; null without any. */
  firstPassYield: number | null;
  firstPassYieldInterval: Interval | null;
  /** RTY after this stage: the product of the first-pass yields so far (stages without data skipped). */
  cumulativeYield: number | null;
  /** The yield this stage takes away: cumulative before it minus cumulative after it (0–1). */
  yieldLost: number | null;
}

export interface RolledThroughputYield {
  stages: StageYield[];
  /** RTY = Π over stages with data, in journey order, of their first-pass yield; null without data. */
  rty: number | null;
  /** RTY^(1/k) over the k stages with data: the first-pass yield an average stage would need. */
  normalizedYield: number | null;
  /** k. */
  stagesWithData: number;
}

/** Rolled throughput yield across the journey's stages, given in journey order. */
export function rolledThroughputYield(stages: StageCounts[]): RolledThroughputYield {
  let cumulative = 1;
  let k = 0;
  const rows = stages.map((stage): StageYield => {
    if (stage.units <= 0) {
      return { ...stage, firstPassYield: null, firstPassYieldInterval: null, cumulativeYield: null, yieldLost: null };
    }
    const fpy = 1 - stage.defectiveUnits / stage.units;
    const before = cumulative;
    cumulative *= fpy;
    k += 1;
    return {
      ...stage,
      firstPassYield: fpy,
      firstPassYieldInterval: wilsonInterval(stage.units - stage.defectiveUnits, stage.units),
      cumulativeYield: cumulative,
      yieldLost: before - cumulative,
    };
  });
  return {
    stages: rows,
    rty: k > 0 ? cumulative : null,
    normalizedYield: k > 0 ? cumulative ** (1 / k) : null,
    stagesWithData: k,
  };
}
