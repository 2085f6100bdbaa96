import Link from 'next/link';
import { formatInteger } from '@/lib/format';
import type { DefectListRow } from '@/lib/queries/defects';
import { defectTitle } from './defects-table';
import { listHref, type UrlState } from './list-url';
import { OverdueBadge } from './status-badge';
import { SEVERITY_LABELS, DEFECT_STATUS_LABELS, type DefectStatus } from '@/lib/enums';

/** Defects by status, one column each, overdue ones first; each column links to its full list. */
export function DefectBoard({
  columns,
  counts,
  state,
  columnSize,
}: {
  columns: Map<DefectStatus, DefectListRow[]>;
  counts: Record<DefectStatus, number>;
  state: UrlState;
  columnSize: number;
}) {
  return (
    // Columns share the width and wrap to a new row when they would be narrower than 10.5rem, so
    // every status (Closed and Dismissed too) is on screen at a desktop width without scrolling.
    <div data-layout="board" className="grid grid-cols-[repeat(auto-fit,minmax(10.5rem,1fr))] items-start gap-3 pb-2">
      {[...columns].map(([status, rows]) => (
        <section
          key={status}
          aria-labelledby={`board-${status}`}
          className="flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-background p-2"
        >
          <h2 id={`board-${status}`} className="flex items-baseline justify-between px-1 text-sm font-semibold">
            {DEFECT_STATUS_LABELS[status]}{' '}
            <span className="tabular-nums text-muted">{formatInteger(counts[status])}</span>
          </h2>
          <ul className="flex flex-col gap-2">
            {rows.map((row) => (
              <li key={row.id} className="rounded-md border border-border bg-surface p-2 text-sm shadow-sm">
                <Link
                  href={`/defects/${row.id}`}
                  className="font-medium text-primary underline-offset-2 hover:underline"
                >
                  {defectTitle(row)}
                </Link>
                <p className="text-xs text-muted">
                  {SEVERITY_LABELS[row.severity]} · {row.ownerName ?? 'Unassigned'}
                </p>
                {row.dueOn ? (
                  // The date never breaks at its hyphens: the badge wraps below it instead.
                  <p className="mt-1 flex flex-wrap items-center gap-1 text-xs">
                    <span className="whitespace-nowrap">Due {row.dueOn}</span> {row.overdue ? <OverdueBadge /> : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {counts[status] > columnSize ? (
            <Link
              href={listHref('/defects', state, { status, view: 'list', page: 1 })}
              className="px-1 text-xs text-primary underline-offset-2 hover:underline"
            >
              All {formatInteger(counts[status])} {DEFECT_STATUS_LABELS[status].toLowerCase()} in the list
            </Link>
          ) : null}
        </section>
      ))}
    </div>
  );
}
