import { parameterErrors } from '@/lib/api/problem';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { CUSTOMER_EXPORT_COLUMNS, toCsvText } from '@/lib/csv/columns';
import { csvResponse, today } from '@/lib/csv/stream';
import { streamCustomers } from '@/lib/queries/customers';
import { customerListParamsSchema } from '@/lib/validation/customers';
import { paramsToObject } from '@/lib/validation/filters';
import { answerOutages } from '@/lib/api/outage';

export const dynamic = 'force-dynamic';

/** GET /customers/export?q=&segment=&lifecycle=&owner=: the customers list as filtered, as CSV. */
export const GET = answerOutages(async function GET(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'export:read', permission: 'importExport', reader: true });
  if ('response' in auth) return auth.response;
  const parsed = customerListParamsSchema.safeParse(paramsToObject(new URL(request.url).searchParams));
  if (!parsed.success)
    return readerProblem(400, 'Bad Request', msg('filtersNotUnderstood'), parameterErrors(parsed.error));
  const params = parsed.data;
  return csvResponse(`customers-${await today()}.csv`, CUSTOMER_EXPORT_COLUMNS, streamCustomers(params), (r) => [
    r.id,
    toCsvText(r.name),
    toCsvText(r.email),
    toCsvText(r.phone),
    toCsvText(r.company),
    toCsvText(r.segment),
    r.lifecycle,
    r.ownerEmail ?? '',
    toCsvText(r.externalRef),
    r.createdAt.toISOString(),
  ]);
});
