// The app's graceful shutdown. The HTTP server (scripts/serve.mjs) stops accepting and lets the
// requests in flight finish, then calls the function registered here, which runs every hook
// registered with onShutdown (e.g. a job runner draining its queue), and then closes the database
// pool and stops the embedded PostgreSQL server, last, since the hooks may still need them.
import { closeDb } from '@/db';

type Hook = { name: string; run: () => Promise<void> | void };

// One registry per process: Next.js bundles instrumentation and routes separately.
const registry = globalThis as unknown as { __outsideinShutdownHooks?: Hook[] };
const hooks = (registry.__outsideinShutdownHooks ??= []);

/** Hooks get this long, together, before the database is closed anyway. */
export const HOOKS_GRACE_MS = 10_000;

/** Registers work to finish before the database closes on shutdown; returns an unregister function. */
export function onShutdown(name: string, run: () => Promise<void> | void): () => void {
  const hook = { name, run };
  hooks.push(hook);
  return () => {
    const index = hooks.indexOf(hook);
    if (index >= 0) hooks.splice(index, 1);
  };
}

/** Runs the hooks (bounded by HOOKS_GRACE_MS), then closes the database. Safe to call twice. */
export async function shutdown(log: (line: string) => void = console.log): Promise<void> {
  const pending = hooks.splice(0).map(async (hook) => {
    try {
      await hook.run();
    } catch (error) {
      log(`shutdown: ${hook.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const expired = await Promise.race([
    Promise.all(pending).then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), HOOKS_GRACE_MS))),
  ]);
  clearTimeout(timer);
  if (expired) log(`shutdown: hooks still running after ${HOOKS_GRACE_MS / 1000} s; closing the database anyway`);
  await closeDb();
}
