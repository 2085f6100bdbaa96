import { getDb } from '@/db';
import { authorizeSession } from '@/lib/auth/request-auth';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { findDuplicateCustomers } from '@/lib/customers/find-duplicates';
import { duplicateQuerySchema } from '@/lib/validation/customers';

export const dynamic = 'force-dynamic';

/**
 * GET /customers/duplicates?name=&email=&phone=: the customers a new one would duplicate, so the
 * forms can warn and offer the match before anyone saves.
 */
export async function GET(request: Request) {
  const auth = await authorizeSession('manageCustomers');
  if ('response' in auth) return auth.response;
  const params = new URL(request.url).searchParams;
  const parsed = duplicateQuerySchema.safeParse({
    name: params.get('name') ?? undefined,
    email: params.get('email') ?? undefined,
    phone: params.get('phone') ?? undefined,
    except: params.get('except') ?? undefined,
  });
  if (!parsed.success) return readerProblem(400, 'Bad Request', msg('duplicateQueryTooLong'));
  const db = await getDb();
  return Response.json(
    { data: await findDuplicateCustomers(db, parsed.data, { exceptId: parsed.data.except }) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
