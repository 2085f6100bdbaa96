import { metric, NO_DATA, type MetricValue } from './value';

/** A score with the number of answers it rests on. */
export interface ScoreResult {
  value: MetricValue;
  responses: number;
}

/** NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100. */
export function netPromoterScore({
  responses,
  promoters,
  detractors,
}: {
  responses: number;
  promoters: number;
  detractors: number;
}): ScoreResult {
  return { responses, value: responses > 0 ? metric(((promoters - detractors) / responses) * 100) : NO_DATA };
}

/** CSAT = share (0–1) of the answers that are 4 or 5. */
export function customerSatisfaction({ responses, satisfied }: { responses: number; satisfied: number }): ScoreResult {
  return { responses, value: responses > 0 ? metric(satisfied / responses) : NO_DATA };
}

/** CES = mean effort score (1–7, 7 = very easy). */
export function customerEffort({ responses, sum }: { responses: number; sum: number }): ScoreResult {
  return { responses, value: responses > 0 ? metric(sum / responses) : NO_DATA };
}

/** Expectation gap = mean(experience − expectation) over the interactions that have both. */
export function expectationGap({ responses, sum }: { responses: number; sum: number }): ScoreResult {
  return { responses, value: responses > 0 ? metric(sum / responses) : NO_DATA };
}

/** Cost of poor quality = Σ lost revenue of the defects. */
export function costOfPoorQuality(lostRevenue: number): number {
  return Number.isFinite(lostRevenue) ? lostRevenue : 0;
}
