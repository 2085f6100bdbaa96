import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { TableScroll } from '@/components/ui/table';
import { formatDateTime, formatMoney } from '@/lib/format';
import type { DefectListRow } from '@/lib/queries/defects';
import type { DefectListParams } from '@/lib/validation/defects';
import { SortHeader } from '@/components/ui/list-controls';
import { listParams, type UrlState } from './list-url';
import { OverdueBadge, StatusBadge } from './status-badge';
import { KIND_LABELS, SEVERITY_LABELS } from '@/lib/enums';

export const BULK_FORM_ID = 'defects-bulk';

export const defectTitle = (row: Pick<DefectListRow, 'title' | 'kind' | 'touchpointName'>) =>
  row.title ?? `${KIND_LABELS[row.kind]} at ${row.touchpointName}`;

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
  const sorting = {
    path: '/defects',
    params: listParams(state),
    sort: params.sort,
    dir: params.dir,
    defaultDir: 'desc',
    className: 'py-2 pr-3 font-medium whitespace-nowrap',
  } as const;
  return (
    <TableScroll label="Defects">
      <table className="card-table w-full min-w-[60rem] text-left text-sm">
        <thead className="text-muted">
          <tr>
            {selectable ? (
              <th scope="col" className="py-2 pr-2 font-medium">
                <span className="sr-only">Select</span>
              </th>
            ) : null}
            <th scope="col" className="min-w-44 py-2 pr-3 font-medium">
              Defect
            </th>
            <SortHeader label="Status" column="status" {...sorting} />
            <SortHeader label="Severity" column="severity" {...sorting} />
            <th scope="col" className="py-2 pr-4 font-medium">
              Category
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Customer
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Owner
            </th>
            <SortHeader label="Occurred" column="occurredAt" {...sorting} />
            <SortHeader label="Due" column="dueOn" {...sorting} />
            <SortHeader label="Lost revenue" column="lostRevenue" {...sorting} />
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
                    aria-label={`Select ${defectTitle(row)}`}
                    className="size-4"
                  />
                </td>
              ) : null}
              <td className="py-2 pr-4">
                <Link
                  href={`/defects/${row.id}`}
                  className="font-medium text-primary underline-offset-2 hover:underline"
                >
                  {defectTitle(row)}
                </Link>
                <p className="text-xs text-muted">
                  {row.title ? `${KIND_LABELS[row.kind]} at ${row.touchpointName} · ` : ''}
                  {row.autoRule ? 'raised by a rule' : 'recorded by hand'}
                </p>
              </td>
              <td data-label="Status" className="py-2 pr-3">
                <StatusBadge status={row.status} />
              </td>
              <td data-label="Severity" className="py-2 pr-3">
                {SEVERITY_LABELS[row.severity]}
              </td>
              <td data-label="Category" className="py-2 pr-3">
                {row.categoryName}
              </td>
              <td data-label="Customer" className="py-2 pr-3">
                {row.customerName ?? <span className="text-muted">—</span>}
              </td>
              <td data-label="Owner" className="py-2 pr-3">
                {row.ownerName ?? <span className="text-muted">Unassigned</span>}
              </td>
              <td data-label="Occurred" className="py-2 pr-3">
                {formatDateTime(row.occurredAt)}
              </td>
              <td data-label="Due" className="py-2 pr-3">
                {row.dueOn ? (
                  <span className={cn('whitespace-nowrap', row.overdue && 'font-semibold text-danger')}>
                    {row.dueOn}
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
              <td data-label="Lost revenue" className="py-2 text-right tabular-nums">
                {formatMoney(row.lostRevenue)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
