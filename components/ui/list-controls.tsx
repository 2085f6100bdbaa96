import Link from 'next/link';
import { formatInteger } from '@/lib/format';
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

const spoken = (dir: 'asc' | 'desc') => (dir === 'asc' ? 'ascending' : 'descending');

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
  const current = sort === column;
  const nextDir = current ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  return (
    <th
      scope="col"
      className={className ?? 'py-2 pr-4 font-medium whitespace-nowrap'}
      aria-sort={current ? spoken(dir) : undefined}
    >
      <Link
        href={withParams(path, params, { sort: column, dir: nextDir, page: undefined })}
        className={cn(
          'inline-flex items-center gap-1 underline-offset-2 hover:underline',
          current && 'text-foreground',
        )}
      >
        {label}
        <span aria-hidden="true">{current ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
        <span className="sr-only">{current ? `, sorted ${spoken(dir)}; sort ${spoken(nextDir)}` : ', sort'}</span>
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
  previousLabel = 'Previous',
  nextLabel = 'Next',
}: {
  path: string;
  params: URLSearchParams;
  page: number;
  pageSize: number;
  total: number;
  /** The audit log, newest first, says "Newer" and "Older". */
  previousLabel?: string;
  nextLabel?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted" aria-live="polite">
        {total === 0
          ? 'Nothing matches.'
          : `Rows ${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)}`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            className={buttonClass('secondary')}
            rel="prev"
            href={withParams(path, params, { page: page - 1 === 1 ? undefined : String(page - 1) })}
          >
            {previousLabel}
          </Link>
        ) : null}
        <span className="self-center px-2 text-muted">
          Page {formatInteger(Math.min(page, pages))} of {formatInteger(pages)}
        </span>
        {page < pages ? (
          <Link
            className={buttonClass('secondary')}
            rel="next"
            href={withParams(path, params, { page: String(page + 1) })}
          >
            {nextLabel}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
