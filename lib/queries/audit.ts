import 'server-only';
import { and, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditEvents } from '@/db/schema';
import type { AuditFilters } from '@/lib/validation/audit';

export const AUDIT_PAGE_SIZE = 50;

function conditions(filters: AuditFilters): SQL | undefined {
  const escaped = filters.actor?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.entity ? eq(auditEvents.entityType, filters.entity) : undefined,
    escaped ? ilike(auditEvents.actorLabel, `%${escaped}%`) : undefined,
    filters.from ? gte(auditEvents.createdAt, new Date(`${filters.from}T00:00:00Z`)) : undefined,
    // "to" is inclusive: everything before the start of the next UTC day.
    filters.to
      ? lt(auditEvents.createdAt, sql`${`${filters.to}T00:00:00Z`}::timestamptz + interval '1 day'`)
      : undefined,
  );
}

/** One page of the audit log, newest first, with the total count for the pager. */
export async function listAuditEvents(filters: AuditFilters) {
  const db = await getDb();
  const where = conditions(filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        createdAt: auditEvents.createdAt,
        actorLabel: auditEvents.actorLabel,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        before: auditEvents.before,
        after: auditEvents.after,
        ip: auditEvents.ip,
      })
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];

/** The actions and entity types that occur in the log, for the filter menus. */
export async function listAuditFacets() {
  const db = await getDb();
  const [actions, entities] = await Promise.all([
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action),
    db.selectDistinct({ value: auditEvents.entityType }).from(auditEvents).orderBy(auditEvents.entityType),
  ]);
  return { actions: actions.map((r) => r.value), entities: entities.map((r) => r.value) };
}
