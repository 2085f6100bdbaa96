import { getFormatter, getTranslations } from 'next-intl/server';
import { linkClass, tableClass } from '@/components/charts/chart-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { rememberingFormatter, rememberingTranslator, rememberScope } from '@/lib/i18n/remembered';
import { interactionsHref } from '@/lib/metrics/drill-down';
import { getDashboardCommentThemes } from '@/lib/queries/dashboard';
import { THEME_MIN_COMMENTS, themeFilters } from '@/lib/queries/voice';
import type { MetricsFilters } from '@/lib/validation/metrics';

const SEPARATOR = ', ';

const themeHref = (filters: MetricsFilters, phrase: string, touchpoint?: string) => {
  const { unhappy, theme } = themeFilters(filters, phrase);
  return interactionsHref(touchpoint ? { ...filters, touchpoint: [touchpoint] } : filters, { unhappy, theme });
};

/** The trend of a theme in words: its count against the period of the same length before. */
const trendOf = (comments: number, previous: number) =>
  previous === 0 ? 'new' : comments === previous ? 'same' : comments > previous ? 'up' : 'down';

/**
 * Keyword themes of the unhappy comments in the period, each drilling down to its comments on the
 * interactions list (docs/voice-of-customer.md, "Themes").
 */
export async function ThemesSection({ filters }: { filters: MetricsFilters }) {
  const [themes, words, intl, scope] = await Promise.all([
    getDashboardCommentThemes(filters),
    getTranslations('dashboard.themes'),
    getFormatter(),
    rememberScope(),
  ]);
  // Texts remembered across renders, as the other sections' (lib/i18n/remembered.ts): a count and
  // a trend per theme and touchpoint were next-intl's work again in every render.
  const t = rememberingTranslator(`${scope}\u0000dashboard.themes`, words);
  const format = rememberingFormatter(scope, intl);
  const integer = (n: number) => format.number(n, 'integer');
  return (
    <section aria-labelledby="themes-title" className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <h2 id="themes-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {t.rich('description', { min: THEME_MIN_COMMENTS, em: (chunks) => <em>{chunks}</em> })}
      </p>
      {themes.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className={tableClass}>
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.theme')}</th>
                <th scope="col">{t('columns.comments')}</th>
                <th scope="col">{t('columns.trend')}</th>
                <th scope="col">{t('columns.from')}</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.phrase}>
                  <th scope="row">
                    <a className={linkClass} href={themeHref(filters, theme.phrase)}>
                      {theme.phrase}
                    </a>
                  </th>
                  <td className="tabular-nums">{integer(theme.comments)}</td>
                  <td>{t('trend', { trend: trendOf(theme.comments, theme.previous), previous: theme.previous })}</td>
                  <td>
                    {theme.touchpoints.map((tp, i) => (
                      <span key={tp.id}>
                        {i > 0 ? SEPARATOR : null}
                        <a className={linkClass} href={themeHref(filters, theme.phrase, tp.id)}>
                          {tp.name}
                        </a>{' '}
                        {t('count', { count: tp.comments })}
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
          <EmptyState>{t('empty')}</EmptyState>
        </div>
      )}
    </section>
  );
}
