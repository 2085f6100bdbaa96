import { useTranslations } from 'next-intl';

/**
 * Said when the dashboard reads from a read replica that is behind the primary (DATABASE_READ_URL):
 * the newest few seconds of writes are not in these figures yet.
 */
export function DataAgeNotice({ seconds }: { seconds: number }) {
  const t = useTranslations('dashboard');
  return (
    <p role="status" className="mb-4 rounded-md border border-border bg-surface px-3 py-2 text-sm">
      {t('dataAge', { seconds })}
    </p>
  );
}
