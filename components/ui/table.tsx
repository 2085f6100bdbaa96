import { cn } from './cn';

/**
 * The scroller every wide table sits in. On a phone the table keeps a readable width and scrolls
 * sideways; shadows at the edges show there is more (the `table-scroll` rule in globals.css).
 * It is a labelled, focusable region, so keyboard users can scroll it with the arrow keys.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    // relative: screen-reader-only content placed absolutely must stay inside the scroller.
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn('table-scroll relative overflow-x-auto', className)}
    >
      {children}
    </div>
  );
}
