'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createUserAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { OneTimeSecret } from './one-time-secret';
import { ROLES } from '@/lib/enums';

const DEFAULT_ROLE = 'staff';

export function CreateUserForm() {
  const t = useTranslations('admin.users');
  const tRole = useTranslations('enums.role');
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
          title={t('oneTimeTitle', { name: created.name })}
          secret={created.oneTimePassword}
          note={t('oneTimeNote')}
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
          label={t('name')}
          name="name"
          required
          autoComplete="off"
          defaultValue={form.values?.name ?? ''}
          error={form.fieldErrors.name}
        />
        <Field
          id="new-user-email"
          label={t('email')}
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={form.values?.email ?? ''}
          error={form.fieldErrors.email}
        />
        <SelectField
          id="new-user-role"
          label={t('role')}
          name="role"
          defaultValue={form.values?.role ?? DEFAULT_ROLE}
          error={form.fieldErrors.role}
          options={ROLES.map((role) => ({ value: role, label: tRole(role) }))}
        />
        <div className="md:pt-6">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? t('creating') : t('create')}
          </Button>
        </div>
        <div className="md:col-span-4">
          <ResultMessage result={form.result} />
        </div>
      </form>
    </div>
  );
}
