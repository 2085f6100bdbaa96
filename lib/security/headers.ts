/*
 * The security headers every response carries: pages, the API, exports and the feedback page.
 * Set by proxy.ts, which makes a fresh nonce per request; Next.js reads the nonce back from the
 * request's Content-Security-Policy header and puts it on the scripts it inlines.
 */

export interface SecurityHeaderOptions {
  nonce: string;
  https: boolean;
  development: boolean;
}

export function contentSecurityPolicy({ nonce, development }: Pick<SecurityHeaderOptions, 'nonce' | 'development'>) {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load the app's chunks; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Charts and popovers position elements with style attributes; they cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Feedback links carry their token in the path: never send it to another site.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Only over https: a browser ignores it over http, and it must not pin a plain-http install.
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Whether every part of the address decodes to text the app can store: no NUL, valid UTF-8. */
export function isReadableUrl(url: URL): boolean {
  try {
    const decoded = decodeURIComponent(url.pathname) + decodeURIComponent(url.search.replace(/\+/g, ' '));
    return !decoded.includes('\u0000');
  } catch {
    return false;
  }
}
