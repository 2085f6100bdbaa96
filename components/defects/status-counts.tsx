import { Link } from '@/components/ui/link';
import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { listHref, type UrlState } from './list-url';
import { DEFECT_STATUSES, type DefectStatus } from '@/lib/enums';

const LIST = '/defects';
const ALL = 'all';

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
  const t = useTranslations('defects.list');
  const tStatus = useTranslations('enums.defectStatus');
  const format = useFormatter();
  const total = DEFECT_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const item = (key: string, label: string, n: number, href: string, current: boolean) => (
    <li key={key}>
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
        <span className="whitespace-nowrap">{label}</span>
        <span className="text-lg font-semibold tabular-nums text-foreground">{format.number(n, 'integer')}</span>
      </Link>
    </li>
  );
  return (
    <nav aria-label={t('byStatus')} className="mb-4">
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {item(ALL, t('all'), total, listHref(LIST, state, { status: undefined, page: 1 }), selected.length === 0)}
        {DEFECT_STATUSES.map((s) =>
          item(
            s,
            tStatus(s),
            counts[s],
            listHref(LIST, state, { status: s, page: 1 }),
            selected.length === 1 && selected[0] === s,
          ),
        )}
      </ul>
    </nav>
  );
}
