import { cn } from '@/components/ui/cn';

type ErrorProp = string[] | string | undefined;

const firstError = (error: ErrorProp) => (Array.isArray(error) ? error[0] : error);

function describedBy(name: string, error?: string, hint?: string) {
  return [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function Help({ name, error, hint }: { name: string; error?: string; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

const controlClass = (error?: string) =>
  cn('min-h-10 rounded-md border bg-surface px-3 py-2 text-sm', error ? 'border-danger' : 'border-border');

/** A labelled select with its error beside it. */
export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  className,
  ...select
}: React.ComponentProps<'select'> & {
  label: string;
  name: string;
  error?: ErrorProp;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const text = firstError(error);
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={select.id ?? name} className="text-sm font-medium">
        {label}
      </label>
      <select
        name={name}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(name, text, hint)}
        className={controlClass(text)}
        {...select}
        id={select.id ?? name}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Help name={name} error={text} hint={hint} />
    </div>
  );
}

/** A labelled textarea with its error beside it. */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  className,
  ...textarea
}: React.ComponentProps<'textarea'> & { label: string; name: string; error?: ErrorProp; hint?: string }) {
  const text = firstError(error);
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={textarea.id ?? name} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        name={name}
        rows={3}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(name, text, hint)}
        className={controlClass(text)}
        {...textarea}
        id={textarea.id ?? name}
      />
      <Help name={name} error={text} hint={hint} />
    </div>
  );
}

/** A checkbox with its label to the right. */
export function CheckboxField({
  label,
  name,
  error,
  className,
  ...input
}: React.ComponentProps<'input'> & { label: string; name: string; error?: ErrorProp }) {
  const text = firstError(error);
  const id = input.id ?? name;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="flex min-h-10 items-center gap-2 text-sm font-medium">
        <input id={id} name={name} type="checkbox" className="size-4 accent-primary" aria-describedby={text ? `${name}-error` : undefined} {...input} />
        {label}
      </label>
      <Help name={name} error={text} />
    </div>
  );
}
