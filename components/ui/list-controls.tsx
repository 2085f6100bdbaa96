import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from './button';
import { cn } from './cn';

/** A URL for the same list with some parameters changed (undefined removes one). */
export function withParams(path: string, params: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

/** The sorted column's direction, shown (not read: the screen reader hears the words). */
const ARROW = { asc: '▲', desc: '▼' } as const;

/**
 * A sortable column header of every list: a link that sorts by the column (starting in
 * `defaultDir`), or flips the direction if the list is already sorted by it, back on page one.
 */
export function SortHeader({
  label,
  column,
  path,
  params,
  sort,
  dir,
  defaultDir = 'asc',
  className,
}: {
  label: string;
  column: string;
  path: string;
  params: URLSearchParams;
  sort: string;
  dir: 'asc' | 'desc';
  defaultDir?: 'asc' | 'desc';
  className?: string;
}) {
  const t = useTranslations('ui.sort');
  const current = sort === column;
  const nextDir = current ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  return (
    <th
      scope="col"
      className={className ?? 'py-2 pr-4 font-medium whitespace-nowrap'}
      aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link
        href={withParams(path, params, { sort: column, dir: nextDir, page: undefined })}
        className={cn(
          'inline-flex items-center gap-1 underline-offset-2 hover:underline',
          current && 'text-foreground',
        )}
      >
        {label}
        <span aria-hidden="true">{current ? ARROW[dir] : null}</span>
        <span className="sr-only">{current ? t('sorted', { dir, next: nextDir }) : t('sortable')}</span>
      </Link>
    </th>
  );
}

/** The pages of every list: "Rows a–b of n", with previous and next links. */
export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
  previousLabel,
  nextLabel,
  totalIsLowerBound = false,
}: {
  path: string;
  params: URLSearchParams;
  page: number;
  pageSize: number;
  total: number;
  /** The list counted only this far ("of more than n"): a text search stops counting early. */
  totalIsLowerBound?: boolean;
  /** The audit log, newest first, says "Newer" and "Older". */
  previousLabel?: string;
  nextLabel?: string;
}) {
  const t = useTranslations('ui.pagination');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t('label')} className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted" aria-live="polite">
        {total === 0 ? t('nothing') : t(totalIsLowerBound ? 'rowsMoreThan' : 'rows', { first, last, total })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            className={buttonClass('secondary')}
            rel="prev"
            href={withParams(path, params, { page: page - 1 === 1 ? undefined : String(page - 1) })}
          >
            {previousLabel ?? t('previous')}
          </Link>
        ) : null}
        <span className="self-center px-2 text-muted">
          {t(totalIsLowerBound ? 'pageMoreThan' : 'page', { page: Math.min(page, pages), pages })}
        </span>
        {page < pages || totalIsLowerBound ? (
          <Link
            className={buttonClass('secondary')}
            rel="next"
            href={withParams(path, params, { page: String(page + 1) })}
          >
            {nextLabel ?? t('next')}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
