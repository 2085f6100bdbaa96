'use client';

import { createPersonalFeedbackLinkAction } from '@/app/(app)/customers/actions';
import { CopyLink } from '@/components/feedback/copy-link';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';

/**
 * Makes a personalised feedback link for this customer: the touchpoint's public link with a signed
 * customer token, so the answers count as theirs without anyone having to confirm them.
 */
export function PersonalFeedbackLink({
  customerId,
  customerName,
  touchpoints,
}: {
  customerId: string;
  customerName: string;
  touchpoints: { id: string; name: string }[];
}) {
  const { submit, pending, result, fieldErrors } = useAction(createPersonalFeedbackLinkAction);
  const link = result?.ok ? result.data : undefined;
  if (touchpoints.length === 0)
    return <p className="text-sm text-muted">No touchpoint has its feedback link on: an admin can switch one on.</p>;
  return (
    <form className="flex flex-col gap-3" onSubmit={submit}>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField
          label="Touchpoint"
          name="touchpointId"
          className="sm:flex-1"
          options={touchpoints.map((t) => ({ value: t.id, label: t.name }))}
          error={fieldErrors.touchpointId}
        />
        <SelectField
          label="Works for"
          name="days"
          defaultValue="30"
          options={[
            { value: '7', label: '7 days' },
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
          ]}
          error={fieldErrors.days}
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create personal link'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {result && !result.ok ? result.message : null}
      </p>
      {link ? (
        <div className="flex flex-col gap-1">
          <CopyLink url={link.url} label={`${customerName} (personal)`} />
          <p className="text-xs text-muted">
            Works until {new Date(link.expiresAt).toISOString().slice(0, 10)}. Send it to {customerName} only: whoever
            holds it answers as them.
          </p>
        </div>
      ) : null}
    </form>
  );
}
