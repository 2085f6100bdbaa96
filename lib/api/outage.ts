import { isDatabaseUnavailable, rootCause } from '@/lib/db-errors';
import { forgetDashboardAnswers } from '@/lib/queries/answer-cache';
import { problem } from './problem';
import { BodyNotReceivedError } from './read-body';

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** 503 problem details with Retry-After. */
export function serviceUnavailable(
  detail = 'The database is not reachable right now. Nothing was changed; try again shortly.',
): Response {
  const response = problem(503, 'Service Unavailable', detail);
  response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
  return response;
}

// When the database last failed to answer, and who wants to know at once (per process: Next.js
// bundles routes separately).
const outageState = globalThis as unknown as {
  __outsideinLastOutageAt?: number;
  __outsideinOutageListeners?: (() => void)[];
};
const outageListeners = (outageState.__outsideinOutageListeners ??= []);

/** Records that a request met a database outage now (admission then stops queueing calls). */
export function noteDatabaseOutage(): void {
  outageState.__outsideinLastOutageAt = Date.now();
  for (const listener of outageListeners) listener();
}

/** Calls `listener` whenever a request meets a database outage. */
export function onDatabaseOutage(listener: () => void): void {
  outageListeners.push(listener);
}

/** Whether a request met a database outage within the last `withinMs` (admission skips its queue then). */
export function databaseRecentlyUnavailable(withinMs = 10_000): boolean {
  const at = outageState.__outsideinLastOutageAt;
  return at !== undefined && Date.now() - at < withinMs;
}

/** Whether a route's arguments are a request that may write (anything but GET, HEAD, OPTIONS). */
const writes = (args: unknown[]) =>
  args[0] instanceof Request && !['GET', 'HEAD', 'OPTIONS'].includes(args[0].method.toUpperCase());

/**
 * Runs a route handler and, when its request may have written, forgets the dashboard's remembered
 * answers once the handler is done (lib/queries/answer-cache.ts).
 */
export async function forgettingAfterWrites<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
  args: A,
): Promise<Response> {
  if (!writes(args)) return handler(...args);
  try {
    return await handler(...args);
  } finally {
    forgetDashboardAnswers();
  }
}

/**
 * Wraps a route handler so that a database outage answers 503 problem details with Retry-After,
 * rather than an empty 500. Any other error still propagates.
 */
export function answerOutages<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await forgettingAfterWrites(handler, args);
    } catch (error) {
      // A client that hangs up mid-body is not a database outage (no 10 s of skipped queueing).
      if (error instanceof BodyNotReceivedError) return problem(400, 'Bad Request', error.message);
      if (!isDatabaseUnavailable(error)) throw error;
      noteDatabaseOutage();
      console.error(`database unavailable: ${rootCause(error)}`);
      return serviceUnavailable();
    }
  };
}
