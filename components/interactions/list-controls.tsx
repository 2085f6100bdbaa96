import Link from 'next/link';
import { formatInteger } from '@/lib/format';

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

/** A sortable column header: a link that sorts by it, or flips the direction if it already does. */
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
      className={className ?? 'py-2 pr-4 font-medium'}
      aria-sort={current ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link
        href={withParams(path, params, { sort: column, dir: nextDir, page: undefined })}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {label}
        <span aria-hidden="true">{current ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
      </Link>
    </th>
  );
}

/** "Rows a–b of n" with previous and next links. */
export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
}: {
  path: string;
  params: URLSearchParams;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted">
        {total === 0
          ? 'Nothing matches.'
          : `Rows ${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)}`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            className="rounded-md border border-border px-3 py-2 hover:bg-background"
            href={withParams(path, params, { page: page - 1 === 1 ? undefined : String(page - 1) })}
          >
            Previous
          </Link>
        ) : null}
        <span className="px-2 py-2 text-muted">
          Page {formatInteger(Math.min(page, pages))} of {formatInteger(pages)}
        </span>
        {page < pages ? (
          <Link
            className="rounded-md border border-border px-3 py-2 hover:bg-background"
            href={withParams(path, params, { page: String(page + 1) })}
          >
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
