'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { settleFeedbackMatchAction } from '@/app/(app)/interactions/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';

const CONFIRM = 'confirm';
const REJECT = 'reject';

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
  const t = useTranslations('interactions.feedbackMatch');
  const router = useRouter();
  const { run, pending, result } = useAction(settleFeedbackMatchAction, { onSuccess: () => router.refresh() });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={pending} onClick={() => run({ interactionId, decision: CONFIRM })}>
          {t('confirm', { name: customerName })}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => run({ interactionId, decision: REJECT })}
        >
          {t('reject')}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {result && !result.ok ? result.message : null}
      </p>
    </div>
  );
}
