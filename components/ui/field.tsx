import { cn } from './cn';

/** A labelled input with its error beside it, announced through aria-describedby. */
export function Field({
  label,
  name,
  error,
  hint,
  className,
  ...input
}: React.ComponentProps<'input'> & { label: string; name: string; error?: string[] | string; hint?: string }) {
  const errorText = Array.isArray(error) ? error[0] : error;
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  const describedBy = [errorText ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={input.id ?? name} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={input.id ?? name}
        name={name}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          'min-h-10 rounded-md border bg-surface px-3 py-2 text-sm',
          errorText ? 'border-danger' : 'border-input',
        )}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p id={errorId} className="text-sm text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}
