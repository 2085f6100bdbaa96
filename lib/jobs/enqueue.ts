import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { jobs } from '@/db/schema';
import type { AnyEventType } from './event-types';

/** The job that turns an outbox event into notifications, mail and webhook deliveries. */
export const DISPATCH_EVENT = 'dispatch-event';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** No retry after this moment; the job goes to the dead-letter state instead. */
  expiresAt?: Date;
}

/** Queues a job in the caller's transaction: it runs only if that transaction commits. */
export async function enqueueJob(
  tx: DbOrTx,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<string> {
  const [row] = await tx
    .insert(jobs)
    .values({
      kind,
      payload,
      runAt: options.runAt,
      maxAttempts: options.maxAttempts,
      expiresAt: options.expiresAt,
    })
    .returning({ id: jobs.id });
  return row!.id;
}

/**
 * Writes an event to the outbox inside the caller's transaction, with the job that dispatches it.
 * Call it from the transaction that makes the change: the event exists exactly when the change
 * commits. Returns the event id (the `webhook-id` receivers see).
 */
export async function emitEvent(tx: DbOrTx, type: AnyEventType, payload: Record<string, unknown>): Promise<string> {
  const [id] = await emitEvents(tx, type, [payload]);
  return id!;
}

/** Many events of one type in one statement (an interaction batch, the defects it raised). */
export async function emitEvents(
  tx: DbOrTx,
  type: AnyEventType,
  payloads: Record<string, unknown>[],
): Promise<string[]> {
  if (payloads.length === 0) return [];
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`with e as (
          insert into outbox_events (type, payload)
          select ${type}, x.payload from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) as x(payload)
          returning id
        )
        insert into ${jobs} (kind, payload)
        select ${DISPATCH_EVENT}, jsonb_build_object('eventId', e.id) from e
        returning (payload->>'eventId') as id`,
  );
  return rows.map((r) => r.id);
}
