import type { NextRequest } from 'next/server';

/** Next.js's own limit on a server action's body (`serverActions.bodySizeLimit`, unset: 1 MB). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** The host a request was addressed to, read as Next.js's action handler reads it. */
function addressedHost(request: NextRequest): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('host');
}

/**
 * Next.js refuses a server action posted from a foreign Origin, and one whose body is over its
 * limit, but answers both with a 500. This answers them first, with 403 and 413 problem details:
 * - any POST outside /api/ (server actions, with or without JavaScript, and the upload routes)
 *   whose Origin is present and names another host: a cross-site form or fetch;
 * - a server action (the `Next-Action` header every JavaScript-enhanced call sends) whose
 *   Content-Length is over the limit, before its body is read.
 * Requests without an Origin (handcrafted, or very old browsers) are left to Next.js, as it does.
 */
export function refuseActionRequest(
  request: NextRequest,
): { type: string; title: string; status: 403 | 413; detail: string } | null {
  if (request.method !== 'POST' || request.nextUrl.pathname.startsWith('/api/')) return null;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host || null;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== addressedHost(request)) {
      return {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'This form was sent from another site. Open the page on this site and send it from there.',
      };
    }
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (request.headers.has('next-action') && Number.isFinite(length) && length > ACTION_BODY_LIMIT_BYTES) {
    return {
      type: 'about:blank',
      title: 'Content Too Large',
      status: 413,
      detail: `The form sent more than ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB. Shorten the text or send a smaller file.`,
    };
  }
  return null;
}
