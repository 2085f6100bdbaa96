import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { getMailMessage } from '@/lib/queries/mail';

export const metadata: Metadata = { title: 'Mail' };

export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('administer');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const message = await getMailMessage({ id: id.data });
  if (!message) notFound();
  return (
    <>
      <PageHeader
        title={message.subject}
        description={`To ${message.toAddress}, ${formatDateTime(message.createdAt)}`}
        back={{ href: '/admin/mail', label: 'Mail outbox' }}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card aria-labelledby="html-heading" className="p-0">
          <h2 id="html-heading" className="px-4 pt-4 text-lg font-semibold">
            As HTML
          </h2>
          {/* sandbox without scripts: the message is shown, nothing in it runs. */}
          <iframe
            title="The message as HTML"
            srcDoc={message.html}
            sandbox=""
            className="h-[70vh] w-full rounded-b-lg"
          />
        </Card>
        <Card aria-labelledby="text-heading">
          <h2 id="text-heading" className="mb-2 text-lg font-semibold">
            As plain text
          </h2>
          <pre className="whitespace-pre-wrap break-words text-sm">{message.text}</pre>
        </Card>
      </div>
    </>
  );
}
