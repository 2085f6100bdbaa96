import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';

/**
 * The title of every page, its one-line description, and its actions (right-aligned from sm up).
 * `back` is the list a detail or import page belongs to, shown above the title as "← Label".
 */
export function PageHeader({
  title,
  description,
  back,
  children,
}: {
  title: string;
  description?: string;
  back?: { href: string; label: string };
  children?: React.ReactNode;
}) {
  const t = useTranslations('ui');
  return (
    <header className="mb-6">
      {back ? (
        <p className="mb-2 text-sm">
          <Link href={back.href} className="text-primary underline-offset-2 hover:underline">
            <span aria-hidden="true">← </span>
            <span className="sr-only">{t('backTo')}</span>
            {back.label}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          {/* A long compound word (Benachrichtigungseinstellungen) breaks rather than widen a phone's page. */}
          <h1 className="text-2xl font-semibold break-words hyphens-auto">{title}</h1>
          {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
        </div>
        {children ? <div className="flex shrink-0 flex-wrap items-center gap-2">{children}</div> : null}
      </div>
    </header>
  );
}
