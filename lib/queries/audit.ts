import 'server-only';
import { and, count, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import {
  apiKeys,
  auditEvents,
  customers,
  defectCategories,
  journeyStages,
  segments,
  touchpoints,
  users,
} from '@/db/schema';
import type { AuditFilters } from '@/lib/validation/audit';
import { dayEnd, dayStart } from './zone';

export const AUDIT_PAGE_SIZE = 50;

function conditions(filters: AuditFilters): SQL | undefined {
  const escaped = filters.actor?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.entity ? eq(auditEvents.entityType, filters.entity) : undefined,
    escaped ? ilike(auditEvents.actorLabel, `%${escaped}%`) : undefined,
    // Days in the company's zone, as every list cuts them; "to" is inclusive.
    filters.from ? gte(auditEvents.createdAt, dayStart(filters.from)) : undefined,
    filters.to ? lt(auditEvents.createdAt, dayEnd(filters.to)) : undefined,
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
        // The person's name as it is now, beside the email recorded at the time.
        actorName: users.name,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        before: auditEvents.before,
        after: auditEvents.after,
        ip: auditEvents.ip,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an audit page mentions: each record's id and the ids among its before and after values. */
export function idsInAuditRows(rows: Pick<AuditRow, 'entityId' | 'before' | 'after'>[]): string[] {
  const ids = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value.toLowerCase());
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const row of rows) {
    if (row.entityId) collect(row.entityId);
    collect(row.before);
    collect(row.after);
  }
  return [...ids];
}

/**
 * The names of the records behind these ids (customers, users, touchpoints, stages, segments,
 * categories, API keys), in one query, so the audit log shows "Aisha Brown" rather than an id.
 */
export async function listNamesForIds(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const db = await getDb();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await selectRows<{ id: string; name: string }>(
    db,
    sql`select id::text, name from ${customers} where id in (${list})
      union all select id::text, name from ${users} where id in (${list})
      union all select id::text, name from ${touchpoints} where id in (${list})
      union all select id::text, name from ${journeyStages} where id in (${list})
      union all select id::text, name from ${segments} where id in (${list})
      union all select id::text, name from ${defectCategories} where id in (${list})
      union all select id::text, name from ${apiKeys} where id in (${list})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
