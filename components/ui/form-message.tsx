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
