'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteInteractionAction } from '@/app/(app)/interactions/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';

/** Admins only: deletes the interaction and its defects after a second, explicit click. */
export function DeleteInteractionButton({ id, defectCount }: { id: string; defectCount: number }) {
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
          <p className="text-sm">
            Delete this interaction{defectCount ? ` and its ${defectCount} defect${defectCount === 1 ? '' : 's'}` : ''}?
            This is recorded in the audit log.
          </p>
          <Button type="button" variant="danger" disabled={pending} onClick={() => run({ id })}>
            {pending ? 'Deleting…' : 'Yes, delete it'}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          Delete interaction
        </Button>
      )}
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error}
      </p>
    </div>
  );
}
