'use client';

import { Field } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/errors';
import type { TouchpointGroup } from '@/lib/interactions/touchpoint-groups';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { WhenField } from './when-field';
import { OUTCOME_LABELS } from '@/lib/enums';

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

const OUTCOME_ORDER = ['none', 'resolved', 'unresolved', 'sale_won', 'sale_lost', 'escalated'];

/** A Date as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

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
  return (
    <div key={formKey} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <SelectField
        label="Touchpoint"
        name="touchpointId"
        required
        defaultValue={defaults.touchpointId ?? ''}
        error={errors.touchpointId}
        className="sm:col-span-2"
      >
        <option value="" disabled>
          Choose where it happened…
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
      <SelectField label="Outcome" name="outcome" defaultValue={defaults.outcome ?? 'none'} error={errors.outcome}>
        {OUTCOME_ORDER.map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABELS[o]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Sale value (£)"
        name="saleValue"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={defaults.saleValue}
        error={errors.saleValue}
        hint="Optional; for a lost sale it becomes the lost revenue"
      />
      <fieldset className="grid grid-cols-2 gap-4 sm:col-span-2 sm:grid-cols-5">
        <legend className="mb-2 text-sm font-medium">The customer’s scores (optional)</legend>
        <Field
          label="Expectation 1–5"
          name="expectation"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={defaults.expectation}
          error={errors.expectation}
        />
        <Field
          label="Experience 1–5"
          name="experience"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={defaults.experience}
          error={errors.experience}
        />
        <Field
          label="CSAT 1–5"
          name="csat"
          type="number"
          min={1}
          max={5}
          inputMode="numeric"
          defaultValue={defaults.csat}
          error={errors.csat}
        />
        <Field
          label="NPS 0–10"
          name="nps"
          type="number"
          min={0}
          max={10}
          inputMode="numeric"
          defaultValue={defaults.nps}
          error={errors.nps}
        />
        <Field
          label="Effort 1–7"
          name="effort"
          type="number"
          min={1}
          max={7}
          inputMode="numeric"
          defaultValue={defaults.effort}
          error={errors.effort}
          hint="7 = very easy"
        />
      </fieldset>
      <TextAreaField
        label="Notes"
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

/** The form's values as the action takes them: the local time becomes an instant. */
export function interactionFormData(form: HTMLFormElement): FormData {
  const data = new FormData(form);
  const local = data.get('occurredAtLocal');
  data.delete('occurredAtLocal');
  if (typeof local === 'string' && local) {
    const date = new Date(local);
    data.set('occurredAt', Number.isNaN(date.getTime()) ? local : date.toISOString());
  }
  return data;
}
