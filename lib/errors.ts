/**
 * Errors the domain raises when it refuses a change. They know nothing of how they reach a user:
 * the action wrapper (`lib/action.ts`) turns them into an `ActionResult`, the HTTP API
 * (`lib/api/problem.ts`) into a problem+json response.
 */

/** Messages per input field, keyed by the field's name. */
export type FieldErrors = Record<string, string[] | undefined>;

/**
 * - invalid: the input breaks a rule (an unknown customer, a date before another).
 * - forbidden: the user's role may not do this to this record.
 * - not-found: the record is gone.
 * - conflict: someone else changed or took it first (a stale version, a duplicate name).
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The HTTP status each kind is answered with, by server actions and the API alike. */
export const DOMAIN_ERROR_STATUS = {
  invalid: 422,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
} as const satisfies Record<DomainErrorKind, number>;
