'use client';

import { useFormatter, useTranslations } from 'next-intl';
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
  const t = useTranslations('customers.personalLink');
  const format = useFormatter();
  const { submit, pending, result, fieldErrors } = useAction(createPersonalFeedbackLinkAction);
  const link = result?.ok ? result.data : undefined;
  if (touchpoints.length === 0) return <p className="text-sm text-muted">{t('noneLive')}</p>;
  return (
    <form className="flex flex-col gap-3" onSubmit={submit}>
      <input type="hidden" name="customerId" value={customerId} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField
          label={t('touchpoint')}
          name="touchpointId"
          className="sm:flex-1"
          options={touchpoints.map((t) => ({ value: t.id, label: t.name }))}
          error={fieldErrors.touchpointId}
        />
        <SelectField
          label={t('worksFor')}
          name="days"
          defaultValue="30"
          options={[
            { value: '7', label: t('days', { days: 7 }) },
            { value: '30', label: t('days', { days: 30 }) },
            { value: '90', label: t('days', { days: 90 }) },
          ]}
          error={fieldErrors.days}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {result && !result.ok ? result.message : null}
      </p>
      {link ? (
        <div className="flex flex-col gap-1">
          <CopyLink url={link.url} label={t('copyLabel', { name: customerName })} />
          <p className="text-xs text-muted">
            {t('worksUntil', { date: format.dateTime(new Date(link.expiresAt), 'date'), name: customerName })}
          </p>
        </div>
      ) : null}
    </form>
  );
}
