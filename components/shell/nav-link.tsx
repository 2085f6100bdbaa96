'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        // Long German compounds wrap at their soft hyphen (messages/de/shell.json) instead of being cut off.
        'block rounded-md px-3 py-2 text-sm font-medium hyphens-manual break-words',
        active ? 'bg-primary text-primary-foreground' : 'text-foreground hover:bg-background',
      )}
    >
      {children}
    </Link>
  );
}
