// Runs once when a server process starts, before it serves requests: open the database, apply
// migrations, fill an empty database with the demo company, and start the job runner. If the
// database cannot be prepared the process exits non-zero with the reason, so a supervisor restarts
// it once the cause is gone, rather than a server staying up that can only answer errors.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { registerNode } = await import('./instrumentation-node');
  await registerNode();
}
