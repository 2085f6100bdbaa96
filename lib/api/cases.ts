import 'server-only';
import type { CaseProof } from '@/lib/cases/proof';
import type { CaseListRow } from '@/lib/queries/cases';

/** A case as GET /api/v1/cases returns it (see CaseSummary in lib/validation/api.ts). */
export function caseSummaryJson(row: CaseListRow) {
  return {
    id: row.id,
    number: row.number ?? 0,
    title: row.title,
    status: row.status,
    chart: {
      key: row.chartKey,
      scope: row.scope,
      stageId: row.stageId,
      touchpointId: row.touchpointId,
      categoryId: row.categoryId,
      subgroup: row.subgroup,
    },
    origin: row.origin,
    signal: row.signal,
    ownerId: row.ownerId,
    rootCause: row.rootCause,
    correctiveAction: row.correctiveAction,
    effectiveOn: row.effectiveOn,
    closeReason: row.closeReason,
    verdict: row.verdict,
    defectCount: row.defectCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The proof of a case as GET /api/v1/cases/{id} returns it (CaseProof in lib/validation/api.ts). */
export function caseProofJson(proof: CaseProof) {
  return {
    effectiveOn: proof.effectiveOn,
    subgroup: proof.subgroup,
    outcome: proof.decision.outcome,
    verdict: proof.verdict,
    reasons: proof.decision.reasons,
    test: proof.test ? { name: proof.test.test, statistic: proof.test.statistic, pValue: proof.test.pValue } : null,
    counts: proof.counts,
    before: proof.before,
    after: proof.after,
    stages: proof.staged,
  };
}
