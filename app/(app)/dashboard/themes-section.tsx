import Link from 'next/link';
import { linkClass, tableClass } from '@/components/charts/chart-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { formatInteger } from '@/lib/format';
import { interactionsHref } from '@/lib/metrics/drill-down';
import { getCommentThemes, THEME_MIN_COMMENTS, themeFilters } from '@/lib/queries/voice';
import type { MetricsFilters } from '@/lib/validation/metrics';

const themeHref = (filters: MetricsFilters, phrase: string, touchpoint?: string) => {
  const { unhappy, theme } = themeFilters(filters, phrase);
  return interactionsHref(touchpoint ? { ...filters, touchpoint: [touchpoint] } : filters, { unhappy, theme });
};

/** The trend of a theme in words: its count against the period of the same length before. */
function trendText(comments: number, previous: number): string {
  if (previous === 0) return 'new this period';
  if (comments === previous) return `same as before (${formatInteger(previous)})`;
  return `${comments > previous ? 'up' : 'down'} from ${formatInteger(previous)}`;
}

/**
 * Keyword themes of the unhappy comments in the period, each drilling down to its comments on the
 * interactions list (docs/voice-of-customer.md, "Themes").
 */
export async function ThemesSection({ filters }: { filters: MetricsFilters }) {
  const themes = await getCommentThemes(filters);
  return (
    <section aria-labelledby="themes-title" className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <h2 id="themes-title" className="text-lg font-semibold">
        What unhappy customers say: keyword themes
      </h2>
      <p className="mt-1 text-sm text-muted">
        The phrases that recur in comments on interactions below expectation, from NPS detractors (0–6) or with CSAT
        1–2. These are keyword themes, not topics a model understood: each comment is cut at common words and
        punctuation, so “The fitter arrived four hours late and left a mess” gives <em>fitter arrived</em>,{' '}
        <em>hours late</em>, <em>left</em> and <em>mess</em>. A phrase in at least {THEME_MIN_COMMENTS} comments is
        listed; select it to read them.
      </p>
      {themes.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className={tableClass}>
            <caption className="sr-only">Keyword themes of unhappy comments, most frequent first</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th>
                <th scope="col">Comments</th>
                <th scope="col">Trend</th>
                <th scope="col">Where from</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((t) => (
                <tr key={t.phrase}>
                  <th scope="row" className="text-left font-normal">
                    <Link prefetch={false} className={linkClass} href={themeHref(filters, t.phrase)}>
                      {t.phrase}
                    </Link>
                  </th>
                  <td className="tabular-nums">{formatInteger(t.comments)}</td>
                  <td>{trendText(t.comments, t.previous)}</td>
                  <td>
                    {t.touchpoints.map((tp, i) => (
                      <span key={tp.id}>
                        {i > 0 ? ', ' : ''}
                        <Link prefetch={false} className={linkClass} href={themeHref(filters, t.phrase, tp.id)}>
                          {tp.name}
                        </Link>{' '}
                        ({formatInteger(tp.comments)})
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="mt-3">
          <EmptyState>
            No phrase recurs in the unhappy comments of this period. Widen the period or clear a filter.
          </EmptyState>
        </div>
      )}
    </section>
  );
}
