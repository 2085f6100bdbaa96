import { cn } from '@/components/ui/cn';
import { FaceIcon } from './face-icon';

export interface ScaleOption {
  value: number;
  /** Shown under the number or face; for faces it is also the accessible name. */
  label?: string;
}

/**
 * One question as a native radio group: Tab reaches it, the arrow keys choose, and screen readers
 * announce the legend, the choice and its position. The radios are visually hidden behind large
 * tap targets that show focus and the choice.
 */
export function ScaleQuestion({
  name,
  legend,
  hint,
  options,
  columns,
  faces = false,
  anchors,
  defaultValue,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: ScaleOption[];
  /** Grid columns on a phone; wider screens put every option on one row. */
  columns: string;
  faces?: boolean;
  anchors?: [string, string];
  defaultValue?: string;
  error?: string;
}) {
  const hintId = `${name}-hint`;
  const anchorsId = `${name}-anchors`;
  const errorId = `${name}-error`;
  const describedBy =
    [hint ? hintId : null, anchors ? anchorsId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="min-w-0" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-lg font-semibold leading-snug">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className={cn('mt-3 grid gap-2', columns)}>
        {options.map((option) => (
          <label key={option.value} className="relative block">
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === String(option.value)}
              className="peer sr-only"
            />
            <span
              className={cn(
                'flex h-full cursor-pointer select-none flex-col items-center justify-center gap-1 rounded-xl border-2 border-border bg-surface px-1 text-center transition',
                'hover:border-primary/60 peer-checked:border-primary peer-checked:bg-primary peer-checked:text-primary-foreground',
                'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-primary',
                faces ? 'min-h-20 py-2' : option.label ? 'min-h-16 py-2' : 'min-h-12',
              )}
            >
              {faces ? (
                <>
                  <FaceIcon score={option.value} className="size-9" />
                  <span className="text-[0.7rem] leading-tight font-medium">{option.label}</span>
                </>
              ) : (
                <>
                  <span className="text-lg font-semibold tabular-nums">{option.value}</span>
                  {option.label ? (
                    <span className="text-[0.7rem] leading-tight font-medium">{option.label}</span>
                  ) : null}
                </>
              )}
            </span>
          </label>
        ))}
      </div>
      {anchors ? (
        <p id={anchorsId} className="mt-2 flex justify-between gap-4 text-xs text-muted">
          <span>{anchors[0]}</span>
          <span className="text-right">{anchors[1]}</span>
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-2 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
