import 'server-only';
import type { DbOrTx } from '@/db';
import { auditEvents } from '@/db/schema';

export interface AuditEntry {
  actor?: { id: string; email: string } | null;
  /** Who acted, when there is no user (a failed sign-in names the email tried). */
  actorLabel?: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Writes one audit event; pass the transaction of the change it records. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor?.email ?? entry.actorLabel ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}
