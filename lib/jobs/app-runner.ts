import 'server-only';
import { getDb } from '@/db';
import { onShutdown } from '@/lib/shutdown';
import { JobRunner } from './runner';
import './handlers';

const state = globalThis as unknown as { __outsideinRunner?: JobRunner };

/** Starts this process's job runner (instrumentation.ts); it runs jobs while it holds the lease. */
export function startAppRunner(): JobRunner {
  if (state.__outsideinRunner) return state.__outsideinRunner;
  const runner = new JobRunner({ getDb });
  state.__outsideinRunner = runner;
  runner.start();
  onShutdown('job runner', () => runner.stop());
  console.log(`jobs: runner ${runner.holder} started`);
  return runner;
}
