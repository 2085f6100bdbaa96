import { onReadTarget } from '@/db';
import { fieldErrorList, parameterErrors, problem } from '@/lib/api/problem';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { getDashboardMetrics } from '@/lib/queries/metrics';
import { getCompanySettings } from '@/lib/settings/company';
import { paramsToObject } from '@/lib/validation/filters';
import { metricsQuerySchema, previousPeriod, resolveMetricsFilters } from '@/lib/validation/metrics';
import { apiRoute } from '@/lib/api/admission';

export const dynamic = 'force-dynamic';

/** GET /api/v1/metrics: every number the dashboard shows, for the same filters, from the same queries. */
export const GET = apiRoute(async function GET(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'metrics:read', permission: 'viewDashboard' });
  if ('response' in auth) return auth.response;

  const parsed = metricsQuerySchema.safeParse(paramsToObject(new URL(request.url).searchParams));
  if (!parsed.success) {
    return problem(400, 'Bad Request', 'A query parameter is malformed.', parameterErrors(parsed.error));
  }
  const { pareto, ...filterInput } = parsed.data;
  const { timeZone, weekStart } = await getCompanySettings();
  const resolved = resolveMetricsFilters(filterInput, new Date(), timeZone, weekStart);
  if (!resolved.ok) {
    return problem(
      422,
      'Unprocessable Content',
      'The period cannot be answered.',
      fieldErrorList(resolved.fieldErrors),
    );
  }

  const filters = resolved.filters;
  // From a read replica when DATABASE_READ_URL names one that is close enough (db/read-replicas.ts).
  const [metrics, { currency }] = await Promise.all([
    onReadTarget((db) => getDashboardMetrics(filters, db, pareto)),
    getCompanySettings(),
  ]);
  const previous = previousPeriod(filters);
  return Response.json({
    data: {
      // Amounts stay plain numbers; the currency they are in is stated once.
      currency,
      period: { from: filters.from, to: filters.to, granularity: filters.granularity },
      previousPeriod: { from: previous.from, to: previous.to },
      filters: {
        touchpoint: filters.touchpoint,
        stage: filters.stage,
        channel: filters.channel,
        segment: filters.segment,
      },
      kpis: { current: metrics.kpis.current, previous: metrics.kpis.previous, change: metrics.kpis.change },
      trend: metrics.trend,
      pChart: metrics.pChart,
      paretoMeasure: metrics.paretoMeasure,
      pareto: metrics.pareto,
      touchpoints: metrics.touchpoints,
      rolledThroughputYield: metrics.rolledThroughputYield,
      segments: metrics.segments,
    },
  });
});
