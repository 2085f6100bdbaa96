import createNextIntlPlugin from 'next-intl/plugin';

// next-intl reads each request's language, time zone and formats from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // argon2 is a native addon and must stay a plain Node module rather than be bundled.
  serverExternalPackages: ['@node-rs/argon2', 'postgres'],
  experimental: {
    // forbidden() and unauthorized() render real 403/401 pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // scripts/serve.mjs compresses, with settings cheaper per response than Next.js's default gzip.
  compress: false,
  // The icons' links carry a hash of their content, yet Next.js serves them with max-age=0 and no
  // ETag: every page view fetched the icon again, whole (~10 ms of server CPU). A day is safe: a
  // new icon gets a new link.
  async headers() {
    return ['/icon.svg', '/favicon.ico'].map((source) => ({
      source,
      headers: [{ key: 'Cache-Control', value: 'public, max-age=86400' }],
    }));
  },
};

export default withNextIntl(nextConfig);
