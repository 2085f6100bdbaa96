'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { moveStageAction } from '@/app/(app)/admin/stages/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';

const UP = 'up';
const DOWN = 'down';

/** Up and down buttons that keep keyboard focus on the moved stage as the list reorders. */
export function StageMoveButtons({
  stageId,
  stageName,
  isFirst,
  isLast,
}: {
  stageId: string;
  stageName: string;
  isFirst: boolean;
  isLast: boolean;
}) {
  const t = useTranslations('admin.stages');
  const router = useRouter();
  // Refused or not, the list is read again: someone else may have moved a stage meanwhile.
  const { run, pending, result } = useAction(moveStageAction, {
    onSuccess: () => router.refresh(),
    onFailure: () => router.refresh(),
  });
  const error = result && !result.ok ? result.message : undefined;
  const refocus = useRef<'up' | 'down' | null>(null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (pending || !refocus.current) return;
    // The same direction if it can still move that way, else the other button.
    const preferred = refocus.current === 'up' ? (isFirst ? down : up) : isLast ? up : down;
    refocus.current = null;
    preferred.current?.focus();
  }, [pending, isFirst, isLast]);

  const move = (direction: 'up' | 'down') => {
    refocus.current = direction;
    run({ stageId, direction });
  };
  const moveUp = () => move(UP);
  const moveDown = () => move(DOWN);

  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex gap-2">
        <Button
          ref={up}
          type="button"
          variant="secondary"
          className="px-3"
          disabled={pending || isFirst}
          aria-label={t('moveUp', { name: stageName })}
          onClick={moveUp}
        >
          <span aria-hidden="true">↑</span>
        </Button>
        <Button
          ref={down}
          type="button"
          variant="secondary"
          className="px-3"
          disabled={pending || isLast}
          aria-label={t('moveDown', { name: stageName })}
          onClick={moveDown}
        >
          <span aria-hidden="true">↓</span>
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error}
      </p>
    </div>
  );
}
