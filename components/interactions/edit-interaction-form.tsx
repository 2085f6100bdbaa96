'use client';

import { useRouter } from 'next/navigation';
import { useTimeZone, useTranslations } from 'next-intl';
import { updateInteractionAction } from '@/app/(app)/interactions/actions';
import { Button } from '@/components/ui/button';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import type { TouchpointGroup } from '@/lib/interactions/touchpoint-groups';
import { useMounted } from './use-mounted';
import { InteractionFields, toLocalInputValue, type InteractionDefaults } from './interaction-fields';
import { wallClockFormData } from './when-field';

/** Edits an interaction; saving re-applies the auto-defect rules on the server. */
export function EditInteractionForm({
  id,
  customerId,
  occurredAt,
  groups,
  defaults,
}: {
  id: string;
  customerId: string | null;
  occurredAt: string;
  groups: TouchpointGroup[];
  defaults: Omit<InteractionDefaults, 'occurredAtLocal'>;
}) {
  const t = useTranslations('interactions.edit');
  const timeZone = useTimeZone() ?? 'UTC';
  const router = useRouter();
  const mounted = useMounted();
  const savedText = ({ added, removed }: { added: number; removed: number }) =>
    added || removed ? t('savedRulesReran', { added, removed }) : t('saved');
  const {
    run,
    pending,
    result,
    fieldErrors: errors,
  } = useAction(updateInteractionAction, { onSuccess: () => router.refresh() });

  // The time is shown on the company's wall clock, once hydrated (the field keeps what is typed).
  const local = mounted ? toLocalInputValue(new Date(occurredAt), timeZone) : '';

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = wallClockFormData(event.currentTarget, timeZone);
    run(data);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('formLabel')} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="customerId" value={customerId ?? ''} />
      {local ? (
        <InteractionFields groups={groups} errors={errors} defaults={{ ...defaults, occurredAtLocal: local }} />
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !local}>
          {pending ? t('saving') : t('save')}
        </Button>
      </div>
      <ResultMessage result={result} success={savedText} />
    </form>
  );
}
