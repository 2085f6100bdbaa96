'use client';

import { useTranslations } from 'next-intl';
import { setUserActiveAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';

export function UserActiveToggle({ userId, userName, active }: { userId: string; userName: string; active: boolean }) {
  const t = useTranslations('admin.common');
  const { run, pending, result } = useAction(setUserActiveAction);
  const error = result && !result.ok ? result.message : undefined;
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={active ? 'secondary' : 'primary'}
        disabled={pending}
        aria-label={active ? t('deactivateNamed', { name: userName }) : t('reactivateNamed', { name: userName })}
        onClick={() => run({ userId, active: !active })}
      >
        {pending ? t('saving') : active ? t('deactivate') : t('reactivate')}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error}
      </p>
    </div>
  );
}
