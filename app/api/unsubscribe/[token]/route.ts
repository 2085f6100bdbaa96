import { problem } from '@/lib/api/problem';
import { unsubscribeWithToken } from '@/lib/notifications/unsubscribe';

export const dynamic = 'force-dynamic';

/**
 * POST /api/unsubscribe/<token>: the signed link in every email, without signing in. Mail clients
 * call it for one-click unsubscribe (RFC 8058); the confirmation page's button posts here too and
 * is sent back to the page. A GET never changes anything: link scanners follow GETs.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length > 500 || !(await unsubscribeWithToken(token)))
    return problem(404, 'Not Found', 'This unsubscribe link is not valid.');
  const fromPage = (request.headers.get('accept') ?? '').includes('text/html');
  if (fromPage) return Response.redirect(new URL(`/unsubscribe/${token}?done=1`, request.url), 303);
  return new Response(null, { status: 204 });
}
