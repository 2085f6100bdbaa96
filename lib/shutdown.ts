import 'server-only';

type Hook = () => Promise<void>;

const state = globalThis as unknown as { __outsideinShutdown?: { hooks: Map<string, Hook>; armed: boolean } };
const registry = (state.__outsideinShutdown ??= { hooks: new Map(), armed: false });

/**
 * Runs `hook` as soon as the process is asked to stop (SIGTERM, SIGINT). Next.js itself finishes
 * in-flight requests and exits; hooks only get a head start on their own cleanup, and work they
 * cannot finish is picked up by the next start. The database closes last, on exit (db/index.ts).
 */
export function onShutdown(name: string, hook: Hook): void {
  registry.hooks.set(name, hook);
  if (registry.armed) return;
  registry.armed = true;
  const run = () => {
    const hooks = [...registry.hooks.entries()];
    registry.hooks.clear();
    for (const [label, hook] of hooks)
      hook().catch((error: unknown) => console.error(`shutdown: ${label} failed: ${String(error)}`));
  };
  process.once('SIGTERM', run);
  process.once('SIGINT', run);
}
