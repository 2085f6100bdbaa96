import { useTranslations } from 'next-intl';
import { TableDetails } from './table-details';

/** A chart's title, description, the chart itself and its table alternative for screen readers. */
export function ChartFrame({
  title,
  description,
  summary,
  table,
  children,
  id,
  after,
  tableToggle,
}: {
  title: string;
  description?: React.ReactNode;
  /** What the chart shows, in one sentence, read by screen readers instead of the drawing. */
  summary: string;
  table: React.ReactNode;
  children: React.ReactNode;
  id: string;
  /** Shown under the chart, before its table (the p-chart's explained signals). */
  after?: React.ReactNode;
  /**
   * A table rendered only while open (components/charts/table-details.tsx): `table` is then null
   * unless `shown`, and `href` is this view with the table toggled.
   */
  tableToggle?: { shown: boolean; href: string };
}) {
  const t = useTranslations('charts');
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <div className="mt-1 text-sm text-muted">{description}</div> : null}
      <figure className="mt-3">
        <div role="img" aria-label={summary} className="h-72 w-full">
          {children}
        </div>
        <figcaption className="sr-only">{summary}</figcaption>
      </figure>
      {after}
      {tableToggle ? (
        <TableDetails
          summary={t('showTable')}
          shown={tableToggle.shown}
          href={tableToggle.href}
          loadLabel={t('loadTable')}
          loadingLabel={t('loadingTable')}
        >
          {table}
        </TableDetails>
      ) : (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-primary underline-offset-2 hover:underline">{t('showTable')}</summary>
          <div className="mt-2 overflow-x-auto">{table}</div>
        </details>
      )}
    </section>
  );
}

/**
 * Fits its box at any width: cells wrap rather than push the table past its section (on a phone
 * even inside a number), so no dashboard table scrolls sideways. Row headers are styled here, not
 * one by one: a dashboard renders hundreds of them.
 */
export const tableClass =
  'w-full border-collapse text-left text-sm max-md:[&_td]:[overflow-wrap:anywhere] max-md:[&_th]:[overflow-wrap:anywhere] [&_td]:border-t [&_td]:border-border [&_td]:px-2 [&_td]:py-1.5 [&_th]:px-2 [&_th]:py-1.5 [&_th]:font-medium [&_th]:text-muted [&_th[scope=row]]:text-left [&_th[scope=row]]:font-normal';
/** A link in a chart's table or a dashboard section (the `link` utility, app/globals.css). */
export const linkClass = 'link';
