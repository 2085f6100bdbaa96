import { once } from 'node:events';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { parameterErrors, problem } from '@/lib/api/problem';
import { authorizeSession } from '@/lib/auth/request-auth';
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

/** Spreadsheets run cells starting with these as formulas; a leading quote keeps them text. */
const text = (value: string | null) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? ''));

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
  const { q } = defectListParamsSchema.parse(raw);

  const csv = stringify({ header: true, columns: [...COLUMNS], cast: { boolean: (v) => (v ? 'yes' : 'no') } });
  const rows = iterateDefectsForExport({ viewer: { id: user.id, role: user.role }, filters: filters.data, q });
  (async () => {
    for await (const batch of rows) {
      for (const row of batch) {
        const record = {
          id: row.id,
          title: text(row.title),
          status: row.status,
          kind: row.kind,
          severity: row.severity,
          category: text(row.categoryName),
          stage: text(row.stageName),
          touchpoint: text(row.touchpointName),
          customer_id: row.customerId ?? '',
          customer: text(row.customerName),
          interaction_id: row.interactionId ?? '',
          owner: text(row.ownerName),
          occurred_at: row.occurredAt.toISOString(),
          due_on: row.dueOn ?? '',
          overdue: row.overdue,
          lost_revenue: row.lostRevenue.toFixed(2),
          source: row.autoRule ? `auto:${row.autoRule}` : 'manual',
          root_cause: text(row.rootCause),
          corrective_action: text(row.correctiveAction),
          dismiss_reason: text(row.dismissReason),
        };
        // Respect backpressure: a slow download pauses the database reads.
        if (!csv.write(record)) await once(csv, 'drain');
      }
    }
    csv.end();
  })().catch((error: unknown) => csv.destroy(error as Error));

  const day = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="defects-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
