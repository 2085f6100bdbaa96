'use client';

import { useTranslations } from 'next-intl';
import { updateWebhookSettingsAction } from '@/app/(app)/admin/webhooks/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

export function WebhookSettingsForm({ allowPrivateTargets }: { allowPrivateTargets: boolean }) {
  const t = useTranslations('admin.webhooks');
  const tc = useTranslations('admin.common');
  const { result: state, formAction, pending } = useAction(updateWebhookSettingsAction);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="allowPrivateTargets"
          defaultChecked={allowPrivateTargets}
          className="mt-0.5 size-4 accent-primary"
        />
        <span>
          {t('allowPrivate')}
          <span className="block text-xs text-muted">{t('allowPrivateHint')}</span>
        </span>
      </label>
      <ResultMessage result={state} success={tc('saved')} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? tc('saving') : t('saveSetting')}
        </Button>
      </div>
    </form>
  );
}
