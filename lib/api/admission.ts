import { answerOutages, databaseRecentlyUnavailable, serviceUnavailable } from './outage';

/*
 * Admission control for the HTTP API. Pages and the API share one Node.js event loop: with two
 * dozen API clients posting batches as fast as they can, every request in flight takes its turn
 * on the loop, and a person opening the sign-in page waits behind all of them. At most
 * API_CONCURRENCY API calls run at once per process; the others wait their turn in order, costing
 * nothing while they wait, so pages stay responsive while the API keeps its throughput. A call
 * that cannot start within API_QUEUE_WAIT_MS gets 503 with Retry-After instead of hanging. While
 * the database is failing, calls skip the queue: each then fails fast on its own (a 503 within the
 * connect timeout) rather than waiting behind others that are failing too.
 */

export const API_CONCURRENCY = 4;
export const API_QUEUE_WAIT_MS = 10_000;

export class Gate {
  private active = 0;
  private readonly waiting: { admit: () => void }[] = [];

  constructor(private readonly limit: number) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves true once a slot is this caller's, or false after `waitMs` without one. */
  enter(waitMs: number): Promise<boolean> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const entry = {
        admit: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(false);
      }, waitMs);
      this.waiting.push(entry);
    });
  }

  /** Hands the slot to the longest-waiting caller, or frees it. */
  leave(): void {
    const next = this.waiting.shift();
    if (next) next.admit();
    else this.active -= 1;
  }
}

// One gate per process: Next.js bundles each route separately.
const shared = globalThis as unknown as { __outsideinApiGate?: Gate };
const gate = (shared.__outsideinApiGate ??= new Gate(API_CONCURRENCY));

/** Runs `handler` when the gate admits it; a 503 with Retry-After when it waited too long. */
export function admitted<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
  { gate: using = gate, waitMs = API_QUEUE_WAIT_MS }: { gate?: Gate; waitMs?: number } = {},
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    if (databaseRecentlyUnavailable()) return handler(...args);
    if (!(await using.enter(waitMs)))
      return serviceUnavailable('The server is busy with other API calls. Nothing was changed; try again shortly.');
    try {
      return await handler(...args);
    } finally {
      using.leave();
    }
  };
}

/** An /api/v1 route handler: admitted in turn, and a database outage answered with 503. */
export function apiRoute<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
): (...args: A) => Promise<Response> {
  return answerOutages(admitted(handler));
}
