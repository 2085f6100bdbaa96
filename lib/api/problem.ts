import type { z } from 'zod';
import { DOMAIN_ERROR_STATUS, type DomainError, type FieldErrors } from '@/lib/errors';
import { englishMessage } from '@/lib/i18n/english';

/** One thing wrong with the request: `pointer` is a JSON pointer into the body, or into the query parameters as an object. */
export type ProblemError = { pointer: string; message: string };

/**
 * An RFC 9457 problem-details response; `errors` lists what is wrong, field by field. The API is
 * read by machines, so its messages are English whatever the caller's language (docs/i18n.md).
 */
export function problem(status: number, title: string, rawDetail?: string, rawErrors?: ProblemError[]): Response {
  const detail = rawDetail === undefined ? undefined : englishMessage(rawDetail);
  const errors = rawErrors?.map((error) => ({ ...error, message: englishMessage(error.message) }));
  return Response.json(
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...(errors?.length ? { errors } : {}) },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

/** Escapes a path segment as RFC 6901 asks, so a key holding `/` or `~` still points at itself. */
const segment = (key: PropertyKey) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** The pointer to a path under `prefix` (itself a JSON pointer, '' for the root). */
export const pointerTo = (prefix: string, path: readonly PropertyKey[]) =>
  prefix + path.map((k) => `/${segment(k)}`).join('');

/** A zod failure's issues, each pointing at where it happened under `prefix`. */
export const issueErrors = (error: z.ZodError, prefix = ''): ProblemError[] =>
  error.issues.map((issue) => ({ pointer: pointerTo(prefix, issue.path), message: issue.message }));

/** A zod failure over query parameters: each issue points at the parameter, whichever of its values is wrong. */
export const parameterErrors = (error: z.ZodError): ProblemError[] =>
  error.issues.map((issue) => ({ pointer: pointerTo('', issue.path.slice(0, 1)), message: issue.message }));

/** Field errors keyed by field name, each pointing at that field under `prefix`. */
export const fieldErrorList = (fieldErrors: FieldErrors, prefix = ''): ProblemError[] =>
  Object.entries(fieldErrors).flatMap(([field, messages]) =>
    (messages ?? []).map((message) => ({ pointer: pointerTo(prefix, [field]), message })),
  );

const DOMAIN_TITLES = {
  invalid: 'Unprocessable Content',
  forbidden: 'Forbidden',
  'not-found': 'Not Found',
  conflict: 'Conflict',
} as const;

/** A domain refusal as a problem; `suffix` adds what the endpoint guarantees (nothing was stored). */
export function domainProblem(error: DomainError, suffix = ''): Response {
  return problem(
    DOMAIN_ERROR_STATUS[error.kind],
    DOMAIN_TITLES[error.kind],
    `${englishMessage(error.message)}${suffix}`,
    fieldErrorList(error.fieldErrors ?? {}),
  );
}
