import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { NotificationLink } from '@/components/notifications/notification-link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { notificationTexts } from '@/lib/notifications/event-messages';
import { listNotifications, NOTIFICATIONS_PAGE_SIZE } from '@/lib/queries/notifications';
import { markAllNotificationsReadAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications.list');
  return { title: t('title') };
}

export default async function NotificationsPage() {
  const user = await requirePermission('viewOwnWork');
  const items = await listNotifications({ userId: user.id });
  const unread = items.filter((n) => !n.readAt).length;
  const [t, tAll, format] = await Promise.all([
    getTranslations('notifications.list'),
    getTranslations(),
    getFormatter(),
  ]);
  // Written from the event's facts in the reader's language; a row from before that kept only its text shows that.
  const texts = (item: (typeof items)[number]) =>
    (item.params ? notificationTexts(tAll, format, item.type, item.params) : null) ?? {
      title: item.title,
      body: item.body ?? '',
    };
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { size: NOTIFICATIONS_PAGE_SIZE })}>
        <Link href="/account/notifications" className="text-sm text-primary underline-offset-2 hover:underline">
          {t('choose')}
        </Link>
        {unread > 0 ? (
          <ActionButton action={markAllNotificationsReadAction} input={{}} successMessage={t('allMarked')}>
            {t('markAll')}
          </ActionButton>
        ) : null}
      </PageHeader>
      <Card className="max-w-3xl p-0">
        {items.length === 0 ? (
          <div className="p-4">
            <EmptyState>{t('empty')}</EmptyState>
          </div>
        ) : (
          <ul aria-label={t('title')} className="divide-y divide-border">
            {items.map((item) => {
              const { title, body } = texts(item);
              return (
                <li key={item.id} className={item.readAt ? 'px-4 py-3' : 'bg-primary/5 px-4 py-3'}>
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <NotificationLink id={item.id} href={item.href ?? '/notifications'} unread={!item.readAt}>
                        {title}
                      </NotificationLink>
                      {body ? <p className="mt-0.5 text-sm text-muted">{body}</p> : null}
                      <p className="mt-0.5 text-xs text-muted">{format.dateTime(item.createdAt, 'dateTime')}</p>
                    </div>
                    {item.readAt ? null : (
                      <span className="shrink-0 rounded-full bg-primary px-2 py-0.5 text-xs font-medium text-primary-foreground">
                        {t('new')}
                      </span>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
