import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  const t = useTranslations('errors');
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-muted">404</p>
      <h1 className="text-2xl font-semibold">{t('notFound.title')}</h1>
      <Link href="/" className={buttonClass('secondary')}>
        {t('goHome')}
      </Link>
    </main>
  );
}
