import { buttonClass } from './button';
import { cn } from './cn';
import { Link } from './link';

/**
 * A list's filter form's two buttons: apply (submits the GET form) and clear (a link to `href`,
 * the list unfiltered). They wrap rather than overflow where the column is narrower than both labels.
 */
export function FilterActions({
  apply,
  clear,
  href,
  className,
}: {
  apply: string;
  clear: string;
  href: string;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-wrap items-end gap-2', className)}>
      <button type="submit" className={buttonClass('primary')}>
        {apply}
      </button>
      <Link href={href} className={buttonClass('secondary')}>
        {clear}
      </Link>
    </div>
  );
}
