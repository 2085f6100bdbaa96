/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder, and argon2 is a
  // native addon: both must stay as plain Node modules rather than be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  experimental: {
    // forbidden() and unauthorized() render real 403/401 pages.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

module.exports = nextConfig;
