'use client';

import { useTranslations } from 'next-intl';
import { sendTestPingAction } from '@/app/(app)/admin/webhooks/actions';
import { ActionButton } from './action-button';

/** Sends a signed webhook.test message now and says how the endpoint answered. */
export function TestPingButton({ endpointId }: { endpointId: string }) {
  const t = useTranslations('admin.webhooks');
  return (
    <ActionButton
      action={sendTestPingAction}
      input={{ endpointId }}
      successMessage={(data) => (data as { message: string }).message}
    >
      {t('testPing')}
    </ActionButton>
  );
}
