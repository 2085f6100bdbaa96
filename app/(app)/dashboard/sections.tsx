import Link from 'next/link';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { PChart } from '@/components/charts/p-chart';
import { ParetoChart } from '@/components/charts/pareto-chart';
import { monthLabel, shortDay } from '@/components/charts/theme';
import { TrendChart } from '@/components/charts/trend-chart';
import { YieldChart } from '@/components/charts/yield-chart';
import { HeatMap, type HeatMeasure } from '@/components/dashboard/heat-map';
import { KpiCard, type KpiCardProps } from '@/components/dashboard/kpi-card';
import { MetricValueCell } from '@/components/dashboard/metric-value';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { defectsHref, interactionsHref } from '@/lib/metrics/drill-down';
import {
  changeDirection,
  formatChange,
  formatInterval,
  formatMetric,
  REVIEW_OPPORTUNITIES,
  TOO_FEW_LABEL,
  type MetricKind,
} from '@/lib/metrics/format';
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

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
export const periodLabel = (from: string, to: string) =>
  from === to ? dayLabel(from) : `${dayLabel(from)} – ${dayLabel(to)}`;

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

type CardSpec = {
  key: CardKey;
  label: string;
  kind: MetricKind;
  higherIsBetter: boolean | null;
  href: (f: MetricsFilters) => string;
  linkLabel: (k: Kpis) => string;
  hint?: (k: Kpis) => string;
};

const count = (n: number) => n.toLocaleString('en-GB');

const CARDS: CardSpec[] = [
  {
    key: 'interactions',
    label: 'Interactions',
    kind: 'count',
    higherIsBetter: null,
    href: (f) => interactionsHref(f),
    linkLabel: (k) => `the ${count(k.interactions)} interactions`,
  },
  {
    key: 'defects',
    label: 'Defects',
    kind: 'count',
    higherIsBetter: false,
    href: (f) => defectsHref(f),
    linkLabel: (k) => `the ${count(k.defects)} defects`,
    hint: () => 'Dismissed defects excluded',
  },
  {
    key: 'dpmo',
    label: 'DPMO',
    kind: 'dpmo',
    higherIsBetter: false,
    href: (f) => defectsHref(f),
    linkLabel: (k) => `the ${count(k.defects)} defects`,
    hint: (k) =>
      `${count(k.defects)} defects in ${count(k.opportunities)} opportunities, each interaction counted with the opportunities it was logged with`,
  },
  {
    key: 'sigma',
    label: 'Sigma level',
    kind: 'sigma',
    higherIsBetter: true,
    href: (f) => defectsHref(f),
    linkLabel: (k) => `the ${count(k.defects)} defects`,
    hint: () => 'Short-term, with the 1.5 σ shift',
  },
  {
    key: 'yield',
    label: 'Yield',
    kind: 'share',
    higherIsBetter: true,
    href: (f) => defectsHref(f),
    linkLabel: (k) => `the ${count(k.defects)} defects`,
    hint: (k) => `First-pass yield ${formatMetric(k.firstPassYield, 'share')}`,
  },
  {
    key: 'nps',
    label: 'NPS',
    kind: 'nps',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'nps' }),
    linkLabel: (k) => `the ${count(k.npsResponses)} interactions with an NPS answer`,
    hint: (k) => `${count(k.npsResponses)} responses`,
  },
  {
    key: 'csat',
    label: 'CSAT',
    kind: 'share',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'csat' }),
    linkLabel: (k) => `the ${count(k.csatResponses)} interactions with a CSAT score`,
    hint: (k) => `${count(k.csatResponses)} responses rating 1–5`,
  },
  {
    key: 'ces',
    label: 'Customer effort (CES)',
    kind: 'mean',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'effort' }),
    linkLabel: (k) => `the ${count(k.cesResponses)} interactions with an effort score`,
    hint: (k) => `${count(k.cesResponses)} responses, 7 = very easy`,
  },
  {
    key: 'expectationGap',
    label: 'Expectation gap',
    kind: 'gap',
    higherIsBetter: true,
    href: (f) => interactionsHref(f, { scored: 'gap' }),
    linkLabel: (k) => `the ${count(k.expectationGapResponses)} interactions with expectation and experience`,
    hint: (k) => `${count(k.expectationGapResponses)} responses, experience − expectation`,
  },
  {
    key: 'costOfPoorQuality',
    label: 'Cost of poor quality',
    kind: 'money',
    higherIsBetter: false,
    href: (f) => defectsHref(f),
    linkLabel: (k) => `the ${count(k.defects)} defects`,
    hint: () => 'Lost revenue of the defects',
  },
];

/** The KPI cards with their change against the previous period of the same length. */
export async function KpiSection({ filters }: { filters: MetricsFilters }) {
  const summary = await cachedKpiSummary(JSON.stringify(filters));
  const previousLabel = periodLabel(summary.previousPeriod.from, summary.previousPeriod.to);
  return (
    <section aria-labelledby="kpi-title">
      <h2 id="kpi-title" className="sr-only">
        Key figures
      </h2>
      {summary.current.interactions === 0 && summary.current.defects === 0 ? (
        <div className="mb-4">
          <EmptyState>
            No interactions or defects in this period for these filters. Widen the period or clear a filter.
          </EmptyState>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-5">
        {CARDS.map((card) => {
          const value = summary.current[card.key];
          const change = summary.change[card.key];
          const judged = typeof value === 'number' ? undefined : value;
          // Judged on the change as shown, so "0.0 pts" is neither red nor green.
          const direction = changeDirection(change, card.kind);
          const tone: KpiCardProps['tone'] =
            direction === 'flat' || card.higherIsBetter === null
              ? 'neutral'
              : (direction === 'up') === card.higherIsBetter
                ? 'better'
                : 'worse';
          return (
            <KpiCard
              key={card.key}
              label={card.label}
              value={formatMetric(value, card.kind)}
              href={card.href(filters)}
              linkLabel={card.linkLabel(summary.current)}
              change={formatChange(change, card.kind)}
              direction={direction}
              tone={tone}
              previousLabel={previousLabel}
              hint={card.hint?.(summary.current)}
              interval={formatInterval(judged?.interval, card.kind)}
              tooFew={judged?.tooFew}
              warning={judged?.reason === 'more defects than opportunities' ? REVIEW_OPPORTUNITIES : undefined}
            />
          );
        })}
      </dl>
    </section>
  );
}

const subgroupLabel = (period: string, filters: MetricsFilters) =>
  filters.granularity === 'month'
    ? monthLabel(period)
    : filters.granularity === 'week'
      ? `Week of ${shortDay(period)}`
      : shortDay(period);

/** DPMO and sigma per subgroup. */
export async function TrendSection({ filters }: { filters: MetricsFilters }) {
  const trend = await cachedTrend(JSON.stringify(filters));
  const hasData = trend.some((t) => t.units > 0);
  const withSigma = trend.filter((t) => t.sigma.value !== null);
  return (
    <ChartFrame
      id="trend"
      title="DPMO and sigma level"
      description={`Per ${filters.granularity}. Defects per million opportunities (left axis) and the sigma level (right axis); a break in a line is a ${filters.granularity} with no interactions or no defects.`}
      summary={
        hasData
          ? `DPMO and sigma level per ${filters.granularity} over ${trend.length} ${filters.granularity}s; sigma ranges from ${withSigma.length ? Math.min(...withSigma.map((t) => t.sigma.value!)).toFixed(2) : 'n/a'} to ${withSigma.length ? Math.max(...withSigma.map((t) => t.sigma.value!)).toFixed(2) : 'n/a'}.`
          : 'No interactions in this period.'
      }
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">
                {filters.granularity === 'day' ? 'Day' : filters.granularity === 'week' ? 'Week' : 'Month'}
              </th>
              <th scope="col">Interactions</th>
              <th scope="col">Defects</th>
              <th scope="col">DPMO</th>
              <th scope="col">Sigma</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((t) => (
              <tr key={t.period}>
                <th scope="row" className="text-left font-normal">
                  {periodLabel(t.from, t.to)}
                  {t.inProgress ? <span className="block text-xs text-muted">in progress</span> : null}
                </th>
                <td>
                  <Link
                    prefetch={false}
                    className={linkClass}
                    href={interactionsHref({ ...filters, from: t.from, to: t.to })}
                  >
                    {count(t.units)}
                  </Link>
                </td>
                <td>
                  <Link
                    prefetch={false}
                    className={linkClass}
                    href={defectsHref({ ...filters, from: t.from, to: t.to })}
                  >
                    {count(t.defects)}
                  </Link>
                </td>
                <td>{formatMetric(t.dpmo, 'dpmo')}</td>
                <td>{formatMetric(t.sigma, 'sigma')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {hasData ? (
        <TrendChart
          data={trend.map((t) => ({
            label: subgroupLabel(t.period, filters),
            dpmo: t.dpmo.value,
            sigma: t.sigma.value,
          }))}
        />
      ) : (
        <EmptyState>No interactions in this period.</EmptyState>
      )}
    </ChartFrame>
  );
}

export type PChartLimits = 'p' | 'laney';

const HOLLOW_REASON = {
  'small-subgroup': 'hollow: too small for the limits (n·p̄ or n·(1 − p̄) under 5), no signal',
  'in-progress': 'hollow: still in progress, no signal',
} as const;

/**
 * The p-chart of defective interactions, with each signal explained and linked to its rows.
 * Hollow points are not judged; Laney's σ_z says whether the subgroups vary more than the binomial
 * model expects, and the p′ limits (chosen in the URL) allow for it.
 */
export async function PChartSection({
  filters,
  limits,
  limitsHref,
}: {
  filters: MetricsFilters;
  limits: PChartLimits;
  limitsHref: (limits: PChartLimits) => string;
}) {
  const trend = await cachedTrend(JSON.stringify(filters));
  const chart = pChartOf(trend);
  const laney = limits === 'laney' && chart.sigmaZ !== null;
  const signalsOf = (point: (typeof chart.points)[number]) => (laney ? point.laneySignals : point.signals);
  const signals = chart.points.flatMap((point, i) => (signalsOf(point).length ? [{ point, range: trend[i]! }] : []));
  const hollowCount = chart.points.filter((p) => p.hollow !== null).length;
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  const limitName = laney ? 'Laney p′ limits' : 'p-chart limits';
  return (
    <ChartFrame
      id="p-chart"
      title="Control chart (p-chart) of defective interactions"
      description={
        chart.centre === null ? (
          'No interactions in this period.'
        ) : (
          <>
            <p>
              Share of interactions with at least one defect per {filters.granularity}; centre line p̄ ={' '}
              {pct(chart.centre)},{' '}
              {laney
                ? `p′ limits at ±3σ·σ_z for each ${filters.granularity}'s size`
                : `limits at ±3σ for each ${filters.granularity}'s size`}
              . Red squares break a Western Electric rule; hollow circles are not judged.
            </p>
            <nav aria-label="Control limits" className="mt-2 flex flex-wrap items-center gap-1 text-sm">
              {(['p', 'laney'] as const).map((option) => (
                <Link
                  prefetch={false}
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
                  {option === 'p' ? 'p limits' : 'Laney p′ limits'}
                </Link>
              ))}
              <span className="ml-2 text-foreground" data-testid="sigma-z">
                σ_z ={' '}
                {chart.sigmaZ === null
                  ? 'not enough judged subgroups'
                  : `${chart.sigmaZ.toFixed(2)} (observed ÷ expected variation, over ${chart.judgedSubgroups} ${filters.granularity}s)`}
              </span>
            </nav>
            {chart.laneyRecommended ? (
              <p className="mt-2 text-foreground" role="note">
                {limits === 'laney' ? 'Laney p′ limits in use: ' : 'Recommended: switch to Laney p′ limits. '}
                the {filters.granularity}s vary {chart.sigmaZ!.toFixed(1)} times more than a binomial process of this
                size would, so ±3σ limits flag ordinary variation as signals.
              </p>
            ) : null}
            {limits === 'laney' && chart.sigmaZ === null ? (
              <p className="mt-2">Laney p′ needs at least two judged subgroups: showing the p limits.</p>
            ) : null}
          </>
        )
      }
      after={
        chart.centre !== null ? (
          <div className="mt-3">
            <p className="mb-2 text-sm">
              <Link prefetch={false} className={linkClass} href={openCaseHref(filters, {})}>
                Open a case on this chart
              </Link>
            </p>
            <p className="text-xs text-muted" data-testid="hollow-legend">
              <span aria-hidden="true">○</span> Hollow circle: a {filters.granularity} too small for the normal
              approximation (n·p̄ or n·(1 − p̄) under 5) or still in progress. It is drawn but raises no signal
              {hollowCount ? ` (${hollowCount} here)` : ''}.
            </p>
            <h3 className="mt-2 text-sm font-semibold">Signals against the {limitName}</h3>
            {signals.length === 0 ? (
              <p className="text-sm text-muted">No out-of-control signals: the variation looks like common cause.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {signals.map(({ point, range }) => (
                  <li key={point.period}>
                    <Link
                      prefetch={false}
                      className={linkClass}
                      href={interactionsHref({ ...filters, from: range.from, to: range.to }, { hasDefects: '1' })}
                    >
                      {periodLabel(range.from, range.to)}: {pct(point.p)} defective ({count(point.d)} of{' '}
                      {count(point.n)})
                    </Link>{' '}
                    —{' '}
                    {signalsOf(point)
                      .map((s) => s.explanation)
                      .join(' ')}{' '}
                    {filters.granularity !== 'month' ? (
                      <Link
                        prefetch={false}
                        className={linkClass}
                        href={openCaseHref(filters, { period: point.period })}
                      >
                        Open a case
                      </Link>
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
          ? 'No interactions in this period.'
          : `p-chart over ${chart.points.length} ${filters.granularity}s, centre ${pct(chart.centre)}, ${laney ? chart.laneySignalCount : chart.signalCount} out-of-control points against the ${limitName}, ${hollowCount} hollow points not judged.`
      }
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">Subgroup</th>
              <th scope="col">n</th>
              <th scope="col">Defective</th>
              <th scope="col">p</th>
              <th scope="col">LCL</th>
              <th scope="col">UCL</th>
              <th scope="col">LCL′ (p′)</th>
              <th scope="col">UCL′ (p′)</th>
              <th scope="col">Signals</th>
            </tr>
          </thead>
          <tbody>
            {chart.points.map((p, i) => (
              <tr key={p.period}>
                <th scope="row" className="text-left font-normal">
                  {periodLabel(trend[i]!.from, trend[i]!.to)}
                </th>
                <td>{count(p.n)}</td>
                <td>
                  <Link
                    prefetch={false}
                    className={linkClass}
                    href={interactionsHref({ ...filters, from: trend[i]!.from, to: trend[i]!.to }, { hasDefects: '1' })}
                  >
                    {count(p.d)}
                  </Link>
                </td>
                <td>{pct(p.p)}</td>
                <td>{pct(p.lcl)}</td>
                <td>{pct(p.ucl)}</td>
                <td>{pct(p.laneyLcl)}</td>
                <td>{pct(p.laneyUcl)}</td>
                <td>
                  {p.hollow
                    ? HOLLOW_REASON[p.hollow]
                    : signalsOf(p)
                        .map((s) => s.explanation)
                        .join(' ') || (p.p === null ? 'gap' : 'in control')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {chart.centre === null ? (
        <EmptyState>No interactions in this period.</EmptyState>
      ) : (
        <PChart
          centre={chart.centre * 100}
          laney={laney}
          data={chart.points.map((p, i) => {
            const [ucl, lcl] = laney ? [p.laneyUcl, p.laneyLcl] : [p.ucl, p.lcl];
            return {
              label: subgroupLabel(p.period, filters),
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
}: {
  filters: MetricsFilters;
  measure: ParetoMeasure;
  measureHref: (measure: ParetoMeasure) => string;
}) {
  const bars = await cachedPareto(JSON.stringify(filters), measure);
  const vital = bars.filter((b) => b.vitalFew);
  const of = measure === 'revenue' ? 'lost revenue' : 'defects';
  const valueOf = (b: (typeof bars)[number]) => (measure === 'revenue' ? b.lostRevenue : b.count);
  return (
    <ChartFrame
      id="pareto"
      title={measure === 'revenue' ? 'Pareto of defect causes by lost revenue' : 'Pareto of defect causes'}
      description={
        <>
          <nav aria-label="Rank the Pareto by" className="mb-2 flex gap-1 text-sm">
            {PARETO_MEASURES.map((option) => (
              <Link
                prefetch={false}
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
                {option === 'count' ? 'Defect count' : 'Lost revenue'}
              </Link>
            ))}
          </nav>
          {bars.length
            ? `The vital few — ${vital.map((b) => b.label).join(', ')} — make up the first 80 % of ${of}. Select a bar to see its defects.`
            : null}
        </>
      }
      summary={
        bars.length
          ? `${measure === 'revenue' ? 'Lost revenue' : 'Defects'} by category, most first: ${bars.map((b) => `${b.label} ${measure === 'revenue' ? formatMetric(b.lostRevenue, 'money') : b.count}`).join(', ')}.`
          : measure === 'revenue'
            ? 'No lost revenue in this period.'
            : 'No defects in this period.'
      }
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Defects</th>
              <th scope="col">Lost revenue</th>
              <th scope="col">Share of {of}</th>
              <th scope="col">Cumulative</th>
              <th scope="col">Vital few</th>
              <th scope="col">Case</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row" className="text-left font-normal">
                  {b.label}
                </th>
                <td>
                  <Link prefetch={false} className={linkClass} href={defectsHref(filters, { category: b.key })}>
                    {count(b.count)}
                  </Link>
                </td>
                <td>{formatMetric(b.lostRevenue, 'money')}</td>
                <td>{(b.share * 100).toFixed(1)} %</td>
                <td>{(b.cumulativeShare * 100).toFixed(1)} %</td>
                <td>{b.vitalFew ? 'yes' : 'no'}</td>
                <td>
                  <Link prefetch={false} className={linkClass} href={openCaseHref(filters, { categoryId: b.key })}>
                    Open a case
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <EmptyState>
          {measure === 'revenue'
            ? 'No lost revenue in this period: nothing to rank.'
            : 'No defects in this period: nothing to rank.'}
        </EmptyState>
      )}
    </ChartFrame>
  );
}

/**
 * Rolled throughput yield across the journey: the chance an interaction passes every stage
 * defect-free, and where the yield is lost, stage by stage, as a step chart with its table.
 */
export async function YieldSection({ filters }: { filters: MetricsFilters }) {
  const touchpoints = await cachedTouchpointMetrics(JSON.stringify(filters));
  const rty = rolledThroughputYieldOf(touchpoints);
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  const withData = rty.stages.filter((s) => s.firstPassYield !== null);
  return (
    <ChartFrame
      id="rty"
      title="Rolled throughput yield across the journey"
      description={
        rty.rty === null ? (
          'No interactions in this period.'
        ) : (
          <div className="flex flex-wrap gap-x-6 gap-y-1">
            <p>
              Rolled throughput yield{' '}
              <span className="font-semibold text-foreground tabular-nums" data-testid="rty">
                {pct(rty.rty)}
              </span>
            </p>
            <p>
              Normalised yield per stage{' '}
              <span className="font-semibold text-foreground tabular-nums">{pct(rty.normalizedYield)}</span> over{' '}
              {rty.stagesWithData} stages with interactions
            </p>
          </div>
        )
      }
      summary={
        rty.rty === null
          ? 'No interactions in this period.'
          : `Rolled throughput yield ${pct(rty.rty)} over ${rty.stagesWithData} stages; the most yield is lost at ${[...withData].sort((a, b) => b.yieldLost! - a.yieldLost!)[0]?.name}.`
      }
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Interactions</th>
              <th scope="col">Defective</th>
              <th scope="col">First-pass yield</th>
              <th scope="col">Yield after this stage</th>
              <th scope="col">Yield lost here</th>
            </tr>
          </thead>
          <tbody>
            {rty.stages.map((stage) => (
              <tr key={stage.id}>
                <th scope="row" className="text-left font-normal">
                  {stage.name}
                </th>
                <td>{count(stage.units)}</td>
                <td>{count(stage.defectiveUnits)}</td>
                <td>
                  {pct(stage.firstPassYield)}
                  {stage.firstPassYieldInterval ? (
                    <span className="block text-xs text-muted">
                      {formatInterval(stage.firstPassYieldInterval, 'share')}
                    </span>
                  ) : null}
                </td>
                <td>{pct(stage.cumulativeYield)}</td>
                <td>{stage.yieldLost === null ? 'no interactions' : `${(stage.yieldLost * 100).toFixed(1)} pts`}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <EmptyState>No interactions in this period.</EmptyState>
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
  const touchpoints = await cachedTouchpointMetrics(JSON.stringify(filters));
  const stages = new Map<
    string,
    {
      stageId: string;
      stageName: string;
      cells: { id: string; name: string; value: Kpis['sigma']; units: number; href: string; caseHref: string }[];
    }
  >();
  for (const t of touchpoints) {
    const stage = stages.get(t.stageId) ?? { stageId: t.stageId, stageName: t.stageName, cells: [] };
    stage.cells.push({
      id: t.id,
      name: t.name,
      value: heat === 'sigma' ? t.kpis.sigma : t.kpis.csat,
      units: t.kpis.interactions,
      href: interactionsHref({ ...filters, touchpoint: [t.id] }),
      caseHref: openCaseHref({ ...filters, touchpoint: [t.id], stage: [] }, {}),
    });
    stages.set(t.stageId, stage);
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
            Journey heat map
          </h2>
          <nav aria-label="Colour the heat map by" className="flex gap-1 text-sm">
            {(['sigma', 'csat'] as const).map((measure) => (
              <Link
                prefetch={false}
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
                {measure === 'sigma' ? 'Sigma level' : 'CSAT'}
              </Link>
            ))}
          </nav>
        </div>
        <p className="mt-1 text-sm text-muted">
          Each journey stage with its touchpoints, coloured by{' '}
          {heat === 'sigma' ? 'sigma level' : 'CSAT (share of 4–5 answers)'}. Select a touchpoint for its interactions,
          or open a case on its chart.
        </p>
        <div className="mt-3 overflow-x-auto">
          {touchpoints.length ? (
            <HeatMap rows={[...stages.values()]} measure={heat} />
          ) : (
            <EmptyState>No touchpoints match these filters.</EmptyState>
          )}
        </div>
      </section>
      <section aria-labelledby="worst-title" className="rounded-lg border border-border bg-surface p-4 shadow-sm">
        <h2 id="worst-title" className="text-lg font-semibold">
          Worst touchpoints
        </h2>
        <p className="mt-1 text-sm text-muted">
          Highest DPMO in the period with its 95 % interval, among touchpoints with at least {MIN_TO_JUDGE}{' '}
          interactions.
        </p>
        {worst.length ? (
          <div className="mt-3 overflow-x-auto">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Touchpoint</th>
                  <th scope="col">DPMO</th>
                  <th scope="col">Defects</th>
                </tr>
              </thead>
              <tbody>
                {worst.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" className="text-left font-normal">
                      <Link
                        prefetch={false}
                        className={linkClass}
                        href={interactionsHref({ ...filters, touchpoint: [t.id] })}
                      >
                        {t.name}
                      </Link>
                      <span className="block text-xs text-muted">{t.stageName}</span>
                    </th>
                    <td>
                      <MetricValueCell metric={t.kpis.dpmo} kind="dpmo" />
                      <span className="block text-xs text-muted">{formatMetric(t.kpis.sigma, 'sigma')}</span>
                    </td>
                    <td>
                      <Link
                        prefetch={false}
                        className={linkClass}
                        href={defectsHref({ ...filters, touchpoint: [t.id] })}
                      >
                        {count(t.kpis.defects)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div className="mt-3">
            <EmptyState>
              {withDefects.length
                ? 'No touchpoint with defects has enough interactions to rank.'
                : 'No defects in this period.'}
            </EmptyState>
          </div>
        )}
        {review.length ? (
          <p className="mt-3 text-sm text-warning">
            {REVIEW_OPPORTUNITIES} {review.map((t) => t.name).join(', ')}.
          </p>
        ) : null}
        {unranked.length ? (
          <p className="mt-3 text-sm text-muted" data-too-few="">
            Not ranked, {TOO_FEW_LABEL} (fewer than {MIN_TO_JUDGE} interactions):{' '}
            {unranked.map((t) => `${t.name} (${count(t.kpis.interactions)})`).join(', ')}.
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** Each segment (the target markets) side by side. */
export async function SegmentSection({ filters }: { filters: MetricsFilters }) {
  const rows = await cachedSegmentMetrics(JSON.stringify(filters));
  return (
    <section aria-labelledby="segments-title" className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <h2 id="segments-title" className="text-lg font-semibold">
        Segments compared
      </h2>
      <p className="mt-1 text-sm text-muted">
        “No segment” holds anonymous feedback and customers without a segment. Each rate shows its 95 % interval; a rate
        on fewer than {MIN_TO_JUDGE} interactions or answers is greyed as {TOO_FEW_LABEL}.
      </p>
      {rows.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Interactions</th>
                <th scope="col">Defects</th>
                <th scope="col">DPMO</th>
                <th scope="col">Sigma</th>
                <th scope="col">First-pass yield</th>
                <th scope="col">NPS</th>
                <th scope="col">CSAT</th>
                <th scope="col">Cost of poor quality</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const scope = { ...filters, segment: [s.id ?? NO_SEGMENT] };
                return (
                  <tr key={s.id ?? 'none'}>
                    <th scope="row" className="text-left font-normal">
                      {s.name}
                    </th>
                    <td>
                      <Link prefetch={false} className={linkClass} href={interactionsHref(scope)}>
                        {count(s.kpis.interactions)}
                      </Link>
                    </td>
                    <td>
                      <Link prefetch={false} className={linkClass} href={defectsHref(scope)}>
                        {count(s.kpis.defects)}
                      </Link>
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.dpmo} kind="dpmo" />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.sigma} kind="sigma" />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.firstPassYield} kind="share" />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.nps} kind="nps" />
                    </td>
                    <td>
                      <MetricValueCell metric={s.kpis.csat} kind="share" />
                    </td>
                    <td>{formatMetric(s.kpis.costOfPoorQuality, 'money')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="mt-3">
          <EmptyState>No segments yet.</EmptyState>
        </div>
      )}
    </section>
  );
}
