import { useTranslations } from 'next-intl';

// Said the same way for a mistyped, rotated or switched-off link: the visitor learns nothing more.
export default function FeedbackLinkNotFound() {
  const t = useTranslations('feedback.notActive');
  return (
    <div className="mt-10 rounded-3xl border border-border bg-surface p-8 text-center shadow-sm">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">{t('eyebrow')}</p>
      <h1 className="mt-3 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-base text-muted">{t('body')}</p>
    </div>
  );
}
