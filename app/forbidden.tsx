import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

// forbidden() is only called from pages inside the app shell, which already has the one <main>.
export default function Forbidden() {
  const t = useTranslations('errors');
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-danger">403</p>
      <h1 className="text-2xl font-semibold">{t('forbidden.title')}</h1>
      <p className="max-w-md text-muted">{t('forbidden.body')}</p>
      <Link href="/" className={buttonClass('secondary')}>
        {t('goHome')}
      </Link>
    </div>
  );
}
