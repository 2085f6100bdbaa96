import 'server-only';
import { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { can, type Permission } from '@/lib/auth/roles';
import { DOMAIN_ERROR_STATUS, DomainError, type FieldErrors } from '@/lib/errors';
import { getValidationTranslator } from '@/lib/i18n/reader';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@/lib/validation/unsafe-text';
import { msg } from '@/lib/validation/messages';
import { forgetDashboardAnswers } from '@/lib/queries/answer-cache';

export type ActionFailure = {
  ok: false;
  status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  message: string;
  fieldErrors?: FieldErrors;
  /** What the user typed, so a form can show it again after a failed submit. */
  values?: Record<string, string>;
};

export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export interface ActionContext {
  user: CurrentUser;
}

// Never echo these back to the browser.
const SECRET_FIELDS = /password|secret|token/i;

/** FormData or a plain object, as the action's schema will read it. */
function toInput(raw: unknown): { input: unknown; values?: Record<string, string> } {
  if (!(raw instanceof FormData)) return { input: raw };
  const input: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of raw.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const previous = input[key];
    input[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    if (typeof value === 'string' && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return { input, values };
}

/**
 * The one guarded entry for server actions: resolves the signed-in user, refuses unless their role
 * holds the permission, validates the input with the schema, and only then runs the body. Every
 * exported server action is a public endpoint, so each is built with this.
 *
 * Every refusal reaches the reader in their language: schema and DomainError messages are message
 * references (lib/validation/messages.ts), translated here, once, for the signed-in user.
 */
export function guardedAction<S extends z.ZodType, T>(
  options: {
    permission: Permission;
    schema: S;
    /** Only the change-password action may run before a one-time password has been replaced. */
    allowPendingPasswordChange?: boolean;
  },
  body: (input: z.output<S>, context: ActionContext) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    const result = await run(raw);
    if (result.ok) return result;
    const t = await getValidationTranslator(result.reader);
    const { reader, ...failure } = result;
    void reader;
    return {
      ...failure,
      message: t.message(failure.message),
      ...(failure.fieldErrors ? { fieldErrors: t.fieldErrors(failure.fieldErrors) } : {}),
    };
  };

  async function run(raw: unknown): Promise<{ ok: true; data: T } | (ActionFailure & { reader: CurrentUser | null })> {
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, message: msg('sessionEnded'), reader: null };
    if (user.mustChangePassword && !options.allowPendingPasswordChange) {
      return { ok: false, status: 403, message: msg('changePasswordFirst'), reader: user };
    }
    if (!can(user.role, options.permission)) {
      return { ok: false, status: 403, message: msg('noPermission'), reader: user };
    }
    const { input, values } = toInput(raw);
    const unsafe = findUnsafeText(input);
    if (unsafe.length) {
      return {
        ok: false,
        status: 422,
        message: msg('fieldsNeedAttention'),
        fieldErrors: Object.fromEntries(unsafe.map((field) => [field, [UNSAFE_TEXT_MESSAGE]])),
        values,
        reader: user,
      };
    }
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        status: 422,
        message: msg('fieldsNeedAttention'),
        fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
        values,
        reader: user,
      };
    }
    try {
      return { ok: true, data: await body(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof DomainError) {
        const status = DOMAIN_ERROR_STATUS[error.kind];
        return { ok: false, status, message: error.message, fieldErrors: error.fieldErrors, values, reader: user };
      }
      throw error;
    } finally {
      // Whatever the body wrote has committed (or rolled back): the dashboard reads again.
      forgetDashboardAnswers();
    }
  }
}
