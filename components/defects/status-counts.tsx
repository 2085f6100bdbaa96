import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { formatInteger } from '@/lib/format';
import { listHref, type UrlState } from './list-url';
import { DEFECT_STATUSES, DEFECT_STATUS_LABELS, type DefectStatus } from '@/lib/enums';

/** Counts per status under the other filters, always in view; each one filters the list to it. */
export function StatusCounts({
  counts,
  selected,
  state,
}: {
  counts: Record<DefectStatus, number>;
  selected: DefectStatus[];
  state: UrlState;
}) {
  const total = DEFECT_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const item = (label: string, n: number, href: string, current: boolean) => (
    <li key={label}>
      <Link
        href={href}
        aria-current={current ? 'true' : undefined}
        className={cn(
          'flex min-h-10 flex-col rounded-md border px-3 py-1.5 text-sm',
          current
            ? 'border-primary bg-primary/10 text-foreground'
            : 'border-border bg-surface text-muted hover:text-foreground',
        )}
      >
        <span>{label}</span>
        <span className="text-lg font-semibold tabular-nums text-foreground">{formatInteger(n)}</span>
      </Link>
    </li>
  );
  return (
    <nav aria-label="Defects by status" className="mb-4">
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {item('All', total, listHref('/defects', state, { status: undefined, page: 1 }), selected.length === 0)}
        {DEFECT_STATUSES.map((s) =>
          item(
            DEFECT_STATUS_LABELS[s],
            counts[s],
            listHref('/defects', state, { status: s, page: 1 }),
            selected.length === 1 && selected[0] === s,
          ),
        )}
      </ul>
    </nav>
  );
}
