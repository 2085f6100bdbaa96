/** The PostgreSQL error code of a failed query, whichever driver raised it (Drizzle wraps it in `cause`). */
function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current === 'object' && 'code' in current && typeof (current as { code?: unknown }).code === 'string') {
      return (current as { code: string }).code;
    }
    current = typeof current === 'object' && 'cause' in current ? (current as { cause?: unknown }).cause : undefined;
  }
  return undefined;
}

/** A unique index refused the write (23505). */
export const isUniqueViolation = (error: unknown) => errorCode(error) === '23505';

/** A foreign key refused the write (23503): what it points at was removed meanwhile. */
export const isForeignKeyViolation = (error: unknown) => errorCode(error) === '23503';

// Connection-level failures: the server is down, restarting, refusing connections, or too slow;
// or it cannot write for now (its disk is full).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CONNECT_TIMEOUT', // postgres.js: connect_timeout passed
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
  '53100', // disk_full: nothing was written; it works again once space is freed
  '53200', // out_of_memory
  '57014', // query_canceled: statement_timeout
]);

/** The database could not be reached or answer in time: worth a 503 and a retry, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth += 1) {
    if (typeof current !== 'object') return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    // Node reports a refused connection to every address of a host as an AggregateError.
    const inner = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.some(isDatabaseUnavailable)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The innermost message: Drizzle wraps the driver's error (ECONNREFUSED, …) in one quoting the
 * query and its parameters, which must not reach a log or a response.
 */
export function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message || current.name : String(error);
}
