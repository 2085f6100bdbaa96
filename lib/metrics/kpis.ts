import { costOfPoorQuality, customerEffort, customerSatisfaction, expectationGap, netPromoterScore } from './voice';
import { defectsPerMillion, defectsPerUnit, firstPassYield, processYield, sigmaLevel } from './six-sigma';
import { change, relativeChange, type Interval, type MetricValue } from './value';
import { isTooFew, npsInterval, wilsonInterval } from './intervals';

/** The sums one SQL aggregation returns for a slice of interactions and their defects. */
export interface Totals {
  units: number;
  opportunities: number;
  defectiveUnits: number;
  defects: number;
  lostRevenue: number;
  csatResponses: number;
  csatSatisfied: number;
  npsResponses: number;
  promoters: number;
  detractors: number;
  effortResponses: number;
  effortSum: number;
  gapResponses: number;
  gapSum: number;
}

export const EMPTY_TOTALS: Totals = {
  units: 0,
  opportunities: 0,
  defectiveUnits: 0,
  defects: 0,
  lostRevenue: 0,
  csatResponses: 0,
  csatSatisfied: 0,
  npsResponses: 0,
  promoters: 0,
  detractors: 0,
  effortResponses: 0,
  effortSum: 0,
  gapResponses: 0,
  gapSum: 0,
};

export interface Kpis {
  interactions: number;
  defects: number;
  defectiveInteractions: number;
  opportunities: number;
  dpu: MetricValue;
  dpmo: MetricValue;
  sigma: MetricValue;
  yield: MetricValue;
  firstPassYield: MetricValue;
  nps: MetricValue;
  npsResponses: number;
  csat: MetricValue;
  csatResponses: number;
  ces: MetricValue;
  cesResponses: number;
  expectationGap: MetricValue;
  expectationGapResponses: number;
  costOfPoorQuality: number;
}

/**
 * A value with its interval and whether `n`, the units or responses behind it, are too few to judge.
 */
function judged(value: MetricValue, n: number, interval?: Interval | null): MetricValue {
  // Without a number there is nothing to judge: the reason says why.
  if (value.value === null) return value;
  return { ...value, ...(interval ? { interval } : {}), tooFew: isTooFew(n) };
}

const scaled = (interval: Interval | null, scale: (v: number) => number): Interval | null => {
  if (!interval) return null;
  const [a, b] = [scale(interval.low), scale(interval.high)];
  return { low: Math.min(a, b), high: Math.max(a, b) };
};

/** Every KPI of one slice, from its totals, with intervals and the small-sample flag. */
export function kpisOf(t: Totals): Kpis {
  const npsCounts = { responses: t.npsResponses, promoters: t.promoters, detractors: t.detractors };
  const nps = netPromoterScore(npsCounts);
  const csat = customerSatisfaction({ responses: t.csatResponses, satisfied: t.csatSatisfied });
  const ces = customerEffort({ responses: t.effortResponses, sum: t.effortSum });
  const gap = expectationGap({ responses: t.gapResponses, sum: t.gapSum });
  // The defective share of opportunities (D / O), for DPMO and yield; of units, for first-pass yield.
  const perOpportunity = wilsonInterval(t.defects, t.opportunities);
  const perUnit = wilsonInterval(t.units - t.defectiveUnits, t.units);
  return {
    interactions: t.units,
    defects: t.defects,
    defectiveInteractions: t.defectiveUnits,
    opportunities: t.opportunities,
    dpu: judged(defectsPerUnit(t), t.units),
    dpmo: judged(
      defectsPerMillion(t),
      t.units,
      scaled(perOpportunity, (v) => v * 1_000_000),
    ),
    sigma: judged(sigmaLevel(t), t.units),
    yield: judged(
      processYield(t),
      t.units,
      scaled(perOpportunity, (v) => 1 - v),
    ),
    firstPassYield: judged(firstPassYield(t), t.units, perUnit),
    nps: judged(nps.value, nps.responses, npsInterval(npsCounts)),
    npsResponses: nps.responses,
    csat: judged(csat.value, csat.responses, wilsonInterval(t.csatSatisfied, t.csatResponses)),
    csatResponses: csat.responses,
    ces: judged(ces.value, ces.responses),
    cesResponses: ces.responses,
    expectationGap: judged(gap.value, gap.responses),
    expectationGapResponses: gap.responses,
    costOfPoorQuality: costOfPoorQuality(t.lostRevenue),
  };
}

type CountKey = 'interactions' | 'defects' | 'defectiveInteractions' | 'costOfPoorQuality';
type RateKey = 'dpu' | 'dpmo' | 'sigma' | 'yield' | 'firstPassYield' | 'nps' | 'csat' | 'ces' | 'expectationGap';

/** How each KPI moved against the previous period: relative for counts and money, absolute for rates. */
export type KpiChanges = Record<CountKey | RateKey, number | null>;

export function kpiChanges(current: Kpis, previous: Kpis): KpiChanges {
  const counts: CountKey[] = ['interactions', 'defects', 'defectiveInteractions', 'costOfPoorQuality'];
  const rates: RateKey[] = ['dpu', 'dpmo', 'sigma', 'yield', 'firstPassYield', 'nps', 'csat', 'ces', 'expectationGap'];
  const out = {} as KpiChanges;
  for (const key of counts) out[key] = relativeChange(current[key], previous[key]);
  for (const key of rates) out[key] = change(current[key], previous[key]);
  return out;
}
