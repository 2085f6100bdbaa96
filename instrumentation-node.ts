// The Node.js half of instrumentation.ts, in its own module so the Edge build of instrumentation
// never sees Node-only APIs such as process.exit.
export async function registerNode() {
  const { agreeOnSecret, prepareDatabase } = await import('./db/prepare');
  try {
    await prepareDatabase();
    // Without AUTH_SECRET, every instance on this database signs sessions with the key it holds.
    const { shareAuthSecret } = await import('./lib/auth/secret');
    await shareAuthSecret((candidate) => agreeOnSecret('auth', candidate));
  } catch (error) {
    const { isDatabaseUnavailable, rootCause } = await import('./lib/db-errors');
    const message = error instanceof Error ? error.message : String(error);
    const cause = rootCause(error);
    console.error(
      `start-up failed: the database could not be prepared: ${message}${cause && cause !== message ? ` (${cause})` : ''}`,
    );
    if (isDatabaseUnavailable(error))
      console.error(
        'start-up failed: the database does not answer: check that it runs and that DATABASE_URL points at it',
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
