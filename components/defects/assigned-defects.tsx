import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { listAssignedDefects } from '@/lib/queries/defects';
import { defectTitle } from './defects-table';
import { OverdueBadge, StatusBadge } from './status-badge';
import { SEVERITY_LABELS } from '@/lib/enums';

/** My work: the defects a person still has to work, overdue follow-ups first and marked. */
export async function AssignedDefects({ userId, canClose = false }: { userId: string; canClose?: boolean }) {
  const rows = await listAssignedDefects({ userId, canClose });
  return (
    <Card aria-labelledby="assigned-defects-heading" className="mb-6">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="assigned-defects-heading" className="text-lg font-semibold">
          My defects
        </h2>
        <Link href={`/defects?owner=${userId}`} className="text-sm text-primary underline-offset-2 hover:underline">
          All my defects
        </Link>
      </div>
      {rows.length === 0 ? (
        <EmptyState>No defects are waiting for you.</EmptyState>
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
                  {defectTitle(row)}
                </Link>
                <p className="text-xs text-muted">
                  {SEVERITY_LABELS[row.severity]} · {row.customerName ?? 'No customer'} ·{' '}
                  {row.dueOn ? `due ${row.dueOn}` : 'no due date'}
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
