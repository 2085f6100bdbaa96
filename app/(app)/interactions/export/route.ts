import { parameterErrors, problem } from '@/lib/api/problem';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { INTERACTION_EXPORT_COLUMNS, toCsvText } from '@/lib/csv/columns';
import { csvResponse, today } from '@/lib/csv/stream';
import { streamInteractions } from '@/lib/queries/interactions';
import { interactionFiltersSchema, paramsToObject } from '@/lib/validation/filters';
import { answerOutages } from '@/lib/api/outage';

export const dynamic = 'force-dynamic';

/** GET /interactions/export?<the list's filters>: the interactions list as filtered, as CSV. */
export const GET = answerOutages(async function GET(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'export:read', permission: 'importExport' });
  if ('response' in auth) return auth.response;
  const parsed = interactionFiltersSchema.safeParse(paramsToObject(new URL(request.url).searchParams));
  if (!parsed.success)
    return problem(400, 'Bad Request', 'Some filters were not understood.', parameterErrors(parsed.error));
  return csvResponse(
    `interactions-${today()}.csv`,
    INTERACTION_EXPORT_COLUMNS,
    streamInteractions(parsed.data),
    (r) => [
      r.id,
      r.occurredAt.toISOString(),
      r.customerId ?? '',
      toCsvText(r.customerExternalRef),
      toCsvText(r.customerEmail),
      toCsvText(r.customerName),
      toCsvText(r.touchpoint),
      toCsvText(r.stage),
      r.channel,
      r.source,
      r.outcome,
      r.saleValue ?? '',
      r.expectation ?? '',
      r.experience ?? '',
      r.csat ?? '',
      r.nps ?? '',
      r.effort ?? '',
      toCsvText(r.notes),
      r.sentiment ?? '',
      r.sentimentScore ?? '',
      r.loggedBy ?? '',
      r.openDefects,
    ],
  );
});
