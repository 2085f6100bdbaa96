// A separate app process that only runs the job runner against DATABASE_URL: two of these test
// the lease across processes, and a kill -9 of one tests recovery after a crash.
// Run: node --import ./scripts/stub-server-only.mjs --import tsx tests/support/runner-process.ts
import { openDatabase } from '@/db/client';
import { useDatabaseForTests as pointAppAt } from '@/db';
import { JobRunner } from '@/lib/jobs/runner';
import '@/lib/jobs/handlers';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const handle = await openDatabase({ url });
  pointAppAt(handle);
  const runner = new JobRunner({
    getDb: async () => handle.db,
    holder: process.env.RUNNER_NAME,
    pollMs: 50,
    leaseMs: Number(process.env.LEASE_MS ?? 30_000),
    jobTimeoutMs: Number(process.env.JOB_TIMEOUT_MS ?? 60_000),
    log: (message) => console.log(message),
  });
  runner.start();
  console.log('runner ready');
  process.on('SIGTERM', () => {
    void runner.stop().then(() => handle.close().then(() => process.exit(0)));
  });
}

void main();
