import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findPublicFeedbackTouchpoint } from '@/lib/queries/feedback';

export const metadata: Metadata = { title: { absolute: 'Thank you for your feedback' } };

export default async function FeedbackThanksPage({ params }: { params: Promise<{ token: string }> }) {
  const touchpoint = await findPublicFeedbackTouchpoint({ token: (await params).token });
  if (!touchpoint) notFound();
  return (
    <div className="mt-10 rounded-3xl border border-border bg-surface p-8 text-center shadow-sm">
      <div
        className="mx-auto flex size-16 items-center justify-center rounded-full bg-success/15 text-success"
        aria-hidden="true"
      >
        <svg
          viewBox="0 0 24 24"
          className="size-9"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M5 12.5l4.5 4.5L19 7.5" />
        </svg>
      </div>
      <h1 className="mt-5 text-3xl font-bold">Thank you!</h1>
      <p className="mt-3 text-base text-muted">
        Your feedback on <span className="font-medium text-foreground">{touchpoint.name}</span> has reached the team.
        Every answer helps us make the next visit better.
      </p>
      <p className="mt-6 text-sm text-muted">You can close this page now.</p>
    </div>
  );
}
