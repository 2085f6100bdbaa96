import { parameterErrors } from '@/lib/api/problem';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { getCompanySettings } from '@/lib/settings/company';
import { authorizeSession } from '@/lib/auth/request-auth';
import { defectExportColumns, toCsvText } from '@/lib/csv/columns';
import { csvResponse, today } from '@/lib/csv/stream';
import { iterateDefectsForExport } from '@/lib/queries/defects';
import { defectListParamsSchema } from '@/lib/validation/defects';
import { defectFiltersSchema, paramsToObject } from '@/lib/validation/filters';
import { answerOutages } from '@/lib/api/outage';

/** The defects list as filtered, as CSV, streamed batch by batch however many rows match. */
export const GET = answerOutages(async function GET(request: Request): Promise<Response> {
  const auth = await authorizeSession('importExport', {
    unauthorized: msg('signInToExportDefects'),
    forbidden: msg('exportLeadsOnly'),
  });
  if ('response' in auth) return auth.response;
  const { user } = auth;

  const raw = paramsToObject(new URL(request.url).searchParams);
  const filters = defectFiltersSchema.safeParse(raw);
  if (!filters.success)
    return readerProblem(400, 'Bad Request', msg('filtersNotUnderstood'), parameterErrors(filters.error));
  const params = defectListParamsSchema.safeParse(raw);
  if (!params.success)
    return readerProblem(400, 'Bad Request', msg('parametersNotUnderstood'), parameterErrors(params.error));

  const rows = iterateDefectsForExport({
    viewer: { id: user.id, role: user.role },
    filters: filters.data,
    q: params.data.q,
  });
  // Amounts are plain numbers (300.00); the header names their currency (lost_revenue_eur).
  const { currency } = await getCompanySettings();
  return csvResponse(`defects-${await today()}.csv`, defectExportColumns(currency), rows, (row) => [
    row.id,
    toCsvText(row.title),
    row.status,
    row.kind,
    row.severity,
    toCsvText(row.categoryName),
    toCsvText(row.stageName),
    toCsvText(row.touchpointName),
    row.customerId ?? '',
    toCsvText(row.customerName),
    row.interactionId ?? '',
    toCsvText(row.ownerName),
    row.occurredAt.toISOString(),
    row.dueOn ?? '',
    row.overdue ? 'yes' : 'no',
    row.lostRevenue.toFixed(2),
    row.autoRule ? `auto:${row.autoRule}` : 'manual',
    toCsvText(row.rootCause),
    toCsvText(row.correctiveAction),
    toCsvText(row.dismissReason),
  ]);
});
