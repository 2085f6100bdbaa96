import { authorizeRequest } from '@/lib/auth/request-auth';
import { onReadTarget } from '@/db';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import { apiRoute } from '@/lib/api/admission';

export const dynamic = 'force-dynamic';

/** GET /api/v1/touchpoints: every touchpoint with its stage, for integrations and BI tools. */
export const GET = apiRoute(async function GET(request: Request) {
  const auth = await authorizeRequest(request, { scope: 'metrics:read', permission: 'viewDashboard' });
  if ('response' in auth) return auth.response;
  return Response.json({ data: await onReadTarget((db) => listTouchpoints(db)) });
});
