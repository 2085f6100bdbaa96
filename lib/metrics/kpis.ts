import { costOfPoorQuality, customerEffort, customerSatisfaction, expectationGap, netPromoterScore } from './voice';
import { defectsPerMillion, defectsPerUnit, firstPassYield, processYield, sigmaLevel } from './six-sigma';
import { change, relativeChange, type MetricValue } from './value';

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

/** Every KPI of one slice, from its totals. */
export function kpisOf(t: Totals): Kpis {
  const nps = netPromoterScore({ responses: t.npsResponses, promoters: t.promoters, detractors: t.detractors });
  const csat = customerSatisfaction({ responses: t.csatResponses, satisfied: t.csatSatisfied });
  const ces = customerEffort({ responses: t.effortResponses, sum: t.effortSum });
  const gap = expectationGap({ responses: t.gapResponses, sum: t.gapSum });
  return {
    interactions: t.units,
    defects: t.defects,
    defectiveInteractions: t.defectiveUnits,
    opportunities: t.opportunities,
    dpu: defectsPerUnit(t),
    dpmo: defectsPerMillion(t),
    sigma: sigmaLevel(t),
    yield: processYield(t),
    firstPassYield: firstPassYield(t),
    nps: nps.value,
    npsResponses: nps.responses,
    csat: csat.value,
    csatResponses: csat.responses,
    ces: ces.value,
    cesResponses: ces.responses,
    expectationGap: gap.value,
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
