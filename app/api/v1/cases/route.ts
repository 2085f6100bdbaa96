import { caseSummaryJson } from '@/lib/api/cases';
import { parameterErrors, problem } from '@/lib/api/problem';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { CASES_PAGE_SIZE, listCases } from '@/lib/queries/cases';
import { caseListSchema } from '@/lib/validation/cases';
import { paramsToObject } from '@/lib/validation/filters';
import { apiRoute } from '@/lib/api/admission';

export const dynamic = 'force-dynamic';

// API keys and managers read every case, as the dashboard does.
const ALL_CASES = { id: '', role: 'manager' } as const;

/** GET /api/v1/cases: cases, newest first, filtered by status and owner, a page at a time. */
export const GET = apiRoute(async function GET(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'metrics:read', permission: 'viewDashboard' });
  if ('response' in auth) return auth.response;
  const parsed = caseListSchema.safeParse(paramsToObject(new URL(request.url).searchParams));
  if (!parsed.success) {
    return problem(400, 'Bad Request', 'A query parameter is malformed.', parameterErrors(parsed.error));
  }
  const { rows, total } = await listCases({ viewer: ALL_CASES, params: parsed.data });
  return Response.json({ data: rows.map(caseSummaryJson), page: parsed.data.page, pageSize: CASES_PAGE_SIZE, total });
});
