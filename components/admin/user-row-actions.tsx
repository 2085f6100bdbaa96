'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { changeUserRoleAction, endUserSessionsAction, resetUserPasswordAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import type { Role } from '@/db/schema';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { OneTimeSecret } from './one-time-secret';

/** Change a user's role, reset their password (showing the new one-time password once) or end their sessions. */
export function UserRowActions({ userId, userName, role }: { userId: string; userName: string; role: Role }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const [secret, setSecret] = useState<string>();
  const [chosen, setChosen] = useState<Role>(role);
  const selectId = `role-${userId}`;

  const run = (work: () => Promise<void>) => startTransition(work);

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
          onClick={() =>
            run(async () => {
              const result = await changeUserRoleAction({ userId, role: chosen });
              if (result.ok) {
                setMessage({ text: `${userName} is now ${ROLE_LABELS[chosen]}.`, ok: true });
                router.refresh();
              } else {
                setMessage({ text: result.message, ok: false });
                setChosen(role);
              }
            })
          }
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
            run(async () => {
              const result = await resetUserPasswordAction({ userId });
              if (result.ok) {
                setSecret(result.data.oneTimePassword);
                setMessage(undefined);
                router.refresh();
              } else {
                setMessage({ text: result.message, ok: false });
              }
            });
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
            run(async () => {
              const result = await endUserSessionsAction({ userId });
              setMessage(
                result.ok
                  ? { text: `${userName} has been signed out everywhere.`, ok: true }
                  : { text: result.message, ok: false },
              );
            });
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
