import { randomUUID } from 'node:crypto';
import { cache } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FeedbackForm } from '@/components/feedback/feedback-form';
import { verifyCustomerToken } from '@/lib/feedback/customer-token';
import { findPublicFeedbackTouchpoint } from '@/lib/queries/feedback';
import { getCompanySettings } from '@/lib/settings/company';
import { submitFeedbackAction } from './actions';

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Metadata and page share one lookup per request.
const loadTouchpoint = cache((token: string) => findPublicFeedbackTouchpoint({ token }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [touchpoint, company] = await Promise.all([loadTouchpoint((await params).token), getCompanySettings()]);
  const t = await getTranslations('feedback.page');
  return {
    title: {
      absolute: touchpoint ? t('title', { touchpoint: touchpoint.name, company: company.name }) : t('notActiveTitle'),
    },
  };
}

/** The public feedback page: no account, no app shell, only the touchpoint's name and question. */
export default async function FeedbackPage({ params, searchParams }: Props) {
  const { token } = await params;
  const [touchpoint, company] = await Promise.all([loadTouchpoint(token), getCompanySettings()]);
  if (!touchpoint) notFound();
  const t = await getTranslations('feedback.page');
  // A personalised link carries a signed customer token (lib/feedback/customer-token.ts). The page
  // never says whose: it only stops asking for an email. The action verifies the token again.
  const given = (await searchParams).c;
  const customerToken = typeof given === 'string' && given !== '' ? given : null;
  const personal = customerToken ? verifyCustomerToken(customerToken, touchpoint.id) : null;
  return (
    <>
      <header className="mb-8">
        {/* Who is asking: the customer knows the company, not OutsideIn. */}
        <p className="mb-3 text-base font-semibold text-foreground">{company.name}</p>
        <p className="text-sm font-semibold uppercase tracking-wide text-primary">{t('eyebrow')}</p>
        <h1 className="mt-2 text-3xl font-bold leading-tight text-balance sm:text-4xl">{touchpoint.name}</h1>
        <p className="mt-3 text-base text-muted">{t('intro')}</p>
      </header>
      {personal && !personal.ok ? (
        <p role="note" className="mb-4 rounded-xl bg-warning/10 px-4 py-3 text-sm text-foreground">
          {personal.reason === 'expired' ? t('personalExpired') : t('personalInvalid')}
        </p>
      ) : null}
      <div className="rounded-3xl border border-border bg-surface p-5 shadow-sm sm:p-8">
        <FeedbackForm
          action={submitFeedbackAction.bind(null, token)}
          submissionId={randomUUID()}
          commentLabel={touchpoint.question ?? t('defaultQuestion')}
          customerToken={personal?.ok ? customerToken! : undefined}
        />
      </div>
      <p className="mt-6 text-center text-xs text-muted">{t('privacy')}</p>
    </>
  );
}
