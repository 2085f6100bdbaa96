'use client';

import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/(auth)/login/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';

export function LoginForm() {
  const t = useTranslations('auth.signIn');
  const { formAction, pending, fieldErrors, values, result } = useAction(signInAction, { progressive: true });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={values?.email}
        error={fieldErrors.email}
      />
      <Field
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <FormMessage message={result && !result.ok && !result.fieldErrors ? result.message : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
