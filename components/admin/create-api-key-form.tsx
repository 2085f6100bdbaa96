'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createApiKeyAction } from '@/app/(app)/admin/api-keys/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import { API_SCOPES } from '@/lib/auth/api-scopes';
import { OneTimeSecret } from './one-time-secret';

export function CreateApiKeyForm() {
  const t = useTranslations('admin.apiKeys');
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const form = useAction(createApiKeyAction, {
    onSuccess: (data) => {
      setCreated(data);
      formRef.current?.reset();
    },
  });
  const scopeError = form.fieldErrors.scopes?.[0];
  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <OneTimeSecret
          title={t('createdTitle', { name: created.name })}
          secret={created.key}
          note={t('createdNote')}
          onDismiss={() => setCreated(undefined)}
        />
      ) : null}
      <form ref={formRef} action={form.formAction} noValidate className="flex flex-col gap-3">
        <Field
          id="api-key-name"
          label={t('name')}
          name="name"
          required
          maxLength={80}
          hint={t('nameHint')}
          defaultValue={form.values?.name ?? ''}
          error={form.fieldErrors.name}
        />
        <fieldset className="flex flex-col gap-1" aria-describedby={scopeError ? 'scopes-error' : undefined}>
          <legend className="text-sm font-medium">{t('scopes')}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked={scope === 'metrics:read'}
                className="size-4 accent-primary"
              />
              {t(`scope.${scope}`)} <code className="text-xs text-muted">{scope}</code>
            </label>
          ))}
          {scopeError ? (
            <p id="scopes-error" className="text-sm text-danger">
              {scopeError}
            </p>
          ) : null}
        </fieldset>
        <ResultMessage result={form.result} />
        <div>
          <Button type="submit" disabled={form.pending}>
            {form.pending ? t('creating') : t('create')}
          </Button>
        </div>
      </form>
    </div>
  );
}
