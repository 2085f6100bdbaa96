import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { dayToTime } from '@/lib/dates';
import { listAssignedDefects } from '@/lib/queries/defects';
import { defectTitle } from './defects-table';
import { OverdueBadge, StatusBadge } from './status-badge';
import type { Severity } from '@/lib/enums';

/** My work: the defects a person still has to work, overdue follow-ups first and marked. */
export async function AssignedDefects({ userId, canClose = false }: { userId: string; canClose?: boolean }) {
  const rows = await listAssignedDefects({ userId, canClose });
  const t = await getTranslations('defects');
  const tEnum = await getTranslations('enums');
  const format = await getFormatter();
  return (
    <Card aria-labelledby="assigned-defects-heading" className="mb-6">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="assigned-defects-heading" className="text-lg font-semibold">
          {t('assigned.title')}
        </h2>
        <Link href={`/defects?owner=${userId}`} className="text-sm text-primary underline-offset-2 hover:underline">
          {t('assigned.all')}
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t('assigned.empty')}</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-border">
          {rows.map((row) => (
            <li
              key={row.id}
              className={cn(
                // Every row padded alike, so the tinted overdue ones do not shift the text out of line.
                'flex flex-wrap items-center justify-between gap-2 px-2 py-2 text-sm',
                row.overdue && 'rounded-md bg-danger/5',
              )}
            >
              <div className="min-w-0">
                <Link
                  href={`/defects/${row.id}`}
                  className="font-medium text-primary underline-offset-2 hover:underline"
                >
                  {defectTitle(row, t)}
                </Link>
                <p className="text-xs text-muted">
                  {tEnum(`severity.${row.severity as Severity}`)} · {row.customerName ?? t('assigned.noCustomer')} ·{' '}
                  {row.dueOn
                    ? t('assigned.due', { day: format.dateTime(new Date(dayToTime(row.dueOn)), 'day') })
                    : t('assigned.noDue')}
                </p>
              </div>
              <div className="flex items-center gap-2">
                {row.overdue ? <OverdueBadge /> : null}
                <StatusBadge status={row.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
