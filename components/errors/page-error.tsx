'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useServiceUnavailable } from './use-service-unavailable';

/**
 * What an error boundary shows: during a database outage a calm "temporarily unavailable" page,
 * otherwise that the page could not be shown. Either way nothing the user entered was lost.
 */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const unavailable = useServiceUnavailable();
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  if (unavailable) {
    return (
      <Card role="alert" className="mx-auto mt-8 max-w-lg text-center">
        <h1 className="text-xl font-semibold">{t('unavailable.title')}</h1>
        <p className="mt-2 text-sm text-muted">{t('unavailable.body')}</p>
        <Button className="mt-4" onClick={() => retry()}>
          {t('retry')}
        </Button>
      </Card>
    );
  }
  return (
    <Card role="alert" className="mx-auto mt-8 max-w-lg text-center">
      <h1 className="text-xl font-semibold">{t('failed.title')}</h1>
      <p className="mt-2 text-sm text-muted">{t('failed.body')}</p>
      {digest ? <p className="mt-2 text-xs text-muted">{t('failed.reference', { digest })}</p> : null}
      <Button className="mt-4" onClick={() => retry()}>
        {t('retry')}
      </Button>
    </Card>
  );
}
