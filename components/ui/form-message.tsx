import type { ActionResult } from '@/lib/action';
import { cn } from './cn';

/** The form-level message, announced to screen readers as it changes. */
export function FormMessage({ message, tone = 'error' }: { message?: string; tone?: 'error' | 'success' }) {
  return (
    <div aria-live="polite" role="status" className="min-h-5">
      {message ? (
        <p
          className={cn(
            'rounded-md px-3 py-2 text-sm',
            tone === 'error' ? 'bg-danger/10 text-danger' : 'bg-success/10 text-success',
          )}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The message of an action's last answer: its refusal, or `success` (a text, or one read from what
 * the action returned) once it succeeded.
 */
export function ResultMessage<T>({
  result,
  success,
}: {
  result: ActionResult<T> | null | undefined;
  success?: string | ((data: T) => string | undefined);
}) {
  const message = result
    ? result.ok
      ? typeof success === 'function'
        ? success(result.data)
        : success
      : result.message
    : undefined;
  return <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />;
}
