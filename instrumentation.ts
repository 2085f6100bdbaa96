// Runs once when a server process starts, before it serves requests: open the database, apply
// migrations, fill an empty database with the demo company, and start the job runner.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./db/prepare');
  await prepareDatabase();
  const { startAppRunner } = await import('./lib/jobs/app-runner');
  startAppRunner();
}
