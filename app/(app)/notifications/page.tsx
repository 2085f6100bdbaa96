import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/admin/action-button';
import { NotificationLink } from '@/components/notifications/notification-link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { listNotifications, NOTIFICATIONS_PAGE_SIZE } from '@/lib/queries/notifications';
import { markAllNotificationsReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const user = await requirePermission('viewOwnWork');
  const items = await listNotifications({ userId: user.id });
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`What happened that concerns you, newest first (the latest ${NOTIFICATIONS_PAGE_SIZE}).`}
      >
        <Link href="/account/notifications" className="text-sm text-primary underline-offset-2 hover:underline">
          Choose what you are told
        </Link>
        {unread > 0 ? (
          <ActionButton action={markAllNotificationsReadAction} input={{}} successMessage="All marked read.">
            Mark all read
          </ActionButton>
        ) : null}
      </PageHeader>
      <Card className="max-w-3xl p-0">
        {items.length === 0 ? (
          <div className="p-4">
            <EmptyState>
              Nothing yet. You are told here when a defect is assigned to you, among other things.
            </EmptyState>
          </div>
        ) : (
          <ul aria-label="Notifications" className="divide-y divide-border">
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? 'px-4 py-3' : 'bg-primary/5 px-4 py-3'}>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <NotificationLink id={item.id} href={item.href ?? '/notifications'} unread={!item.readAt}>
                      {item.title}
                    </NotificationLink>
                    {item.body ? <p className="mt-0.5 text-sm text-muted">{item.body}</p> : null}
                    <p className="mt-0.5 text-xs text-muted">{formatDateTime(item.createdAt)}</p>
                  </div>
                  {item.readAt ? null : (
                    <span className="shrink-0 rounded-full bg-primary px-2 py-0.5 text-xs font-medium text-primary-foreground">
                      New
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
