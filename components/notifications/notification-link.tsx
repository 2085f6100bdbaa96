'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { markNotificationReadAction } from '@/app/(app)/notifications/actions';

/** Opens the record a notification is about, marking it read on the way. */
export function NotificationLink({
  id,
  href,
  unread,
  children,
}: {
  id: string;
  href: string;
  unread: boolean;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <a
      href={href}
      aria-busy={pending}
      className={unread ? 'font-semibold text-primary hover:underline' : 'text-foreground hover:underline'}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        startTransition(async () => {
          if (unread) await markNotificationReadAction({ id });
          router.push(href);
        });
      }}
    >
      {children}
    </a>
  );
}
