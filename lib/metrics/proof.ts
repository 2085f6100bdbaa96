import { msg, sentences } from '@/lib/validation/messages';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import hypergeometricCdf from '@stdlib/stats-base-dists-hypergeometric-cdf';
import { pChart, type PChart, type Subgroup } from './p-chart';

/*
 * The proof of a corrective action (docs/cases.md): a staged p-chart with limits per stage, and a
 * one-sided test that the defective share fell after the effective date T.
 */

/** Subgroups a stage needs before it can judge anything: the baseline, and the after stage. */
export const MIN_STAGE_SUBGROUPS = 8;
/** The significance level of the test of improvement. */
export const ALPHA = 0.05;

export interface StagedPChart {
  /** Subgroups before T, with limits from their own p̄. */
  before: PChart;
  /** Subgroups from T on, with limits from their own p̄. */
  after: PChart;
}

/**
 * Minitab's "stages": the subgroups before the effective day and those from it on, each stage
 * with its own centre line and limits. Gaps (n = 0) stay in their stage and count for nothing.
 * `chart` computes one stage; it is the plain p-chart unless the caller prefers another.
 */
export function stagedPChart(
  subgroups: Subgroup[],
  effectiveOn: string,
  chart: (stage: Subgroup[]) => PChart = pChart,
): StagedPChart {
  return {
    before: chart(subgroups.filter((g) => g.period < effectiveOn)),
    after: chart(subgroups.filter((g) => g.period >= effectiveOn)),
  };
}

/** Subgroups of a stage that hold at least one interaction. */
export const subgroupsWithData = (stage: PChart) => stage.points.filter((p) => p.n > 0).length;

export interface Proportions {
  /** Before: n₀ interactions, d₀ of them defective. */
  n0: number;
  d0: number;
  /** After: n₁ interactions, d₁ of them defective. */
  n1: number;
  d1: number;
}

export interface ImprovementTest {
  test: 'two-proportion-z' | 'fisher-exact';
  /** z for the two-proportion test; null for Fisher's. */
  statistic: number | null;
  /** One-sided p-value of "the share fell". */
  pValue: number;
}

/** The four expected counts of the 2×2 table under "no change", smallest first matters only to the caller. */
export function expectedCounts({ n0, d0, n1, d1 }: Proportions): number[] {
  const total = n0 + n1;
  const defective = d0 + d1;
  const good = total - defective;
  return [(n0 * defective) / total, (n0 * good) / total, (n1 * defective) / total, (n1 * good) / total];
}

/**
 * One-sided two-proportion z-test of p₁ < p₀ with the pooled share:
 * z = (p₀ − p₁) / √(p̄(1 − p̄)(1/n₀ + 1/n₁)), p = 1 − Φ(z).
 */
export function twoProportionZTest({ n0, d0, n1, d1 }: Proportions): ImprovementTest {
  const pooled = (d0 + d1) / (n0 + n1);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
  const diff = d0 / n0 - d1 / n1;
  // With no spread (all defective or none) there is no evidence either way.
  if (se === 0) return { test: 'two-proportion-z', statistic: 0, pValue: 1 };
  const z = diff / se;
  return { test: 'two-proportion-z', statistic: z, pValue: 1 - normalCdf(z, 0, 1) };
}

/**
 * Fisher's exact test, one-sided (the share fell): with the margins fixed, the defective count of
 * the before group is hypergeometric, and p = P(X ≥ d₀).
 */
export function fisherExactTest({ n0, d0, n1, d1 }: Proportions): ImprovementTest {
  const total = n0 + n1;
  const defective = d0 + d1;
  const pValue = d0 <= 0 ? 1 : 1 - hypergeometricCdf(d0 - 1, total, defective, n0);
  return { test: 'fisher-exact', statistic: null, pValue: Math.min(1, Math.max(0, pValue)) };
}

/** The z-test, or Fisher's exact test when any expected count is below 5. */
export function testImprovement(counts: Proportions): ImprovementTest | null {
  if (counts.n0 <= 0 || counts.n1 <= 0) return null;
  return expectedCounts(counts).some((e) => e < 5) ? fisherExactTest(counts) : twoProportionZTest(counts);
}

export type ProofOutcome = 'proved' | 'not_effective' | 'pending';

/** Why a fix is not (yet) proved, as data: the page words it in the reader's language. */
export type ProofReason =
  | { kind: 'baselineShort'; have: number; need: number }
  | { kind: 'afterShort'; have: number; need: number }
  | { kind: 'noData' }
  | { kind: 'afterSignals'; count: number }
  | { kind: 'pNotBelow'; pValue: number; alpha: number };

export interface ProofDecision {
  outcome: ProofOutcome;
  /** Why, in English sentences: the stored history and the API (which stays English). */
  reasons: string[];
  /** The same reasons as data, for the pages (cases.detail.reason.*). */
  why: ProofReason[];
}

/**
 * A fix is proved when the baseline has at least 8 subgroups, at least 8 subgroups are in after
 * T, the after stage shows no out-of-control signal, and the one-sided test gives p < 0.05. With
 * too few subgroups it is still pending; with enough and any condition failing, not effective.
 */
export function decideProof(input: {
  beforeSubgroups: number;
  afterSubgroups: number;
  afterSignals: number;
  test: ImprovementTest | null;
}): ProofDecision {
  const { beforeSubgroups, afterSubgroups, afterSignals, test } = input;
  const pending: ProofReason[] = [];
  if (beforeSubgroups < MIN_STAGE_SUBGROUPS)
    pending.push({ kind: 'baselineShort', have: beforeSubgroups, need: MIN_STAGE_SUBGROUPS });
  if (afterSubgroups < MIN_STAGE_SUBGROUPS)
    pending.push({ kind: 'afterShort', have: afterSubgroups, need: MIN_STAGE_SUBGROUPS });
  const decided = (outcome: ProofOutcome, why: ProofReason[]): ProofDecision => ({
    outcome,
    reasons: why.map(reasonText),
    why,
  });
  if (pending.length || !test) return decided('pending', pending.length ? pending : [{ kind: 'noData' }]);
  const failed: ProofReason[] = [];
  if (afterSignals > 0) failed.push({ kind: 'afterSignals', count: afterSignals });
  if (!(test.pValue < ALPHA)) failed.push({ kind: 'pNotBelow', pValue: test.pValue, alpha: ALPHA });
  return decided(failed.length ? 'not_effective' : 'proved', failed);
}

/** "p = 0.009" or "p < 0.001" as a message reference (lib/validation/messages.ts), for the reader's format. */
export const pValueRef = (p: number) => msg('pValue', { below: p < 0.001 ? 'yes' : 'no', p });

/** A reason as a message reference: the case page and its history translate it for their reader. */
export function reasonRef(reason: ProofReason): string {
  switch (reason.kind) {
    case 'baselineShort':
      return msg('proofBaselineShort', { have: reason.have, need: reason.need });
    case 'afterShort':
      return msg('proofAfterShort', { have: reason.have, need: reason.need });
    case 'noData':
      return msg('proofNoData');
    case 'afterSignals':
      return msg('proofAfterSignals', { count: reason.count });
    case 'pNotBelow':
      return msg('proofPNotBelow', { p: pValueRef(reason.pValue), alpha: reason.alpha });
  }
}

/** The verdict as a message reference: what verdictText says, in the reader's language. */
export function verdictRef(counts: Proportions, test: ImprovementTest | null, decision: ProofDecision): string {
  if (!test || counts.n0 === 0 || counts.n1 === 0)
    return sentences(msg('proofNotEnoughData'), ...decision.why.map(reasonRef));
  const p0 = counts.d0 / counts.n0;
  const p1 = counts.d1 / counts.n1;
  return msg('proofVerdict', {
    movement: p1 < p0 ? 'fell' : p1 > p0 ? 'rose' : 'stayed',
    before: p0,
    after: p1,
    p: pValueRef(test.pValue),
    outcome: decision.outcome,
  });
}

/** A reason in English, as the API records it. */
function reasonText(reason: ProofReason): string {
  switch (reason.kind) {
    case 'baselineShort':
      return `The baseline has ${reason.have} subgroups before T; it needs ${reason.need}.`;
    case 'afterShort':
      return `${reason.have} of ${reason.need} subgroups are in after T.`;
    case 'noData':
      return 'No data yet.';
    case 'afterSignals':
      return `The after stage has ${reason.count} out-of-control ${reason.count === 1 ? 'point' : 'points'}.`;
    case 'pNotBelow':
      return `${pValueText(reason.pValue)} is not below ${reason.alpha}.`;
  }
}

/** "p = 0.009", or "p < 0.001" (never "p = < 0.001"). */
export function pValueText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The plain-language verdict: "the defect rate fell from 12.4 % to 7.9 %; p = 0.003; proved". */
export function verdictText(counts: Proportions, test: ImprovementTest | null, decision: ProofDecision): string {
  if (!test || counts.n0 === 0 || counts.n1 === 0) return `Not enough data yet; ${decision.reasons.join(' ')}`;
  const p0 = counts.d0 / counts.n0;
  const p1 = counts.d1 / counts.n1;
  const movement =
    p1 < p0
      ? `the defect rate fell from ${percent(p0)} to ${percent(p1)}`
      : p1 > p0
        ? `the defect rate rose from ${percent(p0)} to ${percent(p1)}`
        : `the defect rate stayed at ${percent(p0)}`;
  const p = pValueText(test.pValue);
  const outcome =
    decision.outcome === 'proved'
      ? 'proved'
      : decision.outcome === 'not_effective'
        ? 'not effective'
        : 'not yet proved';
  const sentence = `${movement}; ${p}; ${outcome}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}
