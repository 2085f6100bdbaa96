import { cn } from './cn';

// Select, textarea and checkbox companions of the input Field: a label, the control, and the
// hint and error announced through aria-describedby.

type ErrorProp = string[] | string | undefined;

const firstError = (error: ErrorProp) => (Array.isArray(error) ? error[0] : error);

// Keyed by the control's id, which defaults to its name: two forms on one page give distinct ids.
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
  cn('min-h-10 rounded-md border bg-surface px-3 py-2 text-sm', error ? 'border-danger' : 'border-input');

/** A labelled select; give it `options`, or `<option>` children. */
export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  className,
  children,
  ...select
}: React.ComponentProps<'select'> & {
  label: string;
  name: string;
  error?: ErrorProp;
  hint?: string;
  options?: { value: string; label: string }[];
}) {
  const text = firstError(error);
  const id = select.id ?? name;
  return (
    // max-w-full: a long option (a case's title) must not widen the field past a phone's screen.
    <div className={cn('flex min-w-0 max-w-full flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        // React applies a select's defaultValue only when it mounts, and a form action resets the
        // form to it: remount on a new default so a failed submit keeps the option that was chosen.
        key={select.value === undefined ? String(select.defaultValue ?? '') : undefined}
        name={name}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(id, text, hint)}
        className={cn(controlClass(text), 'max-w-full')}
        {...select}
        id={id}
      >
        {options
          ? options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))
          : children}
      </select>
      <Help name={id} error={text} hint={hint} />
    </div>
  );
}

/** A labelled textarea. */
export function TextAreaField({
  label,
  name,
  error,
  hint,
  className,
  ...textarea
}: React.ComponentProps<'textarea'> & { label: string; name: string; error?: ErrorProp; hint?: string }) {
  const text = firstError(error);
  const id = textarea.id ?? name;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        name={name}
        rows={3}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(id, text, hint)}
        className={controlClass(text)}
        {...textarea}
        id={id}
      />
      <Help name={id} error={text} hint={hint} />
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
        <input
          id={id}
          name={name}
          type="checkbox"
          className="size-4 accent-primary"
          aria-describedby={text ? `${id}-error` : undefined}
          {...input}
        />
        {label}
      </label>
      <Help name={id} error={text} />
    </div>
  );
}
