import { cn } from '@/components/ui/cn';

type Common = { label: string; name: string; error?: string[] | string; hint?: string; className?: string };

function describedBy(name: string, errorText?: string, hint?: string) {
  return [errorText ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function Help({ name, errorText, hint }: { name: string; errorText?: string; hint?: string }) {
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

const control = (errorText?: string) => cn('min-h-10 rounded-md border bg-surface px-3 py-2 text-sm', errorText ? 'border-danger' : 'border-border');

/** A labelled select with its error beside it, like components/ui/field. */
export function SelectField({ label, name, error, hint, className, children, ...select }: Common & React.ComponentProps<'select'>) {
  const errorText = Array.isArray(error) ? error[0] : error;
  const id = select.id ?? name;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy(name, errorText, hint)} className={control(errorText)} {...select}>
        {children}
      </select>
      <Help name={name} errorText={errorText} hint={hint} />
    </div>
  );
}

/** A labelled textarea with its error beside it. */
export function TextAreaField({ label, name, error, hint, className, ...area }: Common & React.ComponentProps<'textarea'>) {
  const errorText = Array.isArray(error) ? error[0] : error;
  const id = area.id ?? name;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea id={id} name={name} rows={3} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy(name, errorText, hint)} className={control(errorText)} {...area} />
      <Help name={name} errorText={errorText} hint={hint} />
    </div>
  );
}
