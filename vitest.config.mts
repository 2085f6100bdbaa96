import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // 'server-only' throws outside React Server Components; under Vitest it is a no-op.
  'server-only': path.join(root, 'tests/support/empty-module.ts'),
  // Server actions translate their messages (getTranslations): under Vitest, next-intl's server
  // build with the app's request config, as the Next.js plugin wires them in the app.
  'next-intl/server': path.join(root, 'node_modules/next-intl/dist/esm/production/server.react-server.js'),
  'next-intl/config': path.join(root, 'lib/i18n/request.ts'),
};

const integration = (driver: 'embedded' | 'postgres') => ({
  resolve: { alias },
  test: {
    name: `integration-${driver}`,
    include: ['tests/integration/**/*.test.ts'],
    // Tests of the embedded server itself run once, in the embedded project; so do the replica
    // tests, which bring a primary and replicas of their own.
    exclude:
      driver === 'postgres' ? ['tests/integration/embedded-*.test.ts', 'tests/integration/replica-*.test.ts'] : [],
    // One embedded PostgreSQL server for the whole run; each test file gets a database on it.
    globalSetup: driver === 'embedded' ? ['tests/support/embedded-cluster.ts'] : [],
    setupFiles: ['tests/support/integration-setup.ts'],
    // next-intl's server build imports 'next/headers' bare: let Vite resolve it (and the tests' mocks apply).
    server: { deps: { inline: ['next-intl'] } },
    env: { TEST_DRIVER: driver },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Each integration file gets a database of its own; two at a time suits a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts'] },
      },
      integration('embedded'),
      // PostgreSQL runs too whenever a server is offered for tests.
      ...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : []),
    ],
  },
});
