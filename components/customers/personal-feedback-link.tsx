'use client';

import { useState, useTransition } from 'react';
import { createPersonalFeedbackLinkAction } from '@/app/(app)/customers/actions';
import { CopyLink } from '@/components/feedback/copy-link';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-fields';

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
  const [link, setLink] = useState<{ url: string; expiresAt: string }>();
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string[] | undefined> }>();
  const [pending, startTransition] = useTransition();
  if (touchpoints.length === 0)
    return <p className="text-sm text-muted">No touchpoint has its feedback link on: an admin can switch one on.</p>;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await createPersonalFeedbackLinkAction({
            customerId,
            touchpointId: form.get('touchpointId'),
            days: form.get('days'),
          });
          if (!result.ok) {
            setLink(undefined);
            setError({ message: result.message, fieldErrors: result.fieldErrors });
            return;
          }
          setError(undefined);
          setLink(result.data);
        });
      }}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField
          label="Touchpoint"
          name="touchpointId"
          className="sm:flex-1"
          options={touchpoints.map((t) => ({ value: t.id, label: t.name }))}
          error={error?.fieldErrors?.touchpointId}
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
          error={error?.fieldErrors?.days}
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create personal link'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {error?.message}
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
