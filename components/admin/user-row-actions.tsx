'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { changeUserRoleAction, endUserSessionsAction, resetUserPasswordAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { OneTimeSecret } from './one-time-secret';
import { type Role, ROLES } from '@/lib/enums';

/** Change a user's role, reset their password (showing the new one-time password once) or end their sessions. */
export function UserRowActions({ userId, userName, role }: { userId: string; userName: string; role: Role }) {
  const t = useTranslations('admin.users');
  const tRole = useTranslations('enums.role');
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const [secret, setSecret] = useState<string>();
  const [chosen, setChosen] = useState<Role>(role);
  const selectId = `role-${userId}`;
  const refused = (failure: { message: string }) => setMessage({ text: failure.message, ok: false });

  const changeRole = useAction(changeUserRoleAction, {
    onSuccess: () => {
      setMessage({ text: t('roleChanged', { name: userName, role: tRole(chosen) }), ok: true });
      router.refresh();
    },
    onFailure: (failure) => {
      refused(failure);
      setChosen(role);
    },
  });
  const resetPassword = useAction(resetUserPasswordAction, {
    onSuccess: (data) => {
      setSecret(data.oneTimePassword);
      setMessage(undefined);
      router.refresh();
    },
    onFailure: refused,
  });
  const endSessions = useAction(endUserSessionsAction, {
    onSuccess: () => setMessage({ text: t('signedOut', { name: userName }), ok: true }),
    onFailure: refused,
  });
  const pending = changeRole.pending || resetPassword.pending || endSessions.pending;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="sr-only">
            {t('roleFor', { name: userName })}
          </label>
          <select
            id={selectId}
            value={chosen}
            onChange={(event) => setChosen(event.target.value as Role)}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          >
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {tRole(value)}
              </option>
            ))}
          </select>
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={pending || chosen === role}
          aria-label={t('changeRoleOf', { name: userName })}
          onClick={() => changeRole.run({ userId, role: chosen })}
        >
          {t('changeRole')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          aria-label={t('resetPasswordOf', { name: userName })}
          onClick={() => {
            if (!window.confirm(t('confirmReset', { name: userName }))) return;
            resetPassword.run({ userId });
          }}
        >
          {t('resetPassword')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          aria-label={t('endSessionsOf', { name: userName })}
          onClick={() => {
            if (!window.confirm(t('confirmEndSessions', { name: userName }))) return;
            endSessions.run({ userId });
          }}
        >
          {t('endSessions')}
        </Button>
      </div>
      {secret ? (
        <OneTimeSecret
          title={t('newOneTimeTitle', { name: userName })}
          secret={secret}
          note={t('newOneTimeNote')}
          onDismiss={() => setSecret(undefined)}
        />
      ) : null}
      <p role="status" aria-live="polite" className={message?.ok ? 'text-sm text-success' : 'text-sm text-danger'}>
        {message?.text}
      </p>
    </div>
  );
}
