import { NextResponse, type NextRequest } from 'next/server';
import { refuseActionRequest } from '@/lib/security/action-requests';
import { isReadableUrl, securityHeaders } from '@/lib/security/headers';

/**
 * Every request: a fresh CSP nonce and the security headers (lib/security/headers.ts). An address
 * holding a NUL or bytes that are not UTF-8 is refused here with a 400, before any page, export or
 * API handler reads its parameters; a cross-site or oversized server action gets a 403 or 413.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({
    nonce,
    https: request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
    development: process.env.NODE_ENV === 'development',
  });
  if (!isReadableUrl(request.nextUrl)) {
    const refused = Response.json(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The address holds characters that cannot be read (a NUL, or bytes that are not UTF-8).',
      },
      { status: 400, headers: { 'content-type': 'application/problem+json', ...headers } },
    );
    return refused;
  }
  const refusedAction = refuseActionRequest(request);
  if (refusedAction) {
    return Response.json(refusedAction, {
      status: refusedAction.status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static files are hashed and carry no scripts to protect; everything else gets the headers.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
