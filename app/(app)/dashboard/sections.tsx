import Link from 'next/link';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { PChart } from '@/components/charts/p-chart';
import { ParetoChart } from '@/components/charts/pareto-chart';
import { monthLabel, shortDay } from '@/components/charts/theme';
import { TrendChart } from '@/components/charts/trend-chart';
import { HeatMap, type HeatMeasure } from '@/components/dashboard/heat-map';
import { KpiCard, type KpiCardProps } from '@/components/dashboard/kpi-card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { defectsHref, interactionsHref } from '@/lib/metrics/drill-down';
import { formatChange, formatMetric, type MetricKind } from '@/lib/metrics/format';
import type { KpiChanges, Kpis } from '@/lib/metrics/kpis';
import {
  cachedKpiSummary,
  cachedPareto,
  cachedSegmentMetrics,
  cachedTouchpointMetrics,
  cachedTrend,
} from '@/lib/queries/dashboard';
import { pChartOf } from '@/lib/queries/metrics';
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
    hint: (k) => `${count(k.defects)} defects in ${count(k.opportunities)} opportunities`,
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
          const tone: KpiCardProps['tone'] =
            change === null || change === 0 || card.higherIsBetter === null
              ? 'neutral'
              : change > 0 === card.higherIsBetter
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
              direction={change === null || change === 0 ? 'flat' : change > 0 ? 'up' : 'down'}
              tone={tone}
              previousLabel={previousLabel}
              hint={card.hint?.(summary.current)}
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

/** The p-chart of defective interactions, with each signal explained and linked to its rows. */
export async function PChartSection({ filters }: { filters: MetricsFilters }) {
  const trend = await cachedTrend(JSON.stringify(filters));
  const chart = pChartOf(trend);
  const signals = chart.points.flatMap((point, i) => (point.signals.length ? [{ point, range: trend[i]! }] : []));
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  return (
    <ChartFrame
      id="p-chart"
      title="Control chart (p-chart) of defective interactions"
      description={
        chart.centre === null
          ? 'No interactions in this period.'
          : `Share of interactions with at least one defect per ${filters.granularity}; centre line p̄ = ${pct(chart.centre)}, limits at ±3σ for each ${filters.granularity}'s size. Red squares break a Western Electric rule.`
      }
      after={
        chart.centre !== null ? (
          <div className="mt-3">
            <h3 className="text-sm font-semibold">Signals</h3>
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
                    — {point.signals.map((s) => s.explanation).join(' ')}{' '}
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
          : `p-chart over ${chart.points.length} ${filters.granularity}s, centre ${pct(chart.centre)}, ${chart.signalCount} out-of-control points.`
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
                <td>{p.signals.map((s) => s.explanation).join(' ') || (p.p === null ? 'gap' : 'in control')}</td>
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
          data={chart.points.map((p) => ({
            label: subgroupLabel(p.period, filters),
            p: p.p === null ? null : p.p * 100,
            ucl: p.ucl === null ? null : p.ucl * 100,
            lcl: p.lcl === null ? null : p.lcl * 100,
            signal: p.signals.length > 0,
          }))}
        />
      )}
    </ChartFrame>
  );
}

/** Defects by category, the vital few first. */
export async function ParetoSection({ filters }: { filters: MetricsFilters }) {
  const bars = await cachedPareto(JSON.stringify(filters));
  const vital = bars.filter((b) => b.vitalFew);
  return (
    <ChartFrame
      id="pareto"
      title="Pareto of defect causes"
      description={
        bars.length
          ? `The vital few — ${vital.map((b) => b.label).join(', ')} — make up the first 80 % of defects. Select a bar to see its defects.`
          : undefined
      }
      summary={
        bars.length
          ? `Defects by category, most first: ${bars.map((b) => `${b.label} ${b.count}`).join(', ')}.`
          : 'No defects in this period.'
      }
      table={
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Defects</th>
              <th scope="col">Share</th>
              <th scope="col">Cumulative</th>
              <th scope="col">Lost revenue</th>
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
                <td>{(b.share * 100).toFixed(1)} %</td>
                <td>{(b.cumulativeShare * 100).toFixed(1)} %</td>
                <td>{formatMetric(b.lostRevenue, 'money')}</td>
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
          data={bars.map((b) => ({
            label: b.label,
            count: b.count,
            cumulative: b.cumulativeShare * 100,
            vitalFew: b.vitalFew,
            href: defectsHref(filters, { category: b.key }),
          }))}
        />
      ) : (
        <EmptyState>No defects in this period: nothing to rank.</EmptyState>
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
      cells: { id: string; name: string; value: Kpis['sigma']; units: number; href: string }[];
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
    });
    stages.set(t.stageId, stage);
  }
  const worst = touchpoints
    .filter((t) => t.kpis.dpmo.value !== null && t.kpis.defects > 0)
    .sort((a, b) => b.kpis.dpmo.value! - a.kpis.dpmo.value!)
    .slice(0, 5);
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
          {heat === 'sigma' ? 'sigma level' : 'CSAT (share of 4–5 answers)'}. Select a touchpoint for its interactions.
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
        <p className="mt-1 text-sm text-muted">Highest DPMO in the period, with the sigma level under it.</p>
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
                      {formatMetric(t.kpis.dpmo, 'dpmo')}
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
            <EmptyState>No defects in this period.</EmptyState>
          </div>
        )}
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
      <p className="mt-1 text-sm text-muted">“No segment” holds anonymous feedback and customers without a segment.</p>
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
                    <td>{formatMetric(s.kpis.dpmo, 'dpmo')}</td>
                    <td>{formatMetric(s.kpis.sigma, 'sigma')}</td>
                    <td>{formatMetric(s.kpis.firstPassYield, 'share')}</td>
                    <td>{formatMetric(s.kpis.nps, 'nps')}</td>
                    <td>{formatMetric(s.kpis.csat, 'share')}</td>
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
