'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/errors';
import type { TouchpointGroup } from '@/lib/interactions/touchpoint-groups';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { wallClockInZone } from '@/lib/dates';
import { WhenField } from './when-field';

export interface InteractionDefaults {
  touchpointId?: string;
  occurredAtLocal?: string;
  outcome?: string;
  saleValue?: string;
  expectation?: string;
  experience?: string;
  csat?: string;
  nps?: string;
  effort?: string;
  notes?: string;
}

const OUTCOME_ORDER = ['none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated'] as const;

/** A Date as the value of a datetime-local input, on the company's wall clock (docs/settings.md "Time zone"). */
export const toLocalInputValue = (date: Date, zone: string): string => wallClockInZone(date, zone);

/**
 * The fields of one interaction, shared by the log screen and the edit form. Touchpoints come
 * grouped by journey stage; every score is optional.
 */
export function InteractionFields({
  groups,
  defaults = {},
  errors = {},
  formKey,
}: {
  groups: TouchpointGroup[];
  defaults?: InteractionDefaults;
  errors?: FieldErrors;
  /** Changes whenever the form is reset, so the defaults apply again. */
  formKey?: string;
}) {
  const t = useTranslations('interactions.fields');
  const tOutcome = useTranslations('enums.outcome');
  const format = useFormatter();
  // The company's currency symbol as the reader's locale writes it (£, €, US$ …).
  const currency = format.number(0, 'money').replace(/[\d\s.,]/g, '');
  return (
    <div key={formKey} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <SelectField
        label={t('touchpoint')}
        name="touchpointId"
        required
        defaultValue={defaults.touchpointId ?? ''}
        error={errors.touchpointId}
        className="sm:col-span-2"
      >
        <option value="" disabled>
          {t('chooseTouchpoint')}
        </option>
        {groups.map((group) => (
          <optgroup key={group.stageId} label={group.stageName}>
            {group.touchpoints.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <WhenField defaultValue={defaults.occurredAtLocal} error={errors.occurredAt} />
      <SelectField
        label={t('outcome')}
        name="outcome"
        defaultValue={defaults.outcome ?? OUTCOME_ORDER[0]}
        error={errors.outcome}
      >
        {OUTCOME_ORDER.map((o) => (
          <option key={o} value={o}>
            {tOutcome(o)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('saleValue', { currency })}
        name="saleValue"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={defaults.saleValue}
        error={errors.saleValue}
        hint={t('saleValueHint')}
      />
      <fieldset className="grid grid-cols-2 gap-4 sm:col-span-2 sm:grid-cols-5">
        <legend className="mb-2 text-sm font-medium">{t('scores')}</legend>
        <Field
          label={t('expectation')}
          name="expectation"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={defaults.expectation}
          error={errors.expectation}
        />
        <Field
          label={t('experience')}
          name="experience"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={defaults.experience}
          error={errors.experience}
        />
        <Field
          label={t('csat')}
          name="csat"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={defaults.csat}
          error={errors.csat}
        />
        <Field
          label={t('nps')}
          name="nps"
          type="number"
          min={0}
          max={10}
          inputMode="numeric"
          defaultValue={defaults.nps}
          error={errors.nps}
        />
        <Field
          label={t('effort')}
          name="effort"
          type="number"
          min={1}
          max={7}
          inputMode="numeric"
          defaultValue={defaults.effort}
          error={errors.effort}
          hint={t('effortHint')}
        />
      </fieldset>
      <TextAreaField
        label={t('notes')}
        name="notes"
        rows={3}
        maxLength={5000}
        defaultValue={defaults.notes}
        error={errors.notes}
        className="sm:col-span-2"
      />
    </div>
  );
}
