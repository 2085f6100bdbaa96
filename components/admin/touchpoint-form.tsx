'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createTouchpointAction, updateTouchpointAction } from '@/app/(app)/admin/touchpoints/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import type { EditableTouchpoint as Editable } from '@/lib/queries/touchpoints';
import { CheckboxField, SelectField, TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { CHANNELS } from '@/lib/enums';

const DEFAULTS = {
  // One per rule enabled below.
  opportunities: 3,
  expectationTarget: 4,
  ruleLostSale: true,
  ruleBelowExpectation: true,
  ruleBelowExpectationGap: 1,
  ruleLowCsat: true,
  ruleLowCsatMax: 2,
  ruleLowNps: false,
  ruleLowNpsMax: 6,
};

/** Creates a touchpoint, or edits one when `touchpoint` is given. */
export function TouchpointForm({
  touchpoint,
  stages,
  people = [],
}: {
  touchpoint?: Editable;
  stages: { id: string; name: string }[];
  /** Active people who may own the touchpoint's cases. */
  people?: { id: string; name: string }[];
}) {
  const t = useTranslations('admin.touchpoints.form');
  const tc = useTranslations('admin.common');
  const tChannel = useTranslations('enums.channel');
  const router = useRouter();
  const action = touchpoint ? updateTouchpointAction : createTouchpointAction;
  const form = useAction<unknown>(action, {
    onSuccess: () => {
      if (!touchpoint) router.push('/admin/touchpoints');
      router.refresh();
    },
  });
  // After a failed submit show what was form.values; otherwise the saved values.
  const text = (key: keyof Editable, fallback: string | number | null | undefined) =>
    form.values?.[key] ?? String(fallback ?? '');
  const ticked = (key: keyof Editable, fallback: boolean) => (form.values ? form.values[key] === 'on' : fallback);
  const saved = { ...DEFAULTS, ...touchpoint };

  return (
    <form action={form.formAction} noValidate className="flex flex-col gap-4">
      {touchpoint ? <input type="hidden" name="touchpointId" value={touchpoint.id} /> : null}
      <Field
        label={tc('name')}
        name="name"
        required
        maxLength={120}
        defaultValue={text('name', saved.name)}
        error={form.fieldErrors.name}
      />
      <TextAreaField
        label={tc('description')}
        name="description"
        maxLength={1000}
        defaultValue={text('description', saved.description)}
        error={form.fieldErrors.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('stage')}
          name="stageId"
          defaultValue={text('stageId', saved.stageId ?? stages[0]?.id)}
          error={form.fieldErrors.stageId}
          options={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
        />
        <SelectField
          label={t('channel')}
          name="channel"
          defaultValue={text('channel', saved.channel ?? 'in_person')}
          error={form.fieldErrors.channel}
          options={CHANNELS.map((channel) => ({ value: channel, label: tChannel(channel) }))}
        />
        <Field
          label={t('opportunities')}
          name="opportunities"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          hint={t('opportunitiesHint')}
          defaultValue={text('opportunities', saved.opportunities)}
          error={form.fieldErrors.opportunities}
        />
        <Field
          label={t('expectationTarget')}
          name="expectationTarget"
          type="number"
          inputMode="numeric"
          min={1}
          max={5}
          hint={t('expectationTargetHint')}
          defaultValue={text('expectationTarget', saved.expectationTarget)}
          error={form.fieldErrors.expectationTarget}
        />
        <SelectField
          label={t('owner')}
          name="ownerId"
          hint={t('ownerHint')}
          defaultValue={text('ownerId', saved.ownerId)}
          error={form.fieldErrors.ownerId}
          options={[{ value: '', label: tc('managersQueue') }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
      </div>

      <fieldset className="flex flex-col gap-3 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-semibold">{t('rules')}</legend>
        <p className="text-xs text-muted">{t('rulesNote')}</p>
        <CheckboxField
          label={t('ruleLostSale')}
          name="ruleLostSale"
          defaultChecked={ticked('ruleLostSale', saved.ruleLostSale)}
          error={form.fieldErrors.ruleLostSale}
        />
        <div className="grid items-end gap-3 sm:grid-cols-2">
          <CheckboxField
            label={t('ruleBelowExpectation')}
            name="ruleBelowExpectation"
            defaultChecked={ticked('ruleBelowExpectation', saved.ruleBelowExpectation)}
          />
          <Field
            label={t('ruleBelowExpectationGap')}
            name="ruleBelowExpectationGap"
            type="number"
            inputMode="numeric"
            min={1}
            max={4}
            defaultValue={text('ruleBelowExpectationGap', saved.ruleBelowExpectationGap)}
            error={form.fieldErrors.ruleBelowExpectationGap}
          />
          <CheckboxField
            label={t('ruleLowCsat')}
            name="ruleLowCsat"
            defaultChecked={ticked('ruleLowCsat', saved.ruleLowCsat)}
          />
          <Field
            label={t('ruleLowCsatMax')}
            name="ruleLowCsatMax"
            type="number"
            inputMode="numeric"
            min={1}
            max={4}
            defaultValue={text('ruleLowCsatMax', saved.ruleLowCsatMax)}
            error={form.fieldErrors.ruleLowCsatMax}
          />
          <CheckboxField
            label={t('ruleLowNps')}
            name="ruleLowNps"
            defaultChecked={ticked('ruleLowNps', saved.ruleLowNps)}
          />
          <Field
            label={t('ruleLowNpsMax')}
            name="ruleLowNpsMax"
            type="number"
            inputMode="numeric"
            min={0}
            max={9}
            defaultValue={text('ruleLowNpsMax', saved.ruleLowNpsMax)}
            error={form.fieldErrors.ruleLowNpsMax}
          />
        </div>
      </fieldset>

      <ResultMessage result={form.result} success={tc('saved')} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? tc('saving') : touchpoint ? t('saveChanges') : t('create')}
        </Button>
      </div>
    </form>
  );
}
