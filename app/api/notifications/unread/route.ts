import { authorizeSession } from '@/lib/auth/request-auth';
import { countUnreadNotifications } from '@/lib/queries/notifications';

export const dynamic = 'force-dynamic';

/** GET /api/notifications/unread: the bell's count, polled while a page is open. */
export async function GET() {
  const auth = await authorizeSession('viewOwnWork');
  if ('response' in auth) return auth.response;
  return Response.json(
    { unread: await countUnreadNotifications({ userId: auth.user.id }) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
