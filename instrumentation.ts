// Runs once when a server process starts, before it serves requests: open the database, apply
// migrations, fill an empty database with the demo company, and start the job runner. If the
// database cannot be prepared the process exits non-zero with the reason, so a supervisor restarts
// it once the cause is gone, rather than a server staying up that can only answer errors.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./db/prepare');
  try {
    await prepareDatabase();
  } catch (error) {
    console.error(
      `start-up failed: the database could not be prepared: ${error instanceof Error ? error.message : String(error)}`,
    );
    console.error('start-up failed: exiting with status 1 (a supervisor may restart the server)');
    process.exit(1);
  }
  const { startAppRunner } = await import('./lib/jobs/app-runner');
  startAppRunner();
  // The HTTP server (scripts/serve.mjs) calls this after draining requests on SIGTERM/SIGINT.
  const { shutdown } = await import('./lib/shutdown');
  (globalThis as { __outsideinShutdown?: () => Promise<void> }).__outsideinShutdown = () => shutdown();
}
