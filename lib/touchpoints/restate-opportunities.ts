import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { interactions, touchpoints } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { adminTransaction } from '@/lib/admin/transaction';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import { defectsPerMillion } from '@/lib/metrics/six-sigma';
import type { MetricValue } from '@/lib/metrics/value';
import { msg } from '@/lib/validation/messages';

/** What restating a touchpoint's history would change: its all-time DPMO before and after. */
export interface RestatementPreview {
  touchpointId: string;
  /** The touchpoint's opportunities per interaction today: what history would be restated to. */
  opportunities: number;
  interactions: number;
  /** Interactions stored with another value, which the restatement would change. */
  interactionsToChange: number;
  defects: number;
  before: { opportunities: number; dpmo: MetricValue };
  after: { opportunities: number; dpmo: MetricValue };
}

/** The preview, from the rollup (all time) and one count over the touchpoint's interactions. */
export async function previewRestatement(touchpointId: string, db?: DbOrTx): Promise<RestatementPreview | null> {
  const database = db ?? (await getDb());
  const [row] = await selectRows<{
    opportunities: number;
    units: number | null;
    stored: number | null;
    defects: number | null;
    to_change: number;
  }>(
    database,
    sql`select t.opportunities,
               (select sum(r.units)::float8 from metrics_daily r where r.touchpoint_id = t.id) as units,
               (select sum(r.opportunities)::float8 from metrics_daily r where r.touchpoint_id = t.id) as stored,
               (select sum(r.defects)::float8 from metrics_daily r where r.touchpoint_id = t.id) as defects,
               (select count(*)::int from interactions i where i.touchpoint_id = t.id and i.opportunities <> t.opportunities) as to_change
        from touchpoints t where t.id = ${touchpointId}`,
  );
  if (!row) return null;
  const units = Number(row.units ?? 0);
  const defects = Number(row.defects ?? 0);
  const stored = Number(row.stored ?? 0);
  const restated = units * row.opportunities;
  return {
    touchpointId,
    opportunities: row.opportunities,
    interactions: units,
    interactionsToChange: row.to_change,
    defects,
    before: { opportunities: stored, dpmo: defectsPerMillion({ units, opportunities: stored, defects }) },
    after: { opportunities: restated, dpmo: defectsPerMillion({ units, opportunities: restated, defects }) },
  };
}

export const RESTATEMENT_STALE = msg('restatementStale');

/**
 * Restates every past interaction of a touchpoint to its current opportunities per interaction:
 * an explicit, audited admin step, never a side effect of editing the touchpoint. `opportunities`
 * is the value the admin saw in the preview; a touchpoint changed since is refused.
 */
export async function restateOpportunities(
  actor: CurrentUser,
  touchpointId: string,
  opportunities: number,
): Promise<{ changed: number }> {
  return adminTransaction(
    async (tx) => {
      const [touchpoint] = await tx.select().from(touchpoints).where(eq(touchpoints.id, touchpointId)).for('update');
      if (!touchpoint) throw new DomainError('not-found', msg('touchpointGone'));
      if (touchpoint.opportunities !== opportunities) throw new DomainError('conflict', RESTATEMENT_STALE);
      const preview = await previewRestatement(touchpointId, tx);
      const changed = await tx
        .update(interactions)
        .set({ opportunities })
        .where(and(eq(interactions.touchpointId, touchpointId), ne(interactions.opportunities, opportunities)))
        .returning({ id: interactions.id });
      await recordAudit(tx, {
        actor,
        action: 'touchpoint.history_restated',
        entityType: 'touchpoint',
        entityId: touchpointId,
        before: { opportunities: preview!.before.opportunities, dpmo: preview!.before.dpmo.value },
        after: {
          opportunities: preview!.after.opportunities,
          dpmo: preview!.after.dpmo.value,
          opportunitiesPerInteraction: opportunities,
          interactionsChanged: changed.length,
        },
      });
      return { changed: changed.length };
    },
    { message: msg('touchpointChangedMeanwhile') },
  );
}
