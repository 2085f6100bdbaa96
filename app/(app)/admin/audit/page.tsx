import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import type { Metadata } from 'next';
import { getFormatter, getTimeZone, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AuditChanges } from '@/components/admin/audit-changes';
import { CollapsibleFilters } from '@/components/ui/collapsible-filters';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/list-controls';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import {
  AUDIT_PAGE_SIZE,
  idsInAuditRows,
  listAuditEvents,
  listAuditFacets,
  listNamesForIds,
} from '@/lib/queries/audit';
import { auditFiltersSchema, type AuditFilters } from '@/lib/validation/audit';
import { paramsToObject } from '@/lib/validation/filters';
import { FilterActions } from '@/components/ui/filter-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.audit');
  return { title: t('title') };
}

const inputClass = 'min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm';

/** The filters in the URL, without the page. */
function filterParams(filters: AuditFilters) {
  const params = new URLSearchParams();
  for (const key of ['action', 'entity', 'actor', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('administer');
  const parsed = auditFiltersSchema.safeParse(paramsToObject(await searchParams));
  const filters: AuditFilters = parsed.success ? parsed.data : { page: 1 };
  const errors = parsed.success
    ? {}
    : (await getRequestValidationTranslator()).fieldErrors(z.flattenError(parsed.error).fieldErrors);
  const [{ rows, total }, facets] = await Promise.all([listAuditEvents(filters), listAuditFacets()]);
  const names = await listNamesForIds(idsInAuditRows(rows));
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const t = await getTranslations('admin.audit');
  const format = await getFormatter();
  // The days are the company's (lib/queries/zone.ts), as the times in the list are.
  const zone = await getTimeZone();
  // The stored action and record type stay codes; a code without a translation is shown as it is.
  const actionName = (code: string) => {
    const key = `actions.${code}` as Parameters<typeof t>[0];
    return /^[a-z_]+\.[a-z_]+$/.test(code) && t.has(key) ? t(key) : code;
  };
  const entityName = (code: string) => {
    const key = `entities.${code}` as Parameters<typeof t>[0];
    return /^[a-z_]+$/.test(code) && t.has(key) ? t(key) : code;
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <CollapsibleFilters>
        <Card>
          <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
            <div className="flex flex-col gap-1">
              <label htmlFor="audit-action" className="text-sm font-medium">
                {t('action')}
              </label>
              <select id="audit-action" name="action" defaultValue={filters.action ?? ''} className={inputClass}>
                <option value="">{t('anyAction')}</option>
                {facets.actions.map((action) => (
                  <option key={action} value={action}>
                    {actionName(action)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="audit-entity" className="text-sm font-medium">
                {t('recordType')}
              </label>
              <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ''} className={inputClass}>
                <option value="">{t('anyType')}</option>
                {facets.entities.map((entity) => (
                  <option key={entity} value={entity}>
                    {entityName(entity)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="audit-actor" className="text-sm font-medium">
                {t('who')}
              </label>
              <input
                id="audit-actor"
                name="actor"
                type="search"
                placeholder={t('whoPlaceholder')}
                defaultValue={filters.actor ?? ''}
                className={inputClass}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="audit-from" className="text-sm font-medium">
                {t('from', { zone })}
              </label>
              <input
                id="audit-from"
                name="from"
                type="date"
                defaultValue={filters.from ?? ''}
                aria-describedby={errors.from ? 'audit-from-error' : undefined}
                className={inputClass}
              />
              {errors.from ? (
                <p id="audit-from-error" className="text-sm text-danger">
                  {errors.from[0]}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="audit-to" className="text-sm font-medium">
                {t('to', { zone })}
              </label>
              <input
                id="audit-to"
                name="to"
                type="date"
                defaultValue={filters.to ?? ''}
                aria-describedby={errors.to ? 'audit-to-error' : undefined}
                className={inputClass}
              />
              {errors.to ? (
                <p id="audit-to-error" className="text-sm text-danger">
                  {errors.to[0]}
                </p>
              ) : null}
            </div>
            {/* Wraps rather than overflow the card where the column is narrower than both labels. */}
            <FilterActions apply={t('filter')} clear={t('clear')} href="/admin/audit" />
          </form>
        </Card>
      </CollapsibleFilters>

      <Card aria-labelledby="events-heading">
        <h2 id="events-heading" className="mb-3 text-lg font-semibold" aria-live="polite">
          {t('events', { count: total })}
          {total > 0 ? (
            <span className="text-sm font-normal text-muted"> {t('page', { page: filters.page, pages })}</span>
          ) : null}
        </h2>
        {rows.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <TableScroll label={t('tableLabel')}>
            {/* Fixed column widths on a desktop: an event's long values wrap in their own column, whatever the page holds. */}
            <table className="card-table w-full text-left text-sm lg:table-fixed">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium lg:w-48">
                    {t('when')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium lg:w-56">
                    {t('who')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium lg:w-40">
                    {t('action')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium lg:w-52">
                    {t('record')}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t('beforeAfter')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-border align-top">
                    <td data-label={t('when')} className="py-2 pr-4 whitespace-nowrap">
                      {format.dateTime(row.createdAt, 'dateTime')}
                    </td>
                    <td data-label={t('who')} className="max-w-56 py-2 pr-4">
                      {row.actorName ? <span className="block">{row.actorName}</span> : null}
                      {row.actorLabel ? (
                        // An email stays on one line, cut short with the whole of it on hover.
                        <span
                          className={`block max-w-full truncate ${row.actorName ? 'text-xs text-muted' : ''}`}
                          title={row.actorLabel}
                        >
                          {row.actorLabel}
                        </span>
                      ) : (
                        <span className="text-muted">{t('system')}</span>
                      )}
                      {row.ip ? <span className="block text-xs text-muted">{row.ip}</span> : null}
                    </td>
                    <td data-label={t('action')} className="py-2 pr-4 [overflow-wrap:anywhere]">
                      {actionName(row.action)}
                      <code className="block text-xs text-muted">{row.action}</code>
                    </td>
                    <td data-label={t('record')} className="py-2 pr-4 [overflow-wrap:anywhere]">
                      {entityName(row.entityType)}
                      {row.entityId && names.get(row.entityId) ? (
                        <span className="block">{names.get(row.entityId)}</span>
                      ) : null}
                      {row.entityId ? (
                        <span
                          className="block max-w-[min(12rem,100%)] truncate font-mono text-xs text-muted"
                          title={row.entityId}
                        >
                          {row.entityId}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t('beforeAfter')} className="py-2">
                      <AuditChanges before={row.before} after={row.after} names={names} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {pages > 1 ? (
          <Pagination
            path="/admin/audit"
            params={filterParams(filters)}
            page={filters.page}
            pageSize={AUDIT_PAGE_SIZE}
            total={total}
            previousLabel={t('newer')}
            nextLabel={t('older')}
          />
        ) : null}
      </Card>
    </>
  );
}
