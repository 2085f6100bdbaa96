'use client';

import { Link } from '@/components/ui/link';
import { Bell } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

// Polling, not a stream: docs/notifications.md says why 15 s is soon enough and what SSE would cost.
const POLL_MS = 15_000;

/** The bell with the unread count; it asks again every 15 s and when the tab comes back. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations('shell');
  const [unread, setUnread] = useState(initialUnread);
  // A fresh server render (after marking read, say) brings a newer count: take it.
  const [rendered, setRendered] = useState(initialUnread);
  if (rendered !== initialUnread) {
    setRendered(initialUnread);
    setUnread(initialUnread);
  }
  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      const response = await fetch('/api/notifications/unread', { cache: 'no-store' }).catch(() => null);
      if (!response?.ok || cancelled) return;
      const body = (await response.json()) as { unread: number };
      if (!cancelled) setUnread(body.unread);
    };
    const timer = setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      cancelled = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, []);
  const label = t('bellLabel', { unread });
  return (
    <Link
      href="/notifications"
      aria-label={label}
      data-testid="notification-bell"
      className="relative inline-flex size-10 items-center justify-center rounded-md text-muted hover:bg-background hover:text-foreground focus-visible:outline-2 focus-visible:outline-primary"
    >
      <Bell aria-hidden="true" className="size-5" />
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs font-semibold leading-5 text-danger-foreground"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
