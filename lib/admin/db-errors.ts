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
