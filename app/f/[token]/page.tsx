import { randomUUID } from 'node:crypto';
import { cache } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FeedbackForm } from '@/components/feedback/feedback-form';
import { verifyCustomerToken } from '@/lib/feedback/customer-token';
import { findPublicFeedbackTouchpoint } from '@/lib/queries/feedback';
import { submitFeedbackAction } from './actions';

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Metadata and page share one lookup per request.
const loadTouchpoint = cache((token: string) => findPublicFeedbackTouchpoint({ token }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const touchpoint = await loadTouchpoint((await params).token);
  return { title: { absolute: touchpoint ? `Your feedback: ${touchpoint.name}` : 'Feedback link not active' } };
}

/** The public feedback page: no account, no app shell, only the touchpoint's name and question. */
export default async function FeedbackPage({ params, searchParams }: Props) {
  const { token } = await params;
  const touchpoint = await loadTouchpoint(token);
  if (!touchpoint) notFound();
  // A personalised link carries a signed customer token (lib/feedback/customer-token.ts). The page
  // never says whose: it only stops asking for an email. The action verifies the token again.
  const given = (await searchParams).c;
  const customerToken = typeof given === 'string' && given !== '' ? given : null;
  const personal = customerToken ? verifyCustomerToken(customerToken, touchpoint.id) : null;
  return (
    <>
      <header className="mb-8">
        <p className="text-sm font-semibold uppercase tracking-wide text-primary">Your feedback</p>
        <h1 className="mt-2 text-3xl font-bold leading-tight text-balance sm:text-4xl">{touchpoint.name}</h1>
        <p className="mt-3 text-base text-muted">
          How did it go? Every question is optional and it takes less than a minute. Be honest: whatever fell short of
          what you expected helps us most.
        </p>
      </header>
      {personal && !personal.ok ? (
        <p role="note" className="mb-4 rounded-xl bg-warning/10 px-4 py-3 text-sm text-foreground">
          {personal.reason === 'expired'
            ? 'This personal link has expired, so your answers will not be added to your account. You are still welcome to answer.'
            : 'This personal link is not valid, so your answers will not be added to any account. You are still welcome to answer.'}
        </p>
      ) : null}
      <div className="rounded-3xl border border-border bg-surface p-5 shadow-sm sm:p-8">
        <FeedbackForm
          action={submitFeedbackAction.bind(null, token)}
          submissionId={randomUUID()}
          commentLabel={touchpoint.question ?? 'Anything you would like to tell us?'}
          customerToken={personal?.ok ? customerToken! : undefined}
        />
      </div>
      <p className="mt-6 text-center text-xs text-muted">No account needed. We never show your answers publicly.</p>
    </>
  );
}
