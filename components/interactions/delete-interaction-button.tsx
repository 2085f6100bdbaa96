'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { deleteInteractionAction } from '@/app/(app)/interactions/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';

/** Admins only: deletes the interaction and its defects after a second, explicit click. */
export function DeleteInteractionButton({ id, defectCount }: { id: string; defectCount: number }) {
  const t = useTranslations('interactions.delete');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, result } = useAction(deleteInteractionAction, {
    onSuccess: () => router.push('/interactions'),
  });
  const error = result && !result.ok ? result.message : undefined;
  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm">{t('confirm', { defects: defectCount })}</p>
          <Button type="button" variant="danger" disabled={pending} onClick={() => run({ id })}>
            {pending ? t('deleting') : t('yes')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
        </div>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          {t('button')}
        </Button>
      )}
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error}
      </p>
    </div>
  );
}
