import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FiltersForm } from '@/components/dashboard/filters-form';
import type { HeatMeasure } from '@/components/dashboard/heat-map';
import { KpiSkeleton, Skeleton } from '@/components/dashboard/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getDashboardFilterOptions } from '@/lib/queries/dashboard';
import { filtersToSearchParams, paramsToObject } from '@/lib/validation/filters';
import type { ParetoMeasure } from '@/lib/metrics/pareto';
import {
  metricsFiltersSchema,
  readParetoMeasure,
  resolveMetricsFilters,
  type MetricsFilters,
} from '@/lib/validation/metrics';
import { EvaluateChartsButton } from '@/components/cases/case-buttons';
import { BacklogHealthCards } from '@/components/cases/backlog-health';
import { getBacklogHealth } from '@/lib/queries/backlog';
import {
  JourneySection,
  KpiSection,
  ParetoSection,
  PChartSection,
  periodLabel,
  SegmentSection,
  TrendSection,
  YieldSection,
  type PChartLimits,
} from './sections';
import { ThemesSection } from './themes-section';

export const metadata: Metadata = { title: 'Dashboard' };

const EMPTY_SCOPE = {
  touchpoint: [],
  stage: [],
  channel: [],
  segment: [],
  from: undefined,
  to: undefined,
  granularity: undefined,
};

/** The URL's filters, or the default view (last 30 days) with the reasons when they do not parse. */
function readFilters(raw: Record<string, string | string[]>): {
  filters: MetricsFilters;
  errors?: Record<string, string[] | undefined>;
} {
  const parsed = metricsFiltersSchema.safeParse(raw);
  if (parsed.success) {
    const resolved = resolveMetricsFilters(parsed.data);
    if (resolved.ok) return { filters: resolved.filters };
    const fallback = resolveMetricsFilters(EMPTY_SCOPE);
    if (!fallback.ok) throw new Error('The default dashboard period is invalid.');
    return { filters: fallback.filters, errors: resolved.fieldErrors };
  }
  const fallback = resolveMetricsFilters(EMPTY_SCOPE);
  if (!fallback.ok) throw new Error('The default dashboard period is invalid.');
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? 'filters')] ??= []).push(issue.message);
  return { filters: fallback.filters, errors };
}

async function BacklogSection() {
  return <BacklogHealthCards health={await getBacklogHealth()} />;
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('viewDashboard');
  const raw = paramsToObject(await searchParams);
  const { filters, errors } = readFilters(raw);
  const heat: HeatMeasure = raw.heat === 'csat' ? 'csat' : 'sigma';
  const pareto = readParetoMeasure(raw.pareto);
  const limits: PChartLimits = raw.limits === 'laney' ? 'laney' : 'p';
  const options = await getDashboardFilterOptions();
  const { from, to, granularity, touchpoint, stage, channel, segment } = filters;
  // The view's choices live in the URL beside the filters; defaults are left out.
  const view = {
    heat: heat === 'sigma' ? undefined : heat,
    pareto: pareto === 'count' ? undefined : pareto,
    limits: limits === 'p' ? undefined : limits,
  };
  const viewHref = (change: Partial<typeof view>) =>
    `/dashboard?${filtersToSearchParams({ from, to, granularity, touchpoint, stage, channel, segment, ...view, ...change }).toString()}`;
  const heatHref = (measure: HeatMeasure) => viewHref({ heat: measure === 'sigma' ? undefined : measure });
  const paretoHref = (measure: ParetoMeasure) => viewHref({ pareto: measure === 'count' ? undefined : measure });
  const limitsHref = (choice: PChartLimits) => viewHref({ limits: choice === 'p' ? undefined : choice });
  // Each section streams on its own; the key restarts the skeletons when the filters change.
  const key = JSON.stringify(filters);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${periodLabel(filters.from, filters.to)}, compared with the ${filters.from === filters.to ? 'day' : 'period of the same length'} before.`}
      >
        <EvaluateChartsButton />
      </PageHeader>
      <FiltersForm filters={filters} options={options} view={view} errors={errors} />
      <div className="flex flex-col gap-6">
        <Suspense key={`kpi-${key}`} fallback={<KpiSkeleton />}>
          <KpiSection filters={filters} />
        </Suspense>
        <Suspense fallback={<Skeleton label="the backlog" className="h-48" />}>
          <BacklogSection />
        </Suspense>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <Suspense key={`trend-${key}`} fallback={<Skeleton label="the trend" className="h-96" />}>
            <TrendSection filters={filters} />
          </Suspense>
          <Suspense key={`p-${key}-${limits}`} fallback={<Skeleton label="the control chart" className="h-96" />}>
            <PChartSection filters={filters} limits={limits} limitsHref={limitsHref} />
          </Suspense>
        </div>
        <Suspense key={`journey-${key}-${heat}`} fallback={<Skeleton label="the journey heat map" className="h-96" />}>
          <JourneySection filters={filters} heat={heat} heatHref={heatHref} />
        </Suspense>
        <Suspense key={`rty-${key}`} fallback={<Skeleton label="the rolled throughput yield" className="h-96" />}>
          <YieldSection filters={filters} />
        </Suspense>
        <div className="flex flex-col gap-4">
          <Suspense key={`pareto-${key}-${pareto}`} fallback={<Skeleton label="the Pareto chart" className="h-96" />}>
            <ParetoSection filters={filters} measure={pareto} measureHref={paretoHref} />
          </Suspense>
          <Suspense key={`segments-${key}`} fallback={<Skeleton label="the segment comparison" className="h-96" />}>
            <SegmentSection filters={filters} />
          </Suspense>
          <Suspense key={`themes-${key}`} fallback={<Skeleton label="the keyword themes" className="h-64" />}>
            <ThemesSection filters={filters} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
