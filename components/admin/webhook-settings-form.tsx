'use client';

import { updateWebhookSettingsAction } from '@/app/(app)/admin/webhooks/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

export function WebhookSettingsForm({ allowPrivateTargets }: { allowPrivateTargets: boolean }) {
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
          Allow endpoints on loopback, link-local and private addresses
          <span className="block text-xs text-muted">
            Off by default, so a webhook cannot reach the server&apos;s own network. Switch it on only for receivers
            inside your network.
          </span>
        </span>
      </label>
      <ResultMessage result={state} success={'Saved.'} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save setting'}
        </Button>
      </div>
    </form>
  );
}
