import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { findPublicFeedbackTouchpoint } from '@/lib/queries/feedback';
import { getCompanySettings } from '@/lib/settings/company';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('feedback.thanks');
  return { title: { absolute: t('metaTitle') } };
}

export default async function FeedbackThanksPage({ params }: { params: Promise<{ token: string }> }) {
  const [touchpoint, company] = await Promise.all([
    findPublicFeedbackTouchpoint({ token: (await params).token }),
    getCompanySettings(),
  ]);
  if (!touchpoint) notFound();
  const t = await getTranslations('feedback.thanks');
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
      <h1 className="mt-5 text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-base text-muted">
        {t.rich('body', {
          touchpoint: touchpoint.name,
          company: company.name,
          strong: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
        })}
      </p>
      <p className="mt-6 text-sm text-muted">{t('close')}</p>
    </div>
  );
}
