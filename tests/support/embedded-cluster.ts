// Vitest globalSetup of the `integration-embedded` project: ONE embedded PostgreSQL server for the
// whole run, in a temporary folder removed afterwards. Each test file creates a database of its
// own on it (tests/support/test-database.ts), as the `postgres` project does on TEST_DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedServer } from '@/db/embedded-server';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'outsidein-test-pg-'));
  const server = await startEmbeddedServer(dataDir);
  project.provide('embeddedServerUrl', server.adminUrl);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
