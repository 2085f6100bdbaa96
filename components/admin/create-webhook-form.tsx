'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createWebhookAction } from '@/app/(app)/admin/webhooks/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import { EVENT_TYPES } from '@/lib/jobs/event-types';
import { OneTimeSecret } from './one-time-secret';

export function CreateWebhookForm() {
  const t = useTranslations('admin.webhooks');
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ url: string; secret: string }>();
  const form = useAction(createWebhookAction, {
    onSuccess: (data) => {
      setCreated(data);
      formRef.current?.reset();
    },
  });
  const typesError = form.fieldErrors.eventTypes?.[0];
  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <OneTimeSecret
          title={t('secretTitle', { url: created.url })}
          secret={created.secret}
          note={t('secretNote')}
          onDismiss={() => setCreated(undefined)}
        />
      ) : null}
      <form ref={formRef} action={form.formAction} noValidate className="flex flex-col gap-3">
        <Field
          id="webhook-url"
          label={t('url')}
          name="url"
          type="url"
          required
          placeholder={t('urlPlaceholder')}
          defaultValue={form.values?.url ?? ''}
          error={form.fieldErrors.url}
        />
        <Field
          id="webhook-description"
          label={t('descriptionField')}
          name="description"
          maxLength={200}
          hint={t('descriptionHint')}
          defaultValue={form.values?.description ?? ''}
          error={form.fieldErrors.description}
        />
        <fieldset className="flex flex-col gap-1" aria-describedby={typesError ? 'eventTypes-error' : undefined}>
          <legend className="text-sm font-medium">{t('events')}</legend>
          {EVENT_TYPES.map((type) => (
            <label key={type} className="flex min-h-9 items-center gap-2 text-sm">
              <input type="checkbox" name="eventTypes" value={type} className="size-4 accent-primary" />
              {t(`eventType.${type}`)} <code className="text-xs text-muted">{type}</code>
            </label>
          ))}
          {typesError ? (
            <p id="eventTypes-error" className="text-sm text-danger">
              {typesError}
            </p>
          ) : null}
        </fieldset>
        <ResultMessage result={form.result} />
        <div>
          <Button type="submit" disabled={form.pending}>
            {form.pending ? t('adding') : t('add')}
          </Button>
        </div>
      </form>
    </div>
  );
}
