import { cn } from './cn';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'danger-solid';

const TONES: Record<BadgeTone, string> = {
  neutral: 'border-border bg-background text-muted',
  info: 'border-primary/40 bg-primary/10 text-primary',
  success: 'border-success/40 bg-success/10 text-success',
  warning: 'border-warning/40 bg-warning/10 text-warning',
  danger: 'border-danger/40 bg-danger/10 text-danger',
  // For what must stand out in a busy list (an overdue follow-up); the words carry it too.
  'danger-solid': 'border-danger bg-danger font-semibold text-danger-foreground',
};

/** A small status pill; the text always says what the colour means. */
export function Badge({ tone = 'neutral', className, ...props }: React.ComponentProps<'span'> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}
