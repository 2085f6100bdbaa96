'use client';

import { Link, useLinkStatus } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

/**
 * A dot that pulses beside the link while its page is on the way: links do not prefetch, so a
 * click waits for the server's render, and this shows it was taken. Always rendered, so the text
 * never moves.
 */
function PendingHint() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      data-pending={pending ? 'true' : undefined}
      className={cn(
        'absolute top-1/2 right-2 size-2 -translate-y-1/2 rounded-full bg-current transition-opacity',
        pending ? 'opacity-80 motion-safe:animate-pulse' : 'opacity-0',
      )}
    />
  );
}

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        // Long German compounds wrap at their soft hyphen (messages/de/shell.json) instead of being cut off.
        'relative block rounded-md py-2 pr-6 pl-3 text-sm font-medium hyphens-manual break-words',
        active ? 'bg-primary text-primary-foreground' : 'text-foreground hover:bg-background',
      )}
    >
      {children}
      <PendingHint />
    </Link>
  );
}
