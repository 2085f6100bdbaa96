import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // 'server-only' throws outside React Server Components; under Vitest it is a no-op.
  'server-only': path.join(root, 'tests/support/empty-module.ts'),
};

const integration = (driver: 'embedded' | 'postgres') => ({
  resolve: { alias },
  test: {
    name: `integration-${driver}`,
    include: ['tests/integration/**/*.test.ts'],
    // Tests of the embedded server itself run once, in the embedded project.
    exclude: driver === 'postgres' ? ['tests/integration/embedded-*.test.ts'] : [],
    // One embedded PostgreSQL server for the whole run; each test file gets a database on it.
    globalSetup: driver === 'embedded' ? ['tests/support/embedded-cluster.ts'] : [],
    setupFiles: ['tests/support/integration-setup.ts'],
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
