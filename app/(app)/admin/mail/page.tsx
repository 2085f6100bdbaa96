import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { mailConfig } from '@/lib/mail/config';
import { listMailMessages, MAIL_OUTBOX_SIZE } from '@/lib/queries/mail';

export const metadata: Metadata = { title: 'Mail outbox' };

const MAIL_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Sending', tone: 'neutral' },
  sent: { label: 'Sent', tone: 'success' },
  kept: { label: 'Kept (no SMTP)', tone: 'info' },
  failed: { label: 'Failed', tone: 'danger' },
};

export default async function MailOutboxPage() {
  await requirePermission('administer');
  const messages = await listMailMessages();
  const smtp = Boolean(mailConfig().smtpUrl);
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description={
          smtp
            ? `Every message OutsideIn sends, newest first (the latest ${MAIL_OUTBOX_SIZE}).`
            : `SMTP_URL is not set, so mail is kept here instead of being sent: nothing is lost. The latest ${MAIL_OUTBOX_SIZE}.`
        }
      />
      <Card>
        {messages.length === 0 ? <EmptyState>No mail yet.</EmptyState> : null}
        {messages.length > 0 ? (
          <TableScroll label="Mail">
            <table className="card-table w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Subject
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    To
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Created
                  </th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-t border-border align-top">
                    <td data-label="Subject" className="py-2 pr-4">
                      <Link href={`/admin/mail/${m.id}`} className="font-medium text-primary hover:underline">
                        {m.subject}
                      </Link>
                    </td>
                    <td data-label="To" className="py-2 pr-4">
                      {m.toAddress}
                    </td>
                    <td data-label="Status" className="py-2 pr-4">
                      <Badge tone={MAIL_STATUS[m.status]!.tone}>{MAIL_STATUS[m.status]!.label}</Badge>
                      {m.error ? <span className="block text-xs text-danger">{m.error}</span> : null}
                    </td>
                    <td data-label="Created" className="py-2 whitespace-nowrap">
                      {formatDateTime(m.createdAt)}
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
