'use client';

import { useState } from 'react';
import {
  disableFeedbackLinkAction,
  enableFeedbackLinkAction,
  rotateFeedbackLinkAction,
} from '@/app/(app)/admin/feedback/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';

/** Turn on, rotate (after a confirmation: printed codes stop working) or switch off one link. */
export function FeedbackLinkActions({
  touchpointId,
  touchpointName,
  enabled,
  canEnable,
}: {
  touchpointId: string;
  touchpointName: string;
  enabled: boolean;
  canEnable: boolean;
}) {
  const [message, setMessage] = useState<string>();
  const [confirmingRotate, setConfirmingRotate] = useState(false);
  const settled = (done: string) => ({
    onSuccess: () => (setConfirmingRotate(false), setMessage(done)),
    onFailure: (failure: { message: string }) => (setConfirmingRotate(false), setMessage(failure.message)),
  });
  const enable = useAction(enableFeedbackLinkAction, settled('Feedback link turned on.'));
  const rotate = useAction(rotateFeedbackLinkAction, settled('New link created; the old one no longer works.'));
  const disable = useAction(disableFeedbackLinkAction, settled('Feedback link switched off.'));
  const pending = enable.pending || rotate.pending || disable.pending;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {!enabled ? (
          <Button type="button" disabled={pending || !canEnable} onClick={() => enable.run({ touchpointId })}>
            {/* The name starts with the visible words, so voice control users can say what they see. */}
            {pending ? 'Turning on…' : 'Turn on link'}
            <span className="sr-only"> for {touchpointName}</span>
          </Button>
        ) : confirmingRotate ? (
          <div
            role="group"
            aria-label="Confirm rotation"
            className="flex flex-wrap items-center gap-2 rounded-md border border-warning/40 bg-warning/10 p-2"
          >
            <p className="text-sm">The current link and every printed code stop working.</p>
            <Button
              type="button"
              variant="danger"
              disabled={pending}
              autoFocus
              onClick={() => rotate.run({ touchpointId })}
            >
              {pending ? 'Rotating…' : 'Rotate now'}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirmingRotate(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirmingRotate(true)}>
              Rotate link<span className="sr-only"> for {touchpointName}</span>
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => disable.run({ touchpointId })}>
              {pending ? 'Switching off…' : 'Switch off link'}
              <span className="sr-only"> for {touchpointName}</span>
            </Button>
          </>
        )}
      </div>
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {message}
      </p>
    </div>
  );
}
