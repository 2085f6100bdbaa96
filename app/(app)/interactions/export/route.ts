import { parameterErrors } from '@/lib/api/problem';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { interactionExportColumns, toCsvText } from '@/lib/csv/columns';
import { getCompanySettings } from '@/lib/settings/company';
import { csvResponse, today } from '@/lib/csv/stream';
import { streamInteractions } from '@/lib/queries/interactions';
import { interactionFiltersSchema, paramsToObject } from '@/lib/validation/filters';
import { answerOutages } from '@/lib/api/outage';

export const dynamic = 'force-dynamic';

/** GET /interactions/export?<the list's filters>: the interactions list as filtered, as CSV. */
export const GET = answerOutages(async function GET(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'export:read', permission: 'importExport', reader: true });
  if ('response' in auth) return auth.response;
  const parsed = interactionFiltersSchema.safeParse(paramsToObject(new URL(request.url).searchParams));
  if (!parsed.success)
    return readerProblem(400, 'Bad Request', msg('filtersNotUnderstood'), parameterErrors(parsed.error));
  // Amounts are plain numbers (300.00); the header names their currency (sale_value_eur).
  const { currency } = await getCompanySettings();
  return csvResponse(
    `interactions-${await today()}.csv`,
    interactionExportColumns(currency),
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
