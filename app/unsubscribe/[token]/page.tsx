import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeUnsubscribeToken } from '@/lib/notifications/unsubscribe';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications.unsubscribe');
  return { title: t('title') };
}

/** The page an email's unsubscribe link opens: one button, no sign-in needed. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const { done } = await searchParams;
  const about = token.length <= 500 ? await describeUnsubscribeToken(token) : null;
  if (!about) notFound();
  const t = await getTranslations('notifications');
  const kind = t(`kinds.${about.type}`);
  return (
    <main className="mx-auto flex min-h-screen max-w-lg items-center p-4">
      <Card className="w-full">
        <h1 className="mb-2 text-xl font-semibold">{done ? t('unsubscribe.done') : t('unsubscribe.title')}</h1>
        {done ? (
          <p className="text-sm">{t('unsubscribe.doneText', { email: about.email, kind })}</p>
        ) : (
          <form method="post" action={`/api/unsubscribe/${token}`} className="flex flex-col gap-3">
            <p className="text-sm">{t('unsubscribe.ask', { email: about.email, kind })}</p>
            <div>
              <button type="submit" className={buttonClass('primary')}>
                {t('unsubscribe.button')}
              </button>
            </div>
          </form>
        )}
      </Card>
    </main>
  );
}
