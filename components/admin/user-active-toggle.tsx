'use client';

import { useState, useTransition } from 'react';
import { setUserActiveAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';

export function UserActiveToggle({ userId, userName, active }: { userId: string; userName: string; active: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={active ? 'secondary' : 'primary'}
        disabled={pending}
        aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${userName}`}
        onClick={() =>
          startTransition(async () => {
            const result = await setUserActiveAction({ userId, active: !active });
            setError(result.ok ? undefined : result.message);
          })
        }
      >
        {pending ? 'Saving…' : active ? 'Deactivate' : 'Reactivate'}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error}
      </p>
    </div>
  );
}
