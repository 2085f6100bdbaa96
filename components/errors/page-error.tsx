'use client';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useServiceUnavailable } from './use-service-unavailable';

/**
 * What an error boundary shows: during a database outage a calm "temporarily unavailable" page,
 * otherwise that the page could not be shown. Either way nothing the user entered was lost.
 */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const unavailable = useServiceUnavailable();
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  if (unavailable) {
    return (
      <Card role="alert" className="mx-auto mt-8 max-w-lg text-center">
        <h1 className="text-xl font-semibold">Service temporarily unavailable</h1>
        <p className="mt-2 text-sm text-muted">
          OutsideIn cannot reach its database right now. This usually passes within a minute; nothing you saved was
          lost. Try again in a few seconds.
        </p>
        <Button className="mt-4" onClick={() => retry()}>
          Try again
        </Button>
      </Card>
    );
  }
  return (
    <Card role="alert" className="mx-auto mt-8 max-w-lg text-center">
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-sm text-muted">
        Something went wrong on our side; nothing you entered was lost. Try again, or pick another page from the menu.
      </p>
      {digest ? <p className="mt-2 text-xs text-muted">Reference: {digest}</p> : null}
      <Button className="mt-4" onClick={() => retry()}>
        Try again
      </Button>
    </Card>
  );
}
