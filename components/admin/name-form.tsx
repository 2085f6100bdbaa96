'use client';

import { useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import type { ActionResult } from '@/lib/action';
import { TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';

/**
 * The small form behind creating and renaming stages, categories and segments: a name, and a
 * description where the thing has one. Hidden fields carry the id of what is renamed.
 */
export function NameForm({
  action,
  hidden = {},
  idPrefix,
  defaults = {},
  withDescription = false,
  submitLabel,
  successMessage,
  resetOnSuccess = false,
}: {
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  hidden?: Record<string, string>;
  idPrefix: string;
  defaults?: { name?: string; description?: string | null };
  withDescription?: boolean;
  submitLabel: string;
  successMessage: string;
  resetOnSuccess?: boolean;
}) {
  const t = useTranslations('admin.common');
  const formRef = useRef<HTMLFormElement>(null);
  const form = useAction(action, {
    onSuccess: () => {
      if (resetOnSuccess) formRef.current?.reset();
    },
  });
  return (
    <form ref={formRef} action={form.formAction} noValidate className="flex flex-col gap-3">
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <Field
        id={`${idPrefix}-name`}
        label={t('name')}
        name="name"
        required
        maxLength={80}
        defaultValue={form.values?.name ?? defaults.name ?? ''}
        error={form.fieldErrors.name}
      />
      {withDescription ? (
        <TextAreaField
          id={`${idPrefix}-description`}
          label={t('description')}
          name="description"
          rows={2}
          maxLength={500}
          defaultValue={form.values?.description ?? defaults.description ?? ''}
          error={form.fieldErrors.description}
        />
      ) : null}
      <ResultMessage result={form.result} success={successMessage} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
