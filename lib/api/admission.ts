import { env } from '@/lib/env';
import {
  answerOutages,
  databaseRecentlyUnavailable,
  forgettingAfterWrites,
  noteDatabaseOutage,
  onDatabaseOutage,
  serviceUnavailable,
} from './outage';

/*
 * Admission control for the HTTP API. Pages and the API share one Node.js event loop: with two
 * dozen API clients posting batches as fast as they can, every request in flight takes its turn
 * on the loop, and a person opening the sign-in page waits behind all of them. At most
 * API_CONCURRENCY API calls run at once per process (one per CPU by default); the others wait their
 * turn in order, costing nothing while they wait, so pages stay responsive while the API keeps its
 * throughput. Measured by drill 2 (20 writers, 5 readers, 2 CPUs): 4 at once gave GET /login a p95
 * of 168 ms and 2,625 API calls in 22 s; 2 at once 88 ms and 2,458 calls; 1 at once 55 ms and 2,029. A call
 * that cannot start within API_QUEUE_WAIT_MS, or does not answer within API_DEADLINE_MS, gets 503
 * with Retry-After instead of hanging. While the database is failing, calls skip the queue (and
 * the queue is let through at once): each then fails fast on its own rather than waiting behind
 * others that are failing too.
 */

export const API_QUEUE_WAIT_MS = 5_000;
/**
 * An API call that has not answered within this gets 503: the database did not answer in time
 * (postgres.js can leave a transaction's promise pending for good when its connection dies between
 * two statements, porsager/postgres#1186). Connections time out after 4 s.
 */
export const API_DEADLINE_MS = 5_000;

type Admission = 'slot' | 'bypass' | 'refused';

export class Gate {
  private active = 0;
  private readonly waiting: { admit: (how: Admission) => void }[] = [];

  constructor(private readonly limit: number) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** A slot once one is free (in order), 'refused' after `waitMs`, or 'bypass' when flushed. */
  enter(waitMs: number): Promise<Admission> {
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve('slot');
    }
    return new Promise((resolve) => {
      const entry = {
        admit: (how: Admission) => {
          clearTimeout(timer);
          resolve(how);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve('refused');
      }, waitMs);
      this.waiting.push(entry);
    });
  }

  /** Hands the slot to the longest-waiting caller, or frees it. */
  leave(): void {
    const next = this.waiting.shift();
    if (next) next.admit('slot');
    else this.active -= 1;
  }

  /** Lets every waiting caller through at once, without a slot (the database is failing). */
  flush(): void {
    for (const entry of this.waiting.splice(0)) entry.admit('bypass');
  }
}

// One gate per process: Next.js bundles each route separately.
const shared = globalThis as unknown as { __outsideinApiGate?: Gate };
const gate =
  shared.__outsideinApiGate ??
  (() => {
    const created = new Gate(env.API_CONCURRENCY);
    shared.__outsideinApiGate = created;
    onDatabaseOutage(() => created.flush());
    return created;
  })();

const DEADLINE_MESSAGE =
  'The database did not answer in time. Try again shortly; a batch of interactions may be sent again as it was (their ids make it safe).';

/**
 * Runs `handler` when the gate admits it, and answers 503 with Retry-After when it waited too long
 * for its turn or did not answer within `deadlineMs` (its slot is freed then too).
 */
export function admitted<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
  {
    gate: using = gate,
    waitMs = API_QUEUE_WAIT_MS,
    deadlineMs = API_DEADLINE_MS,
  }: { gate?: Gate; waitMs?: number; deadlineMs?: number } = {},
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const admission = databaseRecentlyUnavailable() ? 'bypass' : await using.enter(waitMs);
    if (admission === 'refused')
      return serviceUnavailable('The server is busy with other API calls. Nothing was changed; try again shortly.');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Response>((resolve) => {
      timer = setTimeout(() => {
        noteDatabaseOutage();
        resolve(serviceUnavailable(DEADLINE_MESSAGE));
      }, deadlineMs);
    });
    try {
      // A write answered 503 at the deadline may still commit: it forgets the dashboard's answers when it ends.
      return await Promise.race([Promise.resolve().then(() => forgettingAfterWrites(handler, args)), deadline]);
    } finally {
      clearTimeout(timer);
      if (admission === 'slot') using.leave();
    }
  };
}

/** An /api/v1 route handler: admitted in turn, and a database outage answered with 503. */
export function apiRoute<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
): (...args: A) => Promise<Response> {
  return answerOutages(admitted(handler));
}
