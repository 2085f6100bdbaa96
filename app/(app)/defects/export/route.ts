import { parameterErrors, problem } from '@/lib/api/problem';
import { authorizeSession } from '@/lib/auth/request-auth';
import { toCsvText } from '@/lib/csv/columns';
import { csvResponse, today } from '@/lib/csv/stream';
import { iterateDefectsForExport } from '@/lib/queries/defects';
import { defectListParamsSchema } from '@/lib/validation/defects';
import { defectFiltersSchema, paramsToObject } from '@/lib/validation/filters';
import { answerOutages } from '@/lib/api/outage';

const COLUMNS = [
  'id',
  'title',
  'status',
  'kind',
  'severity',
  'category',
  'stage',
  'touchpoint',
  'customer_id',
  'customer',
  'interaction_id',
  'owner',
  'occurred_at',
  'due_on',
  'overdue',
  'lost_revenue',
  'source',
  'root_cause',
  'corrective_action',
  'dismiss_reason',
] as const;

/** The defects list as filtered, as CSV, streamed batch by batch however many rows match. */
export const GET = answerOutages(async function GET(request: Request): Promise<Response> {
  const auth = await authorizeSession('importExport', {
    unauthorized: 'Sign in to export defects.',
    forbidden: 'Only managers and admins export data.',
  });
  if ('response' in auth) return auth.response;
  const { user } = auth;

  const raw = paramsToObject(new URL(request.url).searchParams);
  const filters = defectFiltersSchema.safeParse(raw);
  if (!filters.success)
    return problem(400, 'Bad Request', 'Some filters were not understood.', parameterErrors(filters.error));
  const params = defectListParamsSchema.safeParse(raw);
  if (!params.success)
    return problem(400, 'Bad Request', 'Some parameters were not understood.', parameterErrors(params.error));

  const rows = iterateDefectsForExport({
    viewer: { id: user.id, role: user.role },
    filters: filters.data,
    q: params.data.q,
  });
  return csvResponse(`defects-${today()}.csv`, COLUMNS, rows, (row) => [
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
