'use client';

import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

// Inside the signed-in shell, so the navigation stays usable when one page fails.
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
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
