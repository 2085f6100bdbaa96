import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emitCaseEvent } from './case-notices';
import { caseEvents, cases, defectEvents, defects, type Case, type CaseVerdict } from '@/db/schema';
import { kpisOf } from '@/lib/metrics/kpis';
import { firstPassYield, defectsPerMillion, sigmaLevel } from '@/lib/metrics/six-sigma';
import type { MetricValue } from '@/lib/metrics/value';
import {
  decideProof,
  stagedPChart,
  subgroupsWithData,
  testImprovement,
  verdictText,
  reasonRef,
  verdictRef,
  type ImprovementTest,
  type ProofDecision,
  type Proportions,
  type StagedPChart,
} from '@/lib/metrics/proof';
import { addDays, dayInZone, startOfWeek } from '@/lib/dates';
import { companyCalendar, type CompanyCalendar } from '@/lib/settings/company';
import { msg, sentences } from '@/lib/validation/messages';
import { getChartSeries, getChartTotals, lastClosedSubgroup, type ChartRef } from './charts';
import { WINDOW_SUBGROUPS } from './evaluate-charts';

export interface StageFigures {
  from: string;
  to: string;
  interactions: number;
  defectiveInteractions: number;
  defects: number;
  dpmo: MetricValue;
  sigma: MetricValue;
  firstPassYield: MetricValue;
  costOfPoorQuality: number;
  /** Lost revenue per 100 interactions, so stages of different lengths compare. */
  costPer100Interactions: number | null;
}

export interface CaseProof {
  effectiveOn: string;
  subgroup: 'day' | 'week';
  staged: StagedPChart;
  before: StageFigures;
  after: StageFigures;
  counts: Proportions;
  test: ImprovementTest | null;
  decision: ProofDecision;
  verdict: string;
}

/**
 * The days each stage covers. Daily: the 28 days before T, and T up to yesterday. Weekly (weeks
 * starting on `weekStart`, the company's first day of the week): a week that straddles T belongs
 * to neither stage; the baseline is the 12 whole weeks before it.
 */
export function proofRanges(
  effectiveOn: string,
  subgroup: 'day' | 'week',
  today: string,
  weekStart = 1,
): { before: { from: string; to: string }; after: { from: string; to: string } } {
  const lastDay = lastClosedSubgroup(today, subgroup, weekStart).to;
  if (subgroup === 'day') {
    return {
      before: { from: addDays(effectiveOn, -WINDOW_SUBGROUPS.day), to: addDays(effectiveOn, -1) },
      after: { from: effectiveOn, to: lastDay },
    };
  }
  const weekOfT = startOfWeek(effectiveOn, weekStart);
  const afterFrom = weekOfT === effectiveOn ? weekOfT : addDays(weekOfT, 7);
  const beforeTo = addDays(weekOfT, -1);
  return {
    before: { from: addDays(weekOfT, -7 * WINDOW_SUBGROUPS.week), to: beforeTo },
    after: { from: afterFrom, to: lastDay },
  };
}

function figures(totals: Awaited<ReturnType<typeof getChartTotals>>, from: string, to: string): StageFigures {
  const kpis = kpisOf(totals);
  return {
    from,
    to,
    interactions: totals.units,
    defectiveInteractions: totals.defectiveUnits,
    defects: totals.defects,
    dpmo: defectsPerMillion(totals),
    sigma: sigmaLevel(totals),
    firstPassYield: firstPassYield(totals),
    costOfPoorQuality: kpis.costOfPoorQuality,
    costPer100Interactions: totals.units > 0 ? (totals.lostRevenue / totals.units) * 100 : null,
  };
}

export const caseChartRef = (
  row: Pick<Case, 'scope' | 'stageId' | 'touchpointId' | 'categoryId' | 'subgroup'>,
): ChartRef => ({
  scope: row.scope,
  stageId: row.stageId,
  touchpointId: row.touchpointId,
  categoryId: row.categoryId,
  subgroup: row.subgroup,
});

/**
 * The day a proof is read as of: a decided case (proved, not effective, or closed after either)
 * as on the night it was decided, so the page shows the numbers the decision was made on; a
 * closed case otherwise as of its closing; an open one as of now.
 */
function asOf(row: Partial<Pick<Case, 'status' | 'verdict' | 'closedAt'>>, now: Date): Date {
  const decided =
    (row.status === 'proved' || row.status === 'not_effective' || row.status === 'closed') &&
    row.verdict &&
    row.verdict.outcome !== 'pending';
  if (decided) return new Date(row.verdict!.evaluatedAt);
  if (row.closedAt && row.closedAt < now) return new Date(row.closedAt.getTime() + 86_400_000);
  return now;
}

/**
 * The proof of a case's corrective action as of `today`: staged p-chart, the figures of each
 * stage, the one-sided test and the verdict. Null until the case has an effective date T. Days are
 * the company zone's and weeks start on its first day of the week: `calendar` as the caller read it
 * (a page's getCompanySettings()), else read here in `db`.
 */
export async function getCaseProof(
  db: DbOrTx,
  row: Pick<Case, 'scope' | 'stageId' | 'touchpointId' | 'categoryId' | 'subgroup' | 'effectiveOn' | 'closedAt'> &
    Partial<Pick<Case, 'status' | 'verdict'>>,
  now: Date = new Date(),
  calendar?: CompanyCalendar,
): Promise<CaseProof | null> {
  if (!row.effectiveOn) return null;
  const { timeZone, weekStart } = calendar ?? (await companyCalendar(db));
  const today = dayInZone(asOf(row, now), timeZone);
  const ref = caseChartRef(row);
  const ranges = proofRanges(row.effectiveOn, row.subgroup, today, weekStart);
  const afterTo = ranges.after.to < ranges.after.from ? addDays(ranges.after.from, -1) : ranges.after.to;
  const [series, beforeTotals, afterTotals] = await Promise.all([
    getChartSeries(db, ref, ranges.before.from, afterTo, weekStart),
    getChartTotals(db, ref, ranges.before.from, ranges.before.to),
    getChartTotals(db, ref, ranges.after.from, afterTo),
  ]);
  // The weekly subgroup that straddles T is in neither stage; daily ones never straddle.
  const inStages = series.filter(
    (g) =>
      (g.period >= ranges.before.from && g.period <= ranges.before.to) ||
      (g.period >= ranges.after.from && g.period <= afterTo),
  );
  const staged = stagedPChart(inStages, ranges.after.from);
  const sum = (stage: typeof staged.before, key: 'n' | 'd') => stage.points.reduce((s, p) => s + p[key], 0);
  const counts: Proportions = {
    n0: sum(staged.before, 'n'),
    d0: sum(staged.before, 'd'),
    n1: sum(staged.after, 'n'),
    d1: sum(staged.after, 'd'),
  };
  const test = testImprovement(counts);
  const decision = decideProof({
    beforeSubgroups: subgroupsWithData(staged.before),
    afterSubgroups: subgroupsWithData(staged.after),
    afterSignals: staged.after.signalCount,
    test,
  });
  return {
    effectiveOn: row.effectiveOn,
    subgroup: row.subgroup,
    staged,
    before: figures(beforeTotals, ranges.before.from, ranges.before.to),
    after: figures(afterTotals, ranges.after.from, afterTo),
    counts,
    test,
    decision,
    verdict: verdictText(counts, test, decision),
  };
}

export const verdictOf = (proof: CaseProof, now: Date): CaseVerdict => ({
  outcome: proof.decision.outcome,
  text: proof.verdict,
  pValue: proof.test?.pValue ?? null,
  test: proof.test?.test ?? null,
  evaluatedAt: now.toISOString(),
});

/**
 * Judges one monitoring case: records the verdict, and when it is decisive moves the case to
 * proved or not effective (version bumped, history written). A proved case closes the verified
 * defects linked to it: their fix is proved with the numbers.
 */
export async function judgeCase(
  tx: DbOrTx,
  row: Case,
  { now, actorId }: { now: Date; actorId: string | null },
): Promise<{ outcome: CaseVerdict['outcome']; moved: boolean; proof: CaseProof | null }> {
  const proof = await getCaseProof(tx, row, now);
  if (!proof) return { outcome: 'pending', moved: false, proof };
  const verdict = verdictOf(proof, now);
  if (row.status !== 'monitoring' || proof.decision.outcome === 'pending') {
    // A decided case keeps the verdict it was decided on.
    const decided = row.status === 'proved' || row.status === 'not_effective' || row.status === 'closed';
    if (!decided) await tx.update(cases).set({ verdict }).where(eq(cases.id, row.id));
    return { outcome: verdict.outcome, moved: false, proof };
  }
  const to = proof.decision.outcome;
  await tx
    .update(cases)
    .set({ verdict, status: to, version: row.version + 1, updatedAt: now })
    .where(eq(cases.id, row.id));
  await tx.insert(caseEvents).values({
    caseId: row.id,
    actorId,
    type: 'status',
    changes: { status: { from: row.status, to } },
    // Stored as message references, so the history reads in each reader's language.
    comment: sentences(verdictRef(proof.counts, proof.test, proof.decision), ...proof.decision.why.map(reasonRef)),
  });
  if (to === 'proved') {
    await closeProvedDefects(tx, row, actorId);
    await emitCaseEvent(tx, 'case.proved', { caseId: row.id, summary: proof.verdict });
  }
  return { outcome: to, moved: true, proof };
}

async function closeProvedDefects(tx: DbOrTx, row: Case, actorId: string | null): Promise<void> {
  const closed = await tx
    .update(defects)
    .set({ status: 'closed', version: sql`${defects.version} + 1`, updatedAt: new Date() })
    .where(and(eq(defects.caseId, row.id), eq(defects.status, 'verified')))
    .returning({ id: defects.id });
  if (closed.length === 0) return;
  await tx.insert(defectEvents).values(
    closed.map((d) => ({
      defectId: d.id,
      actorId,
      type: 'status',
      changes: { status: { from: 'verified', to: 'closed' } },
      comment: msg('historyClosedWithCase', { number: row.number ?? 0 }),
    })),
  );
}

/** The nightly evaluation of every monitoring case, one transaction each. */
export async function evaluateMonitoringCases({
  db,
  now,
}: {
  db: DbOrTx;
  now: Date;
}): Promise<{ evaluated: number; proved: number; notEffective: number }> {
  const monitoring = await db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'monitoring'));
  const summary = { evaluated: 0, proved: 0, notEffective: 0 };
  for (const { id } of monitoring) {
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
      if (!row || row.status !== 'monitoring') return;
      const result = await judgeCase(tx, row, { now, actorId: null });
      summary.evaluated += 1;
      if (result.moved && result.outcome === 'proved') summary.proved += 1;
      if (result.moved && result.outcome === 'not_effective') summary.notEffective += 1;
    });
  }
  return summary;
}
