import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DataAgeNotice } from '@/components/dashboard/data-age-notice';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FiltersForm } from '@/components/dashboard/filters-form';
import type { HeatMeasure } from '@/components/dashboard/heat-map';
import { KpiSkeleton, Skeleton } from '@/components/dashboard/skeletons';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getDashboardBacklogHealth, getDashboardFilterOptions, getDashboardDataAge } from '@/lib/queries/dashboard';
import { filtersToSearchParams, paramsToObject } from '@/lib/validation/filters';
import type { ParetoMeasure } from '@/lib/metrics/pareto';
import {
  metricsFiltersSchema,
  readParetoMeasure,
  readShownTables,
  resolveMetricsFilters,
  type ChartTable,
  type MetricsFilters,
} from '@/lib/validation/metrics';
import { EvaluateChartsButton } from '@/components/cases/case-buttons';
import { BacklogHealthCards } from '@/components/cases/backlog-health';
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
import { getCompanySettings } from '@/lib/settings/company';
import { ThemesSection } from './themes-section';
import { SoftLinks } from '@/components/ui/soft-links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

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
function readFilters(
  raw: Record<string, string | string[]>,
  { timeZone: zone, weekStart }: { timeZone: string; weekStart: number },
): {
  filters: MetricsFilters;
  errors?: Record<string, string[] | undefined>;
} {
  const parsed = metricsFiltersSchema.safeParse(raw);
  if (parsed.success) {
    const resolved = resolveMetricsFilters(parsed.data, new Date(), zone, weekStart);
    if (resolved.ok) return { filters: resolved.filters };
    const fallback = resolveMetricsFilters(EMPTY_SCOPE, new Date(), zone, weekStart);
    if (!fallback.ok) throw new Error('The default dashboard period is invalid.');
    return { filters: fallback.filters, errors: resolved.fieldErrors };
  }
  const fallback = resolveMetricsFilters(EMPTY_SCOPE, new Date(), zone, weekStart);
  if (!fallback.ok) throw new Error('The default dashboard period is invalid.');
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? 'filters')] ??= []).push(issue.message);
  return { filters: fallback.filters, errors };
}

async function BacklogSection() {
  return <BacklogHealthCards health={await getDashboardBacklogHealth()} />;
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('viewDashboard');
  const raw = paramsToObject(await searchParams);
  const { filters, errors } = readFilters(raw, await getCompanySettings());
  const heat: HeatMeasure = raw.heat === 'csat' ? 'csat' : 'sigma';
  const pareto = readParetoMeasure(raw.pareto);
  const limits: PChartLimits = raw.limits === 'laney' ? 'laney' : 'p';
  const tables = readShownTables(raw.tables);
  const [options, dataAge] = await Promise.all([getDashboardFilterOptions(), getDashboardDataAge()]);
  const { from, to, granularity, touchpoint, stage, channel, segment } = filters;
  // The view's choices live in the URL beside the filters; defaults are left out.
  const view = {
    heat: heat === 'sigma' ? undefined : heat,
    pareto: pareto === 'count' ? undefined : pareto,
    limits: limits === 'p' ? undefined : limits,
    tables: tables.length ? tables.join(',') : undefined,
  };
  const viewHref = (change: Partial<typeof view>) =>
    `/dashboard?${filtersToSearchParams({ from, to, granularity, touchpoint, stage, channel, segment, ...view, ...change }).toString()}`;
  const heatHref = (measure: HeatMeasure) => viewHref({ heat: measure === 'sigma' ? undefined : measure });
  const paretoHref = (measure: ParetoMeasure) => viewHref({ pareto: measure === 'count' ? undefined : measure });
  const limitsHref = (choice: PChartLimits) => viewHref({ limits: choice === 'p' ? undefined : choice });
  // A chart's table is rendered only while open; its toggle is this view with it listed or not.
  const tableToggle = (name: ChartTable) => {
    const shown = tables.includes(name);
    const next = shown ? tables.filter((t) => t !== name) : [...tables, name];
    return { shown, href: viewHref({ tables: next.length ? next.join(',') : undefined }) };
  };
  // Each section streams on its own; the key restarts the skeletons when the filters change.
  const key = JSON.stringify(filters);
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', {
          period: periodLabel(format, filters.from, filters.to),
          single: filters.from === filters.to ? 'day' : 'period',
        })}
      >
        <EvaluateChartsButton />
      </PageHeader>
      {dataAge !== null ? <DataAgeNotice seconds={dataAge} /> : null}
      <FiltersForm
        filters={filters}
        options={options}
        view={view}
        errors={errors && (await getRequestValidationTranslator()).fieldErrors(errors)}
      />
      {/* The sections' links are plain anchors (hundreds of them), navigated by one handler. */}
      <SoftLinks className="flex flex-col gap-6">
        <Suspense key={`kpi-${key}`} fallback={<KpiSkeleton />}>
          <KpiSection filters={filters} />
        </Suspense>
        <Suspense fallback={<Skeleton label={t('loading.sections.backlog')} className="h-48" />}>
          <BacklogSection />
        </Suspense>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <Suspense key={`trend-${key}`} fallback={<Skeleton label={t('loading.sections.trend')} className="h-96" />}>
            <TrendSection filters={filters} table={tableToggle('trend')} />
          </Suspense>
          <Suspense
            key={`p-${key}-${limits}`}
            fallback={<Skeleton label={t('loading.sections.pChart')} className="h-96" />}
          >
            <PChartSection filters={filters} limits={limits} limitsHref={limitsHref} table={tableToggle('pchart')} />
          </Suspense>
        </div>
        <Suspense
          key={`journey-${key}-${heat}`}
          fallback={<Skeleton label={t('loading.sections.heat')} className="h-96" />}
        >
          <JourneySection filters={filters} heat={heat} heatHref={heatHref} />
        </Suspense>
        <Suspense key={`rty-${key}`} fallback={<Skeleton label={t('loading.sections.rty')} className="h-96" />}>
          <YieldSection filters={filters} table={tableToggle('rty')} />
        </Suspense>
        <div className="flex flex-col gap-4">
          <Suspense
            key={`pareto-${key}-${pareto}`}
            fallback={<Skeleton label={t('loading.sections.pareto')} className="h-96" />}
          >
            <ParetoSection filters={filters} measure={pareto} measureHref={paretoHref} table={tableToggle('pareto')} />
          </Suspense>
          <Suspense
            key={`segments-${key}`}
            fallback={<Skeleton label={t('loading.sections.segments')} className="h-96" />}
          >
            <SegmentSection filters={filters} />
          </Suspense>
          <Suspense key={`themes-${key}`} fallback={<Skeleton label={t('loading.sections.themes')} className="h-64" />}>
            <ThemesSection filters={filters} />
          </Suspense>
        </div>
      </SoftLinks>
    </>
  );
}
