'use client';

import { useRouter } from 'next/navigation';
import { markNotificationReadAction } from '@/app/(app)/notifications/actions';
import { useAction } from '@/components/ui/use-action';

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
  // Read or not, the link still opens what it is about.
  const open = () => router.push(href);
  const { run, pending } = useAction(markNotificationReadAction, { onSuccess: open, onFailure: open });
  return (
    <a
      href={href}
      aria-busy={pending}
      className={unread ? 'font-semibold text-primary hover:underline' : 'text-foreground hover:underline'}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        if (unread) run({ id });
        else open();
      }}
    >
      {children}
    </a>
  );
}
