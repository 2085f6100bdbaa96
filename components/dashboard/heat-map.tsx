import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { metricFormatter, type MetricFormatter } from '@/lib/metrics/format';
import { isTooFew, MIN_TO_JUDGE } from '@/lib/metrics/intervals';
import type { MetricValue } from '@/lib/metrics/value';

export type HeatMeasure = 'sigma' | 'csat';

export interface HeatCell {
  id: string;
  name: string;
  value: MetricValue;
  units: number;
  href: string;
  /** Where "Open a case" on this touchpoint's chart goes (the p-chart's and the Pareto's own page). */
  caseHref: string;
}

export interface HeatRow {
  stageId: string;
  stageName: string;
  cells: HeatCell[];
}

// Five bands from worst to best, with dark text (4.5:1 even at the 80 % opacity of the small
// lines). In the dark theme the bands are light too: as 900 shades, 2–3 σ and 3–4 σ were the same
// brown and 4–5 σ and 5 σ the same dark green.
// The classes are defined in app/globals.css (short names: the page repeats them per cell).
const BANDS = ['heat-band-0', 'heat-band-1', 'heat-band-2', 'heat-band-3', 'heat-band-4'];
const FAINT = 'opacity-80';
const NO_DATA = 'bg-background text-muted border border-dashed border-border';
// Too few to judge: visibly not a verdict, neither red nor green.
const TOO_FEW = 'bg-background text-muted border border-dashed border-muted';
// Defects outnumber opportunities: a data problem to review, not a quality band.
const REVIEW = 'bg-background text-warning border border-warning';

/** Each measure's band limits; the key names the bands (`dashboard.heat.bands`). */
export const HEAT_SCALES: Record<HeatMeasure, { limits: number[] }> = {
  sigma: { limits: [2, 3, 4, 5] },
  csat: { limits: [0.6, 0.75, 0.85, 0.95] },
};

/**
 * Too few interactions to judge the cell: a value flagged as such, and equally "no defects" (or
 * "every opportunity defective") on a handful of interactions, as unfounded as a red cell on one.
 * The cell is then greyed, marked `data-too-few` and says so, whichever of the two it is.
 */
function isCellTooFew(value: MetricValue, units: number): boolean {
  if (value.reason === 'more defects than opportunities') return false;
  return Boolean(value.tooFew) || (value.value === null && value.reason !== 'no data' && isTooFew(units));
}

function bandOf(value: MetricValue, measure: HeatMeasure, units: number): string {
  if (value.reason === 'more defects than opportunities') return REVIEW;
  if (isCellTooFew(value, units)) return TOO_FEW;
  if (value.value === null)
    return value.reason === 'no defects'
      ? BANDS[4]!
      : value.reason === 'every opportunity defective'
        ? BANDS[0]!
        : NO_DATA;
  const index = HEAT_SCALES[measure].limits.filter((limit) => value.value! >= limit).length;
  return BANDS[index]!;
}

/** The journey as stages (rows) by touchpoints (cells), each cell coloured by sigma or CSAT and linked to its interactions. */
export function HeatMap({
  rows,
  measure,
  words,
}: {
  rows: HeatRow[];
  measure: HeatMeasure;
  /** The caller's translator (dashboard.heat), formatter and metric formatter, when it has them. */
  words?: {
    t: ReturnType<typeof useTranslations<'dashboard.heat'>>;
    format: ReturnType<typeof useFormatter>;
    m: MetricFormatter;
  };
}) {
  const ownT = useTranslations('dashboard.heat');
  const ownFormat = useFormatter();
  const ownM = metricFormatter(useTranslations('metrics'), ownFormat);
  const { t, format, m } = words ?? { t: ownT, format: ownFormat, m: ownM };
  const kind = measure === 'sigma' ? 'sigma' : 'share';
  const limits = HEAT_SCALES[measure].limits;
  // The bands in words: below the first limit, between two, the last one or more.
  const bound = (limit: number) =>
    measure === 'sigma' ? format.number(limit, 'integer') : format.number(limit, { style: 'percent' });
  const bandLabels = [
    t('bands.below', { limit: bound(limits[0]!), measure }),
    ...limits.slice(1).map((high, i) => t('bands.between', { low: bound(limits[i]!), high: bound(high), measure })),
    t('bands.atLeast', { limit: bound(limits[limits.length - 1]!), measure }),
  ];
  return (
    <div>
      <table className="w-full border-separate border-spacing-1 text-sm">
        <caption className="sr-only">{t('caption', { measure })}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stageId}>
              <th scope="row" className="w-32 pr-2 text-left align-top text-sm font-medium">
                {row.stageName}
              </th>
              <td className="p-0">
                <ul className="flex flex-wrap gap-1">
                  {row.cells.map((cell) => {
                    const band = bandOf(cell.value, measure, cell.units);
                    const tooFew = isCellTooFew(cell.value, cell.units);
                    // The greyed cells are already muted text: fading it further would fall below 4.5:1.
                    const faint = band === TOO_FEW || band === NO_DATA ? '' : FAINT;
                    return (
                      <li key={cell.id} className="flex flex-col gap-0.5">
                        <a
                          href={cell.href}
                          // The name is cut short to fit the cell: the whole of it shows on hover,
                          // and screen readers hear it in full from the link's text.
                          title={t('cellTitle', {
                            name: cell.name,
                            value: m.metric(cell.value, kind),
                            count: cell.units,
                          })}
                          className={cn('heat-cell', band)}
                          data-too-few={tooFew ? '' : undefined}
                        >
                          <span className="truncate text-xs font-medium">{cell.name}</span>
                          <span className="text-sm font-semibold tabular-nums">{m.metric(cell.value, kind)}</span>
                          {cell.value.reason === 'more defects than opportunities' ? (
                            <span className="text-xs">{t('review')}</span>
                          ) : null}
                          {tooFew ? <span className="text-xs italic">{m.tooFew()}</span> : null}
                          {cell.value.interval ? (
                            <span className={cn('text-xs tabular-nums', faint)}>
                              {m.interval(cell.value.interval, kind)}
                            </span>
                          ) : null}
                          <span className={cn('text-xs', faint)}>{t('interactions', { count: cell.units })}</span>
                        </a>
                        {/* Beside the cell, not inside it: a link cannot hold another link. */}
                        <a
                          href={cell.caseHref}
                          aria-label={t('openCaseOn', { name: cell.name })}
                          className="heat-case-link"
                        >
                          {t('openCase')}
                        </a>
                      </li>
                    );
                  })}
                  {row.cells.length === 0 ? <li className="text-xs text-muted">{t('stageEmpty')}</li> : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul aria-label={t('key')} className="mt-3 flex flex-wrap gap-2 text-xs">
        {bandLabels.map((label, i) => (
          <li key={label} className={cn('rounded px-2 py-1', BANDS[i])}>
            {label}
          </li>
        ))}
        <li className={cn('rounded px-2 py-1', TOO_FEW)}>{t('keyTooFew', { text: m.tooFew(), min: MIN_TO_JUDGE })}</li>
        <li className={cn('rounded px-2 py-1', REVIEW)}>{t('keyReview')}</li>
        <li className={cn('rounded px-2 py-1', NO_DATA)}>{t('keyNoData')}</li>
      </ul>
    </div>
  );
}
