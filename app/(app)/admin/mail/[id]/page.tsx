import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getMailMessage } from '@/lib/queries/mail';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.mail');
  return { title: t('messageTitle') };
}

export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('administer');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const message = await getMailMessage({ id: id.data });
  if (!message) notFound();
  const t = await getTranslations('admin.mail');
  const format = await getFormatter();
  const back = { href: '/admin/mail', label: t('title') };
  return (
    <>
      <PageHeader
        title={message.subject}
        description={t('toWhen', { to: message.toAddress, when: format.dateTime(message.createdAt, 'dateTime') })}
        back={back}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card aria-labelledby="html-heading" className="p-0">
          <h2 id="html-heading" className="px-4 pt-4 text-lg font-semibold">
            {t('asHtml')}
          </h2>
          {/* sandbox without scripts: the message is shown, nothing in it runs. */}
          <iframe title={t('asHtmlFrame')} srcDoc={message.html} sandbox="" className="h-[70vh] w-full rounded-b-lg" />
        </Card>
        <Card aria-labelledby="text-heading">
          <h2 id="text-heading" className="mb-2 text-lg font-semibold">
            {t('asText')}
          </h2>
          <pre className="whitespace-pre-wrap break-words text-sm">{message.text}</pre>
        </Card>
      </div>
    </>
  );
}
