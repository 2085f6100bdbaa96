'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useTranslations } from 'next-intl';
import { changeOwnPasswordAction } from '@/app/(app)/account/password/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ResultMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import { MIN_PASSWORD_LENGTH } from '@/lib/validation/users';

/** Changes the signed-in user's own password; after a forced change it goes on to their home. */
export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const t = useTranslations('admin.password');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useAction(changeOwnPasswordAction, {
    onSuccess: (data) => {
      formRef.current?.reset();
      if (forced) router.replace(data.home);
      router.refresh();
    },
  });
  return (
    <form ref={formRef} action={form.formAction} noValidate className="flex flex-col gap-3">
      <Field
        label={forced ? t('oneTimeOrCurrent') : t('current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.fieldErrors.currentPassword}
      />
      <Field
        label={t('new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t('minLength', { count: MIN_PASSWORD_LENGTH })}
        error={form.fieldErrors.newPassword}
      />
      <Field
        label={t('again')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={form.fieldErrors.confirmPassword}
      />
      <ResultMessage result={form.result} success={t('changed')} />
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
