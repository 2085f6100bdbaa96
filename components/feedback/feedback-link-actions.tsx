'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('feedback.links');
  const [message, setMessage] = useState<string>();
  const [confirmingRotate, setConfirmingRotate] = useState(false);
  const settled = (done: string) => ({
    onSuccess: () => (setConfirmingRotate(false), setMessage(done)),
    onFailure: (failure: { message: string }) => (setConfirmingRotate(false), setMessage(failure.message)),
  });
  const enable = useAction(enableFeedbackLinkAction, settled(t('turnedOn')));
  const rotate = useAction(rotateFeedbackLinkAction, settled(t('rotated')));
  const disable = useAction(disableFeedbackLinkAction, settled(t('switchedOff')));
  const pending = enable.pending || rotate.pending || disable.pending;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {!enabled ? (
          <Button type="button" disabled={pending || !canEnable} onClick={() => enable.run({ touchpointId })}>
            {/* The name starts with the visible words, so voice control users can say what they see. */}
            {pending ? t('turningOn') : t('turnOn')}
            <span className="sr-only">{t('forTouchpoint', { touchpoint: touchpointName })}</span>
          </Button>
        ) : confirmingRotate ? (
          <div
            role="group"
            aria-label={t('confirmRotation')}
            className="flex flex-wrap items-center gap-2 rounded-md border border-warning/40 bg-warning/10 p-2"
          >
            <p className="text-sm">{t('rotateWarning')}</p>
            <Button
              type="button"
              variant="danger"
              disabled={pending}
              autoFocus
              onClick={() => rotate.run({ touchpointId })}
            >
              {pending ? t('rotating') : t('rotateNow')}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirmingRotate(false)}>
              {t('cancel')}
            </Button>
          </div>
        ) : (
          <>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirmingRotate(true)}>
              {t('rotate')}
              <span className="sr-only">{t('forTouchpoint', { touchpoint: touchpointName })}</span>
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => disable.run({ touchpointId })}>
              {pending ? t('switchingOff') : t('switchOff')}
              <span className="sr-only">{t('forTouchpoint', { touchpoint: touchpointName })}</span>
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
