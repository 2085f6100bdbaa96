'use client';

import { useTranslations } from 'next-intl';
import { setStageOwnerAction } from '@/app/(app)/admin/stages/actions';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form-fields';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

/** Who answers for the cases a signal on one stage's chart opens; blank leaves them to the managers. */
export function StageOwnerForm({
  stageId,
  stageName,
  ownerId,
  people,
}: {
  stageId: string;
  stageName: string;
  ownerId: string | null;
  /** Active people who may own the stage's cases. */
  people: { id: string; name: string }[];
}) {
  const t = useTranslations('admin.stages');
  const tc = useTranslations('admin.common');
  const {
    result: state,
    formAction,
    pending,
    fieldErrors: errors,
    values: typed,
  } = useAction<unknown>(setStageOwnerAction);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <input type="hidden" name="stageId" value={stageId} />
      <SelectField
        id={`stage-${stageId}-owner`}
        label={t('ownerOf', { name: stageName })}
        name="ownerId"
        defaultValue={typed?.ownerId ?? ownerId ?? ''}
        error={errors.ownerId}
        options={[{ value: '', label: tc('managersQueue') }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        className="sm:w-72"
      />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? tc('saving') : t('saveOwner')}
        </Button>
        <FormMessage
          message={state ? (state.ok ? t('ownerSaved') : state.message) : undefined}
          tone={state?.ok ? 'success' : 'error'}
        />
      </div>
    </form>
  );
}
