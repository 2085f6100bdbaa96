import { cn } from '@/components/ui/cn';

const controlClass = (invalid: boolean) => cn('min-h-10 rounded-md border bg-surface px-3 py-2 text-sm', invalid ? 'border-danger' : 'border-border');

function describedBy(name: string, errorText?: string, hint?: string) {
  return [errorText ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function FieldNotes({ name, errorText, hint }: { name: string; errorText?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${name}-error`} className="text-sm text-danger">
          {errorText}
        </p>
      ) : null}
    </>
  );
}

/** A labelled select with its error beside it, like the input Field. */
export function SelectField({
  label,
  name,
  error,
  hint,
  className,
  children,
  ...select
}: React.ComponentProps<'select'> & { label: string; name: string; error?: string[] | string; hint?: string }) {
  const errorText = Array.isArray(error) ? error[0] : error;
  const id = select.id ?? name;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy(name, errorText, hint)} className={controlClass(Boolean(errorText))} {...select}>
        {children}
      </select>
      <FieldNotes name={name} errorText={errorText} hint={hint} />
    </div>
  );
}

/** A labelled textarea with its error beside it. */
export function TextareaField({
  label,
  name,
  error,
  hint,
  className,
  ...textarea
}: React.ComponentProps<'textarea'> & { label: string; name: string; error?: string[] | string; hint?: string }) {
  const errorText = Array.isArray(error) ? error[0] : error;
  const id = textarea.id ?? name;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea id={id} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy(name, errorText, hint)} className={controlClass(Boolean(errorText))} {...textarea} />
      <FieldNotes name={name} errorText={errorText} hint={hint} />
    </div>
  );
}
