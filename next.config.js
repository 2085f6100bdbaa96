/** @type {import('next').NextConfig} */
const nextConfig = {
  // argon2 is a native addon and must stay a plain Node module rather than be bundled.
  serverExternalPackages: ['@node-rs/argon2', 'postgres'],
  experimental: {
    // forbidden() and unauthorized() render real 403/401 pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

module.exports = nextConfig;
