import { authorizeSession } from '@/lib/auth/request-auth';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { searchCustomers } from '@/lib/queries/customers';
import { CUSTOMER_SEARCH_MAX, customerSearchSchema } from '@/lib/validation/customers';
import { answerOutages } from '@/lib/api/outage';

export const dynamic = 'force-dynamic';

/** GET /customers/search?q=: the log screen's search-as-you-type, a few matches at a time. */
export const GET = answerOutages(async function GET(request: Request) {
  const auth = await authorizeSession('logInteraction');
  if ('response' in auth) return auth.response;
  const parsed = customerSearchSchema.safeParse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  if (!parsed.success) return readerProblem(400, 'Bad Request', msg('searchAtMost', { max: CUSTOMER_SEARCH_MAX }));
  return Response.json(
    { data: await searchCustomers({ q: parsed.data.q }) },
    { headers: { 'cache-control': 'no-store' } },
  );
});
