import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FiltersForm } from '@/components/dashboard/filters-form';
import type { HeatMeasure } from '@/components/dashboard/heat-map';
import { KpiSkeleton, Skeleton } from '@/components/dashboard/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getDashboardFilterOptions } from '@/lib/queries/dashboard';
import { filtersToSearchParams, paramsToObject } from '@/lib/validation/filters';
import { metricsFiltersSchema, resolveMetricsFilters, type MetricsFilters } from '@/lib/validation/metrics';
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
} from './sections';

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
  const options = await getDashboardFilterOptions();
  const { from, to, granularity, touchpoint, stage, channel, segment } = filters;
  const heatHref = (measure: HeatMeasure) =>
    `/dashboard?${filtersToSearchParams({ from, to, granularity, touchpoint, stage, channel, segment, heat: measure === 'sigma' ? undefined : measure }).toString()}`;
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
      <FiltersForm filters={filters} options={options} heat={heat} errors={errors} />
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
          <Suspense key={`p-${key}`} fallback={<Skeleton label="the control chart" className="h-96" />}>
            <PChartSection filters={filters} />
          </Suspense>
        </div>
        <Suspense key={`journey-${key}-${heat}`} fallback={<Skeleton label="the journey heat map" className="h-96" />}>
          <JourneySection filters={filters} heat={heat} heatHref={heatHref} />
        </Suspense>
        <div className="flex flex-col gap-4">
          <Suspense key={`pareto-${key}`} fallback={<Skeleton label="the Pareto chart" className="h-96" />}>
            <ParetoSection filters={filters} />
          </Suspense>
          <Suspense key={`segments-${key}`} fallback={<Skeleton label="the segment comparison" className="h-96" />}>
            <SegmentSection filters={filters} />
          </Suspense>
        </div>
      </div>
    </>
  );
}
