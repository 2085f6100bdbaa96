import { cache } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { rememberingFormatter, rememberingTranslator, rememberScope } from '@/lib/i18n/remembered';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { PChart } from '@/components/charts/p-chart';
import { ParetoChart } from '@/components/charts/pareto-chart';
import { TrendChart } from '@/components/charts/trend-chart';
import { YieldChart } from '@/components/charts/yield-chart';
import { HeatMap, type HeatMeasure } from '@/components/dashboard/heat-map';
import { KpiCard, type KpiCardProps, type KpiWords } from '@/components/dashboard/kpi-card';
import { MetricValueCell } from '@/components/dashboard/metric-value';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { defectsHref, interactionsHref } from '@/lib/metrics/drill-down';
import { changeDirection, metricFormatter, type MetricKind } from '@/lib/metrics/format';
import { MIN_TO_JUDGE } from '@/lib/metrics/intervals';
import type { KpiChanges, Kpis } from '@/lib/metrics/kpis';
import {
  cachedKpiSummary,
  cachedPareto,
  cachedSegmentMetrics,
  cachedTouchpointMetrics,
  cachedTrend,
} from '@/lib/queries/dashboard';
import { PARETO_MEASURES, type ParetoMeasure } from '@/lib/metrics/pareto';
import { pChartOf, rolledThroughputYieldOf } from '@/lib/queries/metrics';
import { NO_SEGMENT } from '@/lib/validation/filters';
import type { MetricsFilters } from '@/lib/validation/metrics';

/** A chart table's state in this view and the view with it toggled (ChartFrame's tableToggle). */
export interface TableToggle {
  shown: boolean;
  href: string;
}

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A calendar day ('YYYY-MM-DD', already in the company's zone) in a named day format. */
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** A period of calendar days: "2 Mar 2026", or "2 Mar 2026 – 8 Mar 2026". */
export const periodLabel = (format: Formatter, from: string, to: string) =>
  from === to
    ? format.dateTime(dayOf(from), 'day')
    : `${format.dateTime(dayOf(from), 'day')} – ${format.dateTime(dayOf(to), 'day')}`;

/**
 * What each section needs to speak: the dashboard's words, the metric words and the formatter,
 * remembering across renders what they wrote (lib/i18n/remembered.ts: most of a render's CPU was
 * next-intl building the same texts again). Built once per request for all eight sections.
 */
const speech = cache(async () => {
  const [dashboard, metrics, heat, intl, scope] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('metrics'),
    getTranslations('dashboard.heat'),
    getFormatter(),
    rememberScope(),
  ]);
  const t = rememberingTranslator(`${scope}\u0000dashboard`, dashboard);
  const format = rememberingFormatter(scope, intl);
  const m = metricFormatter(rememberingTranslator(`${scope}\u0000metrics`, metrics), format);
  const tHeat = rememberingTranslator(`${scope}\u0000dashboard.heat`, heat);
  return { t, format, m, tHeat, count: (n: number) => format.number(n, 'integer') };
});

/**
 * Where "Open a case" goes from a chart: the chart of the filtered scope (one touchpoint, one
 * stage, or the company), at a subgroup or for a category.
 */
function openCaseHref(filters: MetricsFilters, extra: { period?: string; categoryId?: string }): string {
  const params = new URLSearchParams();
  const [touchpoint] = filters.touchpoint;
  const [stage] = filters.stage;
  if (filters.touchpoint.length === 1 && touchpoint) {
    params.set('scope', 'touchpoint');
    params.set('touchpointId', touchpoint);
  } else if (filters.stage.length === 1 && stage) {
    params.set('scope', 'stage');
    params.set('stageId', stage);
  } else params.set('scope', 'company');
  if (extra.period) {
    params.set('period', extra.period);
    params.set('subgroup', filters.granularity === 'week' ? 'week' : 'day');
  }
  if (extra.categoryId) params.set('categoryId', extra.categoryId);
  return `/cases/new?${params.toString()}`;
}

type CardKey = keyof KpiChanges;

/** The count a card's drill-down link opens, and the numbers its hint names. */
/** The cards shown, each with its words in `dashboard.kpi.cards`. */
type ShownCard = Extract<
  CardKey,
  | 'interactions'
  | 'defects'
  | 'dpmo'
  | 'sigma'
  | 'yield'
  | 'nps'
  | 'csat'
  | 'ces'
  | 'expectationGap'
  | 'costOfPoorQuality'
>;

type CardSpec = {
  key: ShownCard;
  kind: MetricKind;
  higherIsBetter: boolean | null;
  href: (f: MetricsFilters) => string;
  linkCount: (k: Kpis) => number;
  hint?: (k: Kpis) => Record<string, number>;
};

const defectsLink = (k: Kpis) => k.defects;

const CARDS: CardSpec[] = [
  {
    key: 'interactions',
    kind: 'count',
    higherIsBetter: null,
    href: (f) => interactionsHref(f),
    linkCount: (k) => k.interactions,
  },
  {
    key: 'defects',
    kind: 'count',
    higherIsBetter: false,
    href: (f) => defectsHref(f),
    linkCount: defectsLink,
    hint: () => ({}),
  },
  {
    key: 'dpmo',
    kind: 'dpmo',
    higherIsBetter: false,
    href: (f) => defectsHref(f),
    linkCount: defectsLink,
    hint: (k) => ({ defects: k.defects, opportunities: k.opportunities }),
  },
  {
    key: 'sigma',
    kind: 'sigma',
    higherIsBetter: true,
    href: (f) => defectsHref(f),
    linkCount: defectsLink,
    hint: () => ({}),
  },
  {
    key: 'yield',
    kind: 'share',
    higherIsBetter: true,
    href: (f) => defectsHref(f),
    linkCount: defectsLink,
    hint: () => ({}),
  },
  {
    key: 'nps',
    kind: 'nps',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'nps' }),
    linkCount: (k) => k.npsResponses,
    hint: (k) => ({ count: k.npsResponses }),
  },
  {
    key: 'csat',
    kind: 'share',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'csat' }),
    linkCount: (k) => k.csatResponses,
    hint: (k) => ({ count: k.csatResponses }),
  },
  {
    key: 'ces',
    kind: 'mean',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'effort' }),
    linkCount: (k) => k.cesResponses,
    hint: (k) => ({ count: k.cesResponses }),
  },
  {
    key: 'expectationGap',
    kind: 'gap',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'gap' }),
    linkCount: (k) => k.expectationGapResponses,
    hint: (k) => ({ count: k.expectationGapResponses }),
  },
  {
    key: 'costOfPoorQuality',
    kind: 'money',
    higherIsBetter: false,
    href: (f) => defectsHref(f),
    linkCount: defectsLink,
    hint: () => ({}),
  },
];

/** Whether a change is good news, bad news or neither, for the card's colour. */
function toneOf(direction: 'up' | 'down' | 'flat', higherIsBetter: boolean | null): KpiCardProps['tone'] {
  if (direction === 'flat' || higherIsBetter === null) return 'neutral';
  return (direction === 'up') === higherIsBetter ? 'better' : 'worse';
}

const LIMIT_OPTIONS = ['p', 'laney'] as const;
const HEAT_OPTIONS = ['sigma', 'csat'] as const;

/** The KPI cards with their change against the previous period of the same length. */
export async function KpiSection({ filters }: { filters: MetricsFilters }) {
  const [summary, { t, format, m }] = await Promise.all([cachedKpiSummary(JSON.stringify(filters)), speech()]);
  const previousLabel = periodLabel(format, summary.previousPeriod.from, summary.previousPeriod.to);
  // The cards' words through the remembering translator: ten cards, three texts each.
  const tKpi: KpiWords = (key, values) => t(`kpi.${key}`, values as never);
  return (
    <section aria-labelledby="kpi-title">
      <h2 id="kpi-title" className="sr-only">
        {t('kpi.title')}
      </h2>
      {summary.current.interactions === 0 && summary.current.defects === 0 ? (
        <div className="mb-4">
          <EmptyState>{t('kpi.empty')}</EmptyState>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-5">
        {CARDS.map((card) => {
          const value = summary.current[card.key];
          const change = summary.change[card.key];
          const judged = typeof value === 'number' ? undefined : value;
          // Judged on the change as shown, so "0.0 pts" is neither red nor green.
          const direction = changeDirection(change, card.kind);
          const tone = toneOf(direction, card.higherIsBetter);
          return (
            <KpiCard
              key={card.key}
              label={t(`kpi.cards.${card.key}.label`)}
              value={m.metric(value, card.kind)}
              href={card.href(filters)}
              linkLabel={t(`kpi.cards.${card.key}.link`, { count: card.linkCount(summary.current) })}
              change={m.change(change, card.kind)}
              direction={direction}
              tone={tone}
              previousLabel={previousLabel}
              hint={
                card.key === 'yield'
                  ? t('kpi.cards.yield.hint', { firstPass: m.metric(summary.current.firstPassYield, 'share') })
                  : card.hint
                    ? t(
                        `kpi.cards.${card.key as Exclude<ShownCard, 'interactions' | 'yield'>}.hint`,
                        card.hint(summary.current),
                      )
                    : undefined
              }
              interval={m.interval(judged?.interval, card.kind)}
              tooFew={judged?.tooFew}
              warning={judged?.reason === 'more defects than opportunities' ? m.reviewOpportunities() : undefined}
              t={tKpi}
            />
          );
        })}
      </dl>
    </section>
  );
}

type Words = Awaited<ReturnType<typeof speech>>;

/** A subgroup on a chart's axis: "2 Mar", "Week of 2 Mar", "Mar 2026". */
const subgroupLabel = ({ t, format }: Words, period: string, filters: MetricsFilters) =>
  filters.granularity === 'month'
    ? format.dateTime(dayOf(period), 'month')
    : filters.granularity === 'week'
      ? t('weekOf', { day: format.dateTime(dayOf(period), 'dayShort') })
      : format.dateTime(dayOf(period), 'dayShort');

/** DPMO and sigma per subgroup. */
export async function TrendSection({ filters, table }: { filters: MetricsFilters; table: TableToggle }) {
  const [trend, words] = await Promise.all([cachedTrend(JSON.stringify(filters)), speech()]);
  const { t, format, m, count } = words;
  const hasData = trend.some((row) => row.units > 0);
  const sigmas = trend.flatMap((row) => (row.sigma.value === null ? [] : [row.sigma.value]));
  const granularity = filters.granularity;
  return (
    <ChartFrame
      id="trend"
      title={t('trend.title')}
      description={t('trend.description', { granularity })}
      summary={
        hasData
          ? sigmas.length
            ? t('trend.summary', {
                granularity,
                count: trend.length,
                min: format.number(Math.min(...sigmas), 'decimal2'),
                max: format.number(Math.max(...sigmas), 'decimal2'),
              })
            : t('trend.summaryNoSigma', { granularity, count: trend.length })
          : t('noInteractions')
      }
      tableToggle={table}
      table={
        table.shown ? (
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{t('subgroup', { granularity })}</th>
                <th scope="col">{t('columns.interactions')}</th>
                <th scope="col">{t('columns.defects')}</th>
                <th scope="col">{t('columns.dpmo')}</th>
                <th scope="col">{t('columns.sigma')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((row) => (
                <tr key={row.period}>
                  <th scope="row">
                    {periodLabel(format, row.from, row.to)}
                    {row.inProgress ? <span className="block text-xs text-muted">{t('inProgress')}</span> : null}
                  </th>
                  <td>
                    <a className={linkClass} href={interactionsHref({ ...filters, from: row.from, to: row.to })}>
                      {count(row.units)}
                    </a>
                  </td>
                  <td>
                    <a className={linkClass} href={defectsHref({ ...filters, from: row.from, to: row.to })}>
                      {count(row.defects)}
                    </a>
                  </td>
                  <td>{m.metric(row.dpmo, 'dpmo')}</td>
                  <td>{m.metric(row.sigma, 'sigma')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
    >
      {hasData ? (
        <TrendChart
          data={trend.map((row) => ({
            label: subgroupLabel(words, row.period, filters),
            dpmo: row.dpmo.value,
            sigma: row.sigma.value,
          }))}
        />
      ) : (
        <EmptyState>{t('noInteractions')}</EmptyState>
      )}
    </ChartFrame>
  );
}

export type PChartLimits = 'p' | 'laney';

/** The hollow point's mark in the legend, as the chart draws it. */
const HOLLOW_MARK = '○';

const HOLLOW_REASON = { 'small-subgroup': 'smallSubgroup', 'in-progress': 'inProgress' } as const;

/**
 * The p-chart of defective interactions, with each signal explained and linked to its rows.
 * Hollow points are not judged; Laney's σ_z says whether the subgroups vary more than the binomial
 * model expects, and the p′ limits (chosen in the URL) allow for it.
 */
export async function PChartSection({
  filters,
  limits,
  limitsHref,
  table,
}: {
  filters: MetricsFilters;
  limits: PChartLimits;
  limitsHref: (limits: PChartLimits) => string;
  table: TableToggle;
}) {
  const [trend, words] = await Promise.all([cachedTrend(JSON.stringify(filters)), speech()]);
  const { t, format, count } = words;
  const granularity = filters.granularity;
  const chart = pChartOf(trend);
  const laney = limits === 'laney' && chart.sigmaZ !== null;
  const signalsOf = (point: (typeof chart.points)[number]) => (laney ? point.laneySignals : point.signals);
  const signals = chart.points.flatMap((point, i) => (signalsOf(point).length ? [{ point, range: trend[i]! }] : []));
  const hollowCount = chart.points.filter((p) => p.hollow !== null).length;
  const pct = (v: number | null) => (v === null ? '—' : format.number(v, 'percent'));
  const limits_ = laney ? 'laney' : 'p';
  const explain = (point: (typeof chart.points)[number]) =>
    signalsOf(point)
      .map((signal) => t(`pChart.signal.${signal.rule}`, { side: signal.side }))
      .join(' ');
  return (
    <ChartFrame
      id="p-chart"
      title={t('pChart.title')}
      description={
        chart.centre === null ? (
          t('noInteractions')
        ) : (
          <>
            <p>{t('pChart.description', { granularity, centre: pct(chart.centre), limits: limits_ })}</p>
            <nav aria-label={t('pChart.limitsLabel')} className="mt-2 flex flex-wrap items-center gap-1 text-sm">
              {LIMIT_OPTIONS.map((option) => (
                <a
                  key={option}
                  href={limitsHref(option)}
                  aria-current={limits === option ? 'true' : undefined}
                  className={cn(
                    'rounded-md border px-3 py-1.5',
                    limits === option
                      ? 'border-primary bg-primary text-primary-foreground'
                      : 'border-border hover:bg-background',
                  )}
                >
                  {t(`pChart.limitsOption.${option}`)}
                </a>
              ))}
              <span className="ml-2 text-foreground" data-testid="sigma-z">
                {chart.sigmaZ === null
                  ? t('pChart.sigmaZMissing')
                  : t('pChart.sigmaZ', {
                      value: format.number(chart.sigmaZ, 'decimal2'),
                      count: chart.judgedSubgroups,
                      granularity,
                    })}
              </span>
            </nav>
            {chart.laneyRecommended ? (
              <p className="mt-2 text-foreground" role="note">
                {t(limits === 'laney' ? 'pChart.laneyInUse' : 'pChart.laneyRecommended', {
                  granularity,
                  times: format.number(chart.sigmaZ!, 'decimal1'),
                })}
              </p>
            ) : null}
            {limits === 'laney' && chart.sigmaZ === null ? <p className="mt-2">{t('pChart.laneyNeedsTwo')}</p> : null}
          </>
        )
      }
      after={
        chart.centre !== null ? (
          <div className="mt-3">
            <p className="mb-2 text-sm">
              <a className={linkClass} href={openCaseHref(filters, {})}>
                {t('openCaseOnChart')}
              </a>
            </p>
            <p className="text-xs text-muted" data-testid="hollow-legend">
              <span aria-hidden="true">{HOLLOW_MARK}</span>{' '}
              {t('pChart.hollowLegend', { granularity, count: hollowCount })}
            </p>
            <h3 className="mt-2 text-sm font-semibold">{t('pChart.signalsTitle', { limits: limits_ })}</h3>
            {signals.length === 0 ? (
              <p className="text-sm text-muted">{t('pChart.noSignals')}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {signals.map(({ point, range }) => (
                  <li key={point.period}>
                    <a
                      className={linkClass}
                      href={interactionsHref({ ...filters, from: range.from, to: range.to }, { hasDefects: '1' })}
                    >
                      {t('pChart.signalPoint', {
                        period: periodLabel(format, range.from, range.to),
                        share: pct(point.p),
                        defective: count(point.d),
                        total: count(point.n),
                      })}
                    </a>{' '}
                    — {explain(point)}{' '}
                    {filters.granularity !== 'month' ? (
                      <a className={linkClass} href={openCaseHref(filters, { period: point.period })}>
                        {t('openCase')}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null
      }
      summary={
        chart.centre === null
          ? t('noInteractions')
          : t('pChart.summary', {
              granularity,
              count: chart.points.length,
              centre: pct(chart.centre),
              signals: laney ? chart.laneySignalCount : chart.signalCount,
              limits: limits_,
              hollow: hollowCount,
            })
      }
      tableToggle={table}
      table={
        table.shown ? (
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{t('pChart.columns.subgroup')}</th>
                <th scope="col">{t('pChart.columns.n')}</th>
                <th scope="col">{t('pChart.columns.defective')}</th>
                <th scope="col">{t('pChart.columns.p')}</th>
                {/* The limits the chart draws and judges by, as its signals column does. */}
                <th scope="col">{t(laney ? 'pChart.columns.laneyLcl' : 'pChart.columns.lcl')}</th>
                <th scope="col">{t(laney ? 'pChart.columns.laneyUcl' : 'pChart.columns.ucl')}</th>
                <th scope="col">{t('pChart.columns.signals')}</th>
              </tr>
            </thead>
            <tbody>
              {chart.points.map((p, i) => (
                <tr key={p.period}>
                  <th scope="row">{periodLabel(format, trend[i]!.from, trend[i]!.to)}</th>
                  <td>{count(p.n)}</td>
                  <td>
                    <a
                      className={linkClass}
                      href={interactionsHref(
                        { ...filters, from: trend[i]!.from, to: trend[i]!.to },
                        { hasDefects: '1' },
                      )}
                    >
                      {count(p.d)}
                    </a>
                  </td>
                  <td>{pct(p.p)}</td>
                  <td>{pct(laney ? p.laneyLcl : p.lcl)}</td>
                  <td>{pct(laney ? p.laneyUcl : p.ucl)}</td>
                  <td>
                    {p.hollow
                      ? t(`pChart.hollow.${HOLLOW_REASON[p.hollow]}`)
                      : explain(p) || t(p.p === null ? 'pChart.gap' : 'pChart.inControl')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
    >
      {chart.centre === null ? (
        <EmptyState>{t('noInteractions')}</EmptyState>
      ) : (
        <PChart
          centre={chart.centre * 100}
          laney={laney}
          data={chart.points.map((p, i) => {
            const [ucl, lcl] = laney ? [p.laneyUcl, p.laneyLcl] : [p.ucl, p.lcl];
            return {
              label: subgroupLabel(words, p.period, filters),
              p: p.p === null ? null : p.p * 100,
              ucl: ucl === null ? null : ucl * 100,
              lcl: lcl === null ? null : lcl * 100,
              signal: signalsOf(p).length > 0,
              hollow: p.hollow !== null,
              href: interactionsHref({ ...filters, from: trend[i]!.from, to: trend[i]!.to }, { hasDefects: '1' }),
            };
          })}
        />
      )}
    </ChartFrame>
  );
}

/** Defects by category, ranked by count or by lost revenue (chosen in the URL), the vital few first. */
export async function ParetoSection({
  filters,
  measure,
  measureHref,
  table,
}: {
  filters: MetricsFilters;
  measure: ParetoMeasure;
  measureHref: (measure: ParetoMeasure) => string;
  table: TableToggle;
}) {
  const [bars, { t, format, m, count }] = await Promise.all([cachedPareto(JSON.stringify(filters), measure), speech()]);
  const vital = bars.filter((b) => b.vitalFew);
  const valueOf = (b: (typeof bars)[number]) => (measure === 'revenue' ? b.lostRevenue : b.count);
  const share = (v: number) => format.number(v, 'percent');
  return (
    <ChartFrame
      id="pareto"
      title={t('pareto.title', { measure })}
      description={
        <>
          <nav aria-label={t('pareto.rankBy')} className="mb-2 flex gap-1 text-sm">
            {PARETO_MEASURES.map((option) => (
              <a
                key={option}
                href={measureHref(option)}
                aria-current={measure === option ? 'true' : undefined}
                className={cn(
                  'rounded-md border px-3 py-1.5',
                  measure === option
                    ? 'border-primary bg-primary text-primary-foreground'
                    : 'border-border hover:bg-background',
                )}
              >
                {t(`pareto.option.${option}`)}
              </a>
            ))}
          </nav>
          {bars.length
            ? t('pareto.vitalFew', {
                measure,
                categories: format.list(
                  vital.map((b) => b.label),
                  { type: 'unit' },
                ),
              })
            : null}
        </>
      }
      summary={
        bars.length
          ? t('pareto.summary', {
              measure,
              bars: bars
                .map((b) => `${b.label} ${measure === 'revenue' ? m.metric(b.lostRevenue, 'money') : count(b.count)}`)
                .join(', '),
            })
          : t('pareto.none', { measure })
      }
      tableToggle={table}
      table={
        table.shown ? (
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{t('pareto.columns.category')}</th>
                <th scope="col">{t('columns.defects')}</th>
                <th scope="col">{t('pareto.columns.lostRevenue')}</th>
                <th scope="col">{t('pareto.columns.share', { measure })}</th>
                <th scope="col">{t('pareto.columns.cumulative')}</th>
                <th scope="col">{t('pareto.columns.vitalFew')}</th>
                <th scope="col">{t('pareto.columns.case')}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td>
                    <a className={linkClass} href={defectsHref(filters, { category: b.key })}>
                      {count(b.count)}
                    </a>
                  </td>
                  <td>{m.metric(b.lostRevenue, 'money')}</td>
                  <td>{share(b.share)}</td>
                  <td>{share(b.cumulativeShare)}</td>
                  <td>{t(b.vitalFew ? 'yes' : 'no')}</td>
                  <td>
                    <a className={linkClass} href={openCaseHref(filters, { categoryId: b.key })}>
                      {t('openCase')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
    >
      {bars.length ? (
        <ParetoChart
          measure={measure}
          data={bars.map((b) => ({
            label: b.label,
            value: valueOf(b),
            cumulative: b.cumulativeShare * 100,
            vitalFew: b.vitalFew,
            href: defectsHref(filters, { category: b.key }),
          }))}
        />
      ) : (
        <EmptyState>{t('pareto.empty', { measure })}</EmptyState>
      )}
    </ChartFrame>
  );
}

/**
 * Rolled throughput yield across the journey: the chance an interaction passes every stage
 * defect-free, and where the yield is lost, stage by stage, as a step chart with its table.
 */
export async function YieldSection({ filters, table }: { filters: MetricsFilters; table: TableToggle }) {
  const [touchpoints, { t, format, m, count }] = await Promise.all([
    cachedTouchpointMetrics(JSON.stringify(filters)),
    speech(),
  ]);
  const rty = rolledThroughputYieldOf(touchpoints);
  const pct = (v: number | null) => (v === null ? '—' : format.number(v, 'percent'));
  const withData = rty.stages.filter((s) => s.firstPassYield !== null);
  const value = (chunks: React.ReactNode) => (
    <span className="font-semibold text-foreground tabular-nums">{chunks}</span>
  );
  return (
    <ChartFrame
      id="rty"
      title={t('rty.title')}
      description={
        rty.rty === null ? (
          t('noInteractions')
        ) : (
          <div className="flex flex-wrap gap-x-6 gap-y-1">
            <p>
              {t.rich('rty.value', {
                value: pct(rty.rty),
                strong: (chunks) => (
                  <span className="font-semibold text-foreground tabular-nums" data-testid="rty">
                    {chunks}
                  </span>
                ),
              })}
            </p>
            <p>
              {t.rich('rty.normalised', {
                value: pct(rty.normalizedYield),
                count: rty.stagesWithData,
                strong: value,
              })}
            </p>
          </div>
        )
      }
      summary={
        rty.rty === null
          ? t('noInteractions')
          : t('rty.summary', {
              value: pct(rty.rty),
              count: rty.stagesWithData,
              stage: [...withData].sort((a, b) => b.yieldLost! - a.yieldLost!)[0]?.name ?? '',
            })
      }
      tableToggle={table}
      table={
        table.shown ? (
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{t('rty.columns.stage')}</th>
                <th scope="col">{t('columns.interactions')}</th>
                <th scope="col">{t('pChart.columns.defective')}</th>
                <th scope="col">{t('columns.firstPassYield')}</th>
                <th scope="col">{t('rty.columns.after')}</th>
                <th scope="col">{t('rty.columns.lost')}</th>
              </tr>
            </thead>
            <tbody>
              {rty.stages.map((stage) => (
                <tr key={stage.id}>
                  <th scope="row">{stage.name}</th>
                  <td>{count(stage.units)}</td>
                  <td>{count(stage.defectiveUnits)}</td>
                  <td>
                    {pct(stage.firstPassYield)}
                    {stage.firstPassYieldInterval ? (
                      <span className="block text-xs text-muted">
                        {m.interval(stage.firstPassYieldInterval, 'share')}
                      </span>
                    ) : null}
                  </td>
                  <td>{pct(stage.cumulativeYield)}</td>
                  <td>
                    {stage.yieldLost === null
                      ? t('rty.noInteractions')
                      : t('rty.points', { value: format.number(stage.yieldLost * 100, 'decimal1') })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null
      }
    >
      {withData.length ? (
        <YieldChart
          data={withData.map((stage) => ({
            label: stage.name,
            cumulative: stage.cumulativeYield! * 100,
            lost: stage.yieldLost! * 100,
          }))}
        />
      ) : (
        <EmptyState>{t('noInteractions')}</EmptyState>
      )}
    </ChartFrame>
  );
}

/** Stages × touchpoints coloured by sigma or CSAT, and the worst touchpoints by DPMO. */
export async function JourneySection({
  filters,
  heat,
  heatHref,
}: {
  filters: MetricsFilters;
  heat: HeatMeasure;
  heatHref: (measure: HeatMeasure) => string;
}) {
  const [touchpoints, { t, m, count, format, tHeat }] = await Promise.all([
    cachedTouchpointMetrics(JSON.stringify(filters)),
    speech(),
  ]);
  const stages = new Map<
    string,
    {
      stageId: string;
      stageName: string;
      cells: { id: string; name: string; value: Kpis['sigma']; units: number; href: string; caseHref: string }[];
    }
  >();
  for (const tp of touchpoints) {
    const stage = stages.get(tp.stageId) ?? { stageId: tp.stageId, stageName: tp.stageName, cells: [] };
    stage.cells.push({
      id: tp.id,
      name: tp.name,
      value: heat === 'sigma' ? tp.kpis.sigma : tp.kpis.csat,
      units: tp.kpis.interactions,
      href: interactionsHref({ ...filters, touchpoint: [tp.id] }),
      caseHref: openCaseHref({ ...filters, touchpoint: [tp.id], stage: [] }, {}),
    });
    stages.set(tp.stageId, stage);
  }
  // Ranked only where enough interactions stand behind the DPMO; the others are named, not ranked.
  const withDefects = touchpoints.filter((t) => t.kpis.defects > 0);
  const worst = withDefects
    .filter((t) => t.kpis.dpmo.value !== null && !t.kpis.dpmo.tooFew)
    .sort((a, b) => b.kpis.dpmo.value! - a.kpis.dpmo.value!)
    .slice(0, 5);
  const review = withDefects.filter((t) => t.kpis.dpmo.reason === 'more defects than opportunities');
  const unranked = withDefects.filter((t) => t.kpis.dpmo.tooFew);
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
      <section
        aria-labelledby="heat-title"
        className="rounded-lg border border-border bg-surface p-4 shadow-sm xl:col-span-2"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="heat-title" className="text-lg font-semibold">
            {t('heat.title')}
          </h2>
          <nav aria-label={t('heat.colourBy')} className="flex gap-1 text-sm">
            {HEAT_OPTIONS.map((measure) => (
              <a
                key={measure}
                href={heatHref(measure)}
                aria-current={heat === measure ? 'true' : undefined}
                className={cn(
                  'rounded-md border px-3 py-1.5',
                  heat === measure
                    ? 'border-primary bg-primary text-primary-foreground'
                    : 'border-border hover:bg-background',
                )}
              >
                {t(`heat.option.${measure}`)}
              </a>
            ))}
          </nav>
        </div>
        <p className="mt-1 text-sm text-muted">{t('heat.description', { measure: heat })}</p>
        <div className="mt-3 overflow-x-auto">
          {touchpoints.length ? (
            <HeatMap rows={[...stages.values()]} measure={heat} words={{ t: tHeat, format, m }} />
          ) : (
            <EmptyState>{t('heat.empty')}</EmptyState>
          )}
        </div>
      </section>
      <section aria-labelledby="worst-title" className="rounded-lg border border-border bg-surface p-4 shadow-sm">
        <h2 id="worst-title" className="text-lg font-semibold">
          {t('worst.title')}
        </h2>
        <p className="mt-1 text-sm text-muted">{t('worst.description', { min: MIN_TO_JUDGE })}</p>
        {worst.length ? (
          <div className="mt-3 overflow-x-auto">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{t('worst.columns.touchpoint')}</th>
                  <th scope="col">{t('columns.dpmo')}</th>
                  <th scope="col">{t('columns.defects')}</th>
                </tr>
              </thead>
              <tbody>
                {worst.map((tp) => (
                  <tr key={tp.id}>
                    <th scope="row">
                      <a className={linkClass} href={interactionsHref({ ...filters, touchpoint: [tp.id] })}>
                        {tp.name}
                      </a>
                      <span className="block text-xs text-muted">{tp.stageName}</span>
                    </th>
                    <td>
                      <MetricValueCell metric={tp.kpis.dpmo} kind="dpmo" m={m} />
                      <span className="block text-xs text-muted">{m.metric(tp.kpis.sigma, 'sigma')}</span>
                    </td>
                    <td>
                      <a className={linkClass} href={defectsHref({ ...filters, touchpoint: [tp.id] })}>
                        {count(tp.kpis.defects)}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div className="mt-3">
            <EmptyState>{t(withDefects.length ? 'worst.noneRanked' : 'noDefects')}</EmptyState>
          </div>
        )}
        {review.length ? (
          <p className="mt-3 text-sm text-warning">
            {t('worst.review', { text: m.reviewOpportunities(), touchpoints: review.map((tp) => tp.name).join(', ') })}
          </p>
        ) : null}
        {unranked.length ? (
          <p className="mt-3 text-sm text-muted" data-too-few="">
            {t('worst.unranked', {
              min: MIN_TO_JUDGE,
              touchpoints: unranked.map((tp) => `${tp.name} (${count(tp.kpis.interactions)})`).join(', '),
            })}
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** Each segment (the target markets) side by side. */
export async function SegmentSection({ filters }: { filters: MetricsFilters }) {
  const [rows, { t, m, count }] = await Promise.all([cachedSegmentMetrics(JSON.stringify(filters)), speech()]);
  return (
    <section aria-labelledby="segments-title" className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <h2 id="segments-title" className="text-lg font-semibold">
        {t('segments.title')}
      </h2>
      <p className="mt-1 text-sm text-muted">{t('segments.description', { min: MIN_TO_JUDGE })}</p>
      {rows.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{t('segments.columns.segment')}</th>
                <th scope="col">{t('columns.interactions')}</th>
                <th scope="col">{t('columns.defects')}</th>
                <th scope="col">{t('columns.dpmo')}</th>
                <th scope="col">{t('columns.sigma')}</th>
                <th scope="col">{t('columns.firstPassYield')}</th>
                <th scope="col">{t('columns.nps')}</th>
                <th scope="col">{t('columns.csat')}</th>
                <th scope="col">{t('columns.costOfPoorQuality')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const scope = { ...filters, segment: [s.id ?? NO_SEGMENT] };
                return (
                  <tr key={s.id ?? 'none'}>
                    <th scope="row">{s.id === null ? t('noSegment') : s.name}</th>
                    <td>
                      <a className={linkClass} href={interactionsHref(scope)}>
                        {count(s.kpis.interactions)}
                      </a>
                    </td>
                    <td>
                      <a className={linkClass} href={defectsHref(scope)}>
                        {count(s.kpis.defects)}
                      </a>
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.dpmo} kind="dpmo" m={m} />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.sigma} kind="sigma" m={m} />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.firstPassYield} kind="share" m={m} />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.nps} kind="nps" m={m} />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.csat} kind="share" m={m} />
                    </td>
                    <td>{m.metric(s.kpis.costOfPoorQuality, 'money')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="mt-3">
          <EmptyState>{t('segments.empty')}</EmptyState>
        </div>
      )}
    </section>
  );
}
