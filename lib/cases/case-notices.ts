import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { emitEvent } from '@/lib/jobs/enqueue';
import { msg } from '@/lib/validation/messages';

/**
 * Tells the case's owner and the touchpoint's owner (in the same transaction, through the outbox)
 * that a case was opened or proved on their touchpoint.
 */
export async function emitCaseEvent(
  tx: DbOrTx,
  type: 'case.opened' | 'case.proved',
  { caseId, summary }: { caseId: string; summary: string },
): Promise<void> {
  const [row] = await selectRows<{
    number: number;
    title: string;
    owner_id: string | null;
    touchpoint_owner_id: string | null;
    touchpoint_name: string | null;
    stage_name: string | null;
  }>(
    tx,
    sql`select c.number, c.title, c.owner_id, t.owner_id as touchpoint_owner_id, t.name as touchpoint_name,
               s.name as stage_name
        from cases c
        left join touchpoints t on t.id = c.touchpoint_id
        left join journey_stages s on s.id = c.stage_id
        where c.id = ${caseId}`,
  );
  if (!row) return;
  const recipientIds = [...new Set([row.owner_id, row.touchpoint_owner_id].filter((id): id is string => !!id))];
  await emitEvent(tx, type, {
    caseId,
    number: row.number,
    title: row.title,
    // A message reference when the case is on a stage or the whole company: each reader gets it in
    // their language, webhooks in English (lib/webhooks/queue-deliveries.ts).
    touchpointName:
      row.touchpoint_name ??
      (row.stage_name ? msg('caseScopeStage', { stage: row.stage_name }) : msg('caseScopeCompany')),
    href: `/cases/${caseId}`,
    summary,
    recipientIds,
  });
}
