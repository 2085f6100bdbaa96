// The Node.js half of instrumentation.ts, in its own module so the Edge build of instrumentation
// never sees Node-only APIs such as process.exit.
export async function registerNode() {
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
