'use client';

import { useRef, useState } from 'react';
import { createUserAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { OneTimeSecret } from './one-time-secret';
import { ROLE_LABELS, ROLES } from '@/lib/enums';

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<{ name: string; oneTimePassword: string }>();
  const form = useAction(createUserAction, {
    onSuccess: (data) => {
      setCreated(data);
      formRef.current?.reset();
    },
  });
  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <OneTimeSecret
          title={`One-time password for ${created.name}`}
          secret={created.oneTimePassword}
          note="Give it to them privately. It is shown only now; they must choose their own password when they first sign in."
          onDismiss={() => setCreated(undefined)}
        />
      ) : null}
      <form
        ref={formRef}
        action={form.formAction}
        noValidate
        className="grid gap-3 md:grid-cols-[2fr_2fr_1fr_auto] md:items-start"
      >
        <Field
          id="new-user-name"
          label="Name"
          name="name"
          required
          autoComplete="off"
          defaultValue={form.values?.name ?? ''}
          error={form.fieldErrors.name}
        />
        <Field
          id="new-user-email"
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={form.values?.email ?? ''}
          error={form.fieldErrors.email}
        />
        <SelectField
          id="new-user-role"
          label="Role"
          name="role"
          defaultValue={form.values?.role ?? 'staff'}
          error={form.fieldErrors.role}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
        />
        <div className="md:pt-6">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? 'Creating…' : 'Create user'}
          </Button>
        </div>
        <div className="md:col-span-4">
          <ResultMessage result={form.result} />
        </div>
      </form>
    </div>
  );
}
