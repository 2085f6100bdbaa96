'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { changeUserRoleAction, endUserSessionsAction, resetUserPasswordAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { OneTimeSecret } from './one-time-secret';
import { type Role, ROLE_LABELS, ROLES } from '@/lib/enums';

/** Change a user's role, reset their password (showing the new one-time password once) or end their sessions. */
export function UserRowActions({ userId, userName, role }: { userId: string; userName: string; role: Role }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const [secret, setSecret] = useState<string>();
  const [chosen, setChosen] = useState<Role>(role);
  const selectId = `role-${userId}`;
  const refused = (failure: { message: string }) => setMessage({ text: failure.message, ok: false });

  const changeRole = useAction(changeUserRoleAction, {
    onSuccess: () => {
      setMessage({ text: `${userName} is now ${ROLE_LABELS[chosen]}.`, ok: true });
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
    onSuccess: () => setMessage({ text: `${userName} has been signed out everywhere.`, ok: true }),
    onFailure: refused,
  });
  const pending = changeRole.pending || resetPassword.pending || endSessions.pending;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="sr-only">
            Role for {userName}
          </label>
          <select
            id={selectId}
            value={chosen}
            onChange={(event) => setChosen(event.target.value as Role)}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
          >
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={pending || chosen === role}
          aria-label={`Change role of ${userName}`}
          onClick={() => changeRole.run({ userId, role: chosen })}
        >
          Change role
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          aria-label={`Reset password of ${userName}`}
          onClick={() => {
            if (!window.confirm(`Reset the password of ${userName}? Their current password stops working.`)) return;
            resetPassword.run({ userId });
          }}
        >
          Reset password
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          aria-label={`End sessions of ${userName}`}
          onClick={() => {
            if (!window.confirm(`Sign ${userName} out on every device?`)) return;
            endSessions.run({ userId });
          }}
        >
          End sessions
        </Button>
      </div>
      {secret ? (
        <OneTimeSecret
          title={`New one-time password for ${userName}`}
          secret={secret}
          note="Shown only now. They must choose their own password when they next sign in."
          onDismiss={() => setSecret(undefined)}
        />
      ) : null}
      <p role="status" aria-live="polite" className={message?.ok ? 'text-sm text-success' : 'text-sm text-danger'}>
        {message?.text}
      </p>
    </div>
  );
}
