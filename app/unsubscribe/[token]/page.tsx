import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { describeUnsubscribeToken } from '@/lib/notifications/unsubscribe';

export const metadata: Metadata = { title: 'Unsubscribe' };

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
  return (
    <main className="mx-auto flex min-h-screen max-w-lg items-center p-4">
      <Card className="w-full">
        <h1 className="mb-2 text-xl font-semibold">{done ? 'You are unsubscribed' : 'Unsubscribe'}</h1>
        {done ? (
          <p className="text-sm">
            {about.email} gets no more email for “{about.label}”. You can switch it on again under Notification settings
            after signing in.
          </p>
        ) : (
          <form method="post" action={`/api/unsubscribe/${token}`} className="flex flex-col gap-3">
            <p className="text-sm">
              Stop emailing {about.email} when “{about.label.toLowerCase()}”?
            </p>
            <div>
              <button type="submit" className={buttonClass('primary')}>
                Unsubscribe
              </button>
            </div>
          </form>
        )}
      </Card>
    </main>
  );
}
