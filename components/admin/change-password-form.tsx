'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { changeOwnPasswordAction } from '@/app/(app)/account/password/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useAction } from '@/components/ui/use-action';
import { MIN_PASSWORD_LENGTH } from '@/lib/validation/users';

/** Changes the signed-in user's own password; after a forced change it goes on to their home. */
export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const {
    result: state,
    formAction,
    pending,
    fieldErrors: errors,
  } = useAction(changeOwnPasswordAction, {
    onSuccess: (data) => {
      formRef.current?.reset();
      if (forced) router.replace(data.home);
      router.refresh();
    },
  });
  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-3">
      <Field
        label={forced ? 'One-time or current password' : 'Current password'}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={errors.newPassword}
      />
      <Field
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <FormMessage
        message={state ? (state.ok ? 'Your password has been changed.' : state.message) : undefined}
        tone={state?.ok ? 'success' : 'error'}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Change password'}
        </Button>
      </div>
    </form>
  );
}
