import 'server-only';

type Hook = () => Promise<void>;

const state = globalThis as unknown as { __outsideinShutdown?: { hooks: Map<string, Hook>; armed: boolean } };
const registry = (state.__outsideinShutdown ??= { hooks: new Map(), armed: false });

/** Longest a clean stop may take before the process exits anyway. */
const GRACE_MS = 10_000;

/**
 * Runs `hook` when the process is asked to stop (SIGTERM, SIGINT), before it exits. Hooks run
 * together and are given GRACE_MS; work they cannot finish is picked up by the next start.
 */
export function onShutdown(name: string, hook: Hook): void {
  registry.hooks.set(name, hook);
  if (registry.armed) return;
  registry.armed = true;
  const stop = (signal: NodeJS.Signals) => {
    const hooks = [...registry.hooks.entries()];
    registry.hooks.clear();
    const timeout = new Promise((resolve) => setTimeout(resolve, GRACE_MS).unref());
    void Promise.race([
      Promise.allSettled(
        hooks.map(([label, run]) =>
          run().catch((error: unknown) => console.error(`shutdown: ${label} failed: ${String(error)}`)),
        ),
      ),
      timeout,
    ]).then(() => process.exit(signal === 'SIGINT' ? 130 : 0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
