import { Link } from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
import { dayToTime } from '@/lib/dates';
import type { DefectListRow } from '@/lib/queries/defects';
import { defectTitle } from './defects-table';
import { listHref, type UrlState } from './list-url';
import { OverdueBadge } from './status-badge';
import type { DefectStatus, Severity } from '@/lib/enums';

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
  const t = useTranslations('defects');
  const tEnum = useTranslations('enums');
  const format = useFormatter();
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
          <h2 id={`board-${status}`} className="flex items-baseline justify-between gap-1 px-1 text-sm font-semibold">
            {tEnum(`defectStatus.${status}`)}{' '}
            <span className="tabular-nums text-muted">{format.number(counts[status], 'integer')}</span>
          </h2>
          <ul className="flex flex-col gap-2">
            {rows.map((row) => (
              <li key={row.id} className="rounded-md border border-border bg-surface p-2 text-sm shadow-sm">
                <Link
                  href={`/defects/${row.id}`}
                  className="font-medium text-primary underline-offset-2 [overflow-wrap:anywhere] hover:underline"
                >
                  {defectTitle(row, t)}
                </Link>
                <p className="text-xs text-muted">
                  {tEnum(`severity.${row.severity as Severity}`)} · {row.ownerName ?? t('unassigned')}
                </p>
                {row.dueOn ? (
                  // The date never breaks inside: the badge wraps below it instead.
                  <p className="mt-1 flex flex-wrap items-center gap-1 text-xs">
                    <span className="whitespace-nowrap">
                      {t('board.due', { day: format.dateTime(new Date(dayToTime(row.dueOn)), 'day') })}
                    </span>{' '}
                    {row.overdue ? <OverdueBadge /> : null}
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
              {t('board.allInList', { count: counts[status] })}
            </Link>
          ) : null}
        </section>
      ))}
    </div>
  );
}
