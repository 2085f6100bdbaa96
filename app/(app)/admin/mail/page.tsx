import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { mailConfig } from '@/lib/mail/config';
import { listMailMessages, MAIL_OUTBOX_SIZE } from '@/lib/queries/mail';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.mail');
  return { title: t('title') };
}

const MAIL_STATUS = {
  queued: 'neutral',
  sent: 'success',
  kept: 'info',
  failed: 'danger',
} as const satisfies Record<string, BadgeTone>;
type MailStatus = keyof typeof MAIL_STATUS;

export default async function MailOutboxPage() {
  await requirePermission('administer');
  const messages = await listMailMessages();
  const smtp = Boolean(mailConfig().smtpUrl);
  const t = await getTranslations('admin.mail');
  const format = await getFormatter();
  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          smtp ? t('descriptionSmtp', { size: MAIL_OUTBOX_SIZE }) : t('descriptionKept', { size: MAIL_OUTBOX_SIZE })
        }
      />
      <Card>
        {messages.length === 0 ? <EmptyState>{t('empty')}</EmptyState> : null}
        {messages.length > 0 ? (
          <TableScroll label={t('tableLabel')}>
            <table className="card-table w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('subject')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('to')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('status')}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t('created')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-t border-border align-top">
                    <td data-label={t('subject')} className="py-2 pr-4">
                      <Link href={`/admin/mail/${m.id}`} className="font-medium text-primary hover:underline">
                        {m.subject}
                      </Link>
                    </td>
                    <td data-label={t('to')} className="py-2 pr-4">
                      {m.toAddress}
                    </td>
                    <td data-label={t('status')} className="py-2 pr-4">
                      <Badge tone={MAIL_STATUS[m.status as MailStatus]}>
                        {t(`statuses.${m.status as MailStatus}`)}
                      </Badge>
                      {m.error ? <span className="block text-xs text-danger">{m.error}</span> : null}
                    </td>
                    <td data-label={t('created')} className="py-2 whitespace-nowrap">
                      {format.dateTime(m.createdAt, 'dateTime')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </Card>
    </>
  );
}
