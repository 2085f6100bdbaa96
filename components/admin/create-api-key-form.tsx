'use client';

import { useRef, useState } from 'react';
import { createApiKeyAction } from '@/app/(app)/admin/api-keys/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import { API_SCOPES } from '@/lib/auth/api-scopes';
import { API_SCOPE_LABELS } from '@/lib/validation/api-keys';
import { OneTimeSecret } from './one-time-secret';

export function CreateApiKeyForm() {
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
          title={`API key “${created.name}”`}
          secret={created.key}
          note="Copy it now into the system that will use it: it is shown only this once. Send it as “Authorization: Bearer <key>”."
          onDismiss={() => setCreated(undefined)}
        />
      ) : null}
      <form ref={formRef} action={form.formAction} noValidate className="flex flex-col gap-3">
        <Field
          id="api-key-name"
          label="Name"
          name="name"
          required
          maxLength={80}
          hint="Which system uses it, e.g. “Website checkout”."
          defaultValue={form.values?.name ?? ''}
          error={form.fieldErrors.name}
        />
        <fieldset className="flex flex-col gap-1" aria-describedby={scopeError ? 'scopes-error' : undefined}>
          <legend className="text-sm font-medium">Scopes</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked={scope === 'metrics:read'}
                className="size-4 accent-primary"
              />
              {API_SCOPE_LABELS[scope]} <code className="text-xs text-muted">{scope}</code>
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
            {form.pending ? 'Creating…' : 'Create API key'}
          </Button>
        </div>
      </form>
    </div>
  );
}
