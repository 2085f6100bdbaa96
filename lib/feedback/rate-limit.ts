import 'server-only';
import { createHmac } from 'node:crypto';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { feedbackRateHits } from '@/db/schema';
import { getAuthSecret } from '@/lib/auth/secret';

export const FEEDBACK_WINDOW_MINUTES = 15;
export const MAX_FEEDBACK_PER_ADDRESS = 10;

/**
 * A keyed hash of the sender's address: enough to count their submissions, useless for finding
 * out who they are. The address comes from lib/auth/client-address.ts (the socket, or trusted
 * proxies); senders without one share one bucket, erring on the side of refusing floods.
 */
export function hashAddress(address: string | null): string {
  return createHmac('sha256', getAuthSecret())
    .update(`feedback:${address ?? 'unknown'}`)
    .digest('base64url');
}

/**
 * Counts this address's recent submissions and, when under the limit, records this one. Run it in
 * the submission's transaction: the advisory lock serialises one address's concurrent requests, on
 * every app instance, so two of them cannot both take the last place.
 */
export async function takeFeedbackSlot(tx: DbOrTx, addressHash: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feedback:${addressHash}`}))`);
  const since = sql`now() - make_interval(mins => ${FEEDBACK_WINDOW_MINUTES})`;
  const [recent] = await tx
    .select({ n: count() })
    .from(feedbackRateHits)
    .where(and(eq(feedbackRateHits.addressHash, addressHash), gt(feedbackRateHits.createdAt, since)));
  if ((recent?.n ?? 0) >= MAX_FEEDBACK_PER_ADDRESS) return false;
  // Old hits count for nothing any more; pruning here keeps the table about one window long.
  await tx.delete(feedbackRateHits).where(lt(feedbackRateHits.createdAt, since));
  await tx.insert(feedbackRateHits).values({ addressHash });
  return true;
}
