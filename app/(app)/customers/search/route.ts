import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { problem } from '@/lib/api/problem';
import { searchCustomers } from '@/lib/queries/customers';
import { customerSearchSchema } from '@/lib/validation/customers';

export const dynamic = 'force-dynamic';

/** GET /customers/search?q=: the log screen's search-as-you-type, a few matches at a time. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, 'Unauthorized', 'Sign in again.');
  if (!can(user.role, 'logInteraction')) return problem(403, 'Forbidden', 'Your role does not allow this.');
  const parsed = customerSearchSchema.safeParse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  if (!parsed.success) return problem(400, 'Bad Request', 'Search for at most 100 characters.');
  return Response.json({ data: await searchCustomers({ q: parsed.data.q }) }, { headers: { 'cache-control': 'no-store' } });
}
