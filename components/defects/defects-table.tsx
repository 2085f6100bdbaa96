import { Link } from '@/components/ui/link';
import { cn } from '@/components/ui/cn';
import { TableScroll } from '@/components/ui/table';
import { useFormatter, useTranslations } from 'next-intl';
import { dayToTime } from '@/lib/dates';
import type { Severity } from '@/lib/enums';
import type { DefectListRow } from '@/lib/queries/defects';
import type { DefectListParams } from '@/lib/validation/defects';
import { SortHeader } from '@/components/ui/list-controls';
import { listParams, type UrlState } from './list-url';
import { OverdueBadge, StatusBadge } from './status-badge';

export const BULK_FORM_ID = 'defects-bulk';

/** The `defects` namespace's translator (useTranslations / getTranslations), for a defect's name. */
export type DefectWords = (key: 'untitled', values: { kind: string; touchpoint: string }) => string;

/** A defect's title, or for one without: its kind at its touchpoint. */
export const defectTitle = (row: Pick<DefectListRow, 'title' | 'kind' | 'touchpointName'>, t: DefectWords) =>
  row.title ?? t('untitled', { kind: row.kind, touchpoint: row.touchpointName });

/** The defects of one page; with `selectable`, each row has a checkbox for the bulk actions. */
export function DefectsTable({
  rows,
  params,
  state,
  selectable,
}: {
  rows: DefectListRow[];
  params: DefectListParams;
  state: UrlState;
  selectable: boolean;
}) {
  const t = useTranslations('defects');
  const tEnum = useTranslations('enums');
  const format = useFormatter();
  const sorting = {
    path: '/defects',
    params: listParams(state),
    sort: params.sort,
    dir: params.dir,
    defaultDir: 'desc',
    className: 'py-2 pr-3 font-medium whitespace-nowrap',
  } as const;
  return (
    <TableScroll label={t('title')}>
      <table className="card-table w-full min-w-[60rem] text-left text-sm">
        <thead className="text-muted">
          <tr>
            {selectable ? (
              <th scope="col" className="py-2 pr-2 font-medium">
                <span className="sr-only">{t('table.select')}</span>
              </th>
            ) : null}
            <th scope="col" className="min-w-44 py-2 pr-3 font-medium">
              {t('table.defect')}
            </th>
            <SortHeader label={t('field.status')} column="status" {...sorting} />
            <SortHeader label={t('field.severity')} column="severity" {...sorting} />
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('field.category')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('field.customer')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('field.owner')}
            </th>
            <SortHeader label={t('table.occurred')} column="occurredAt" {...sorting} />
            <SortHeader label={t('table.due')} column="dueOn" {...sorting} />
            <SortHeader label={t('table.lostRevenue')} column="lostRevenue" {...sorting} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={cn('border-t border-border align-top', row.overdue && 'bg-danger/5')}>
              {selectable ? (
                <td className="py-2 pr-2">
                  <input
                    type="checkbox"
                    name="items"
                    value={`${row.id}:${row.version}`}
                    form={BULK_FORM_ID}
                    aria-label={t('table.selectRow', { title: defectTitle(row, t) })}
                    className="size-4"
                  />
                </td>
              ) : null}
              <td className="py-2 pr-4">
                <Link
                  href={`/defects/${row.id}`}
                  className="font-medium text-primary underline-offset-2 hover:underline"
                >
                  {defectTitle(row, t)}
                </Link>
                <p className="text-xs text-muted">
                  {row.title ? `${t('untitled', { kind: row.kind, touchpoint: row.touchpointName })} · ` : ''}
                  {row.autoRule ? t('table.raisedByRule') : t('table.recordedByHand')}
                </p>
              </td>
              <td data-label={t('field.status')} className="py-2 pr-3">
                <StatusBadge status={row.status} />
              </td>
              <td data-label={t('field.severity')} className="py-2 pr-3">
                {tEnum(`severity.${row.severity as Severity}`)}
              </td>
              <td data-label={t('field.category')} className="py-2 pr-3">
                {row.categoryName}
              </td>
              <td data-label={t('field.customer')} className="py-2 pr-3">
                {row.customerName ?? <span className="text-muted">—</span>}
              </td>
              <td data-label={t('field.owner')} className="py-2 pr-3">
                {row.ownerName ?? <span className="text-muted">{t('unassigned')}</span>}
              </td>
              <td data-label={t('table.occurred')} className="py-2 pr-3">
                {format.dateTime(row.occurredAt, 'dateTime')}
              </td>
              <td data-label={t('table.due')} className="py-2 pr-3">
                {row.dueOn ? (
                  <span className={cn('whitespace-nowrap', row.overdue && 'font-semibold text-danger')}>
                    {format.dateTime(new Date(dayToTime(row.dueOn)), 'day')}
                  </span>
                ) : (
                  <span className="text-muted">—</span>
                )}
                {row.overdue ? (
                  <span className="block">
                    <OverdueBadge />
                  </span>
                ) : null}
              </td>
              <td data-label={t('table.lostRevenue')} className="py-2 text-right tabular-nums">
                {format.number(row.lostRevenue, 'money')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
