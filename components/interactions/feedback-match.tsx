'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { settleFeedbackMatchAction } from '@/app/(app)/interactions/actions';
import { Button } from '@/components/ui/button';

/**
 * Feedback whose typed email matched a customer counts for nobody until a member of staff says
 * whether it really came from them. Both answers are recorded in the audit log.
 */
export function FeedbackMatchDecision({
  interactionId,
  customerName,
}: {
  interactionId: string;
  customerName: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const decide = (decision: 'confirm' | 'reject') =>
    startTransition(async () => {
      const result = await settleFeedbackMatchAction({ interactionId, decision });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(undefined);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={() => decide('confirm')}>
          Confirm it is {customerName}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => decide('reject')}>
          Not them
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error}
      </p>
    </div>
  );
}
