'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import type { ActionResult } from '@/lib/action';

/**
 * One button that calls a guarded server action with a fixed input and says what happened next
 * to it. A `confirm` text asks first (for deletes); `redirectTo` leaves the page on success.
 */
export function ActionButton({
  action,
  input,
  children,
  label,
  variant = 'secondary',
  confirm,
  redirectTo,
  successMessage,
}: {
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  input: Record<string, unknown>;
  children: React.ReactNode;
  /** Accessible name when the visible text alone is ambiguous in a list. */
  label?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  confirm?: string;
  redirectTo?: string;
  /** Said beside the button on success; a function reads it from what the action returned. */
  successMessage?: string | ((data: unknown) => string);
}) {
  const t = useTranslations('admin.common');
  const router = useRouter();
  const { run, pending, result } = useAction(action, {
    onSuccess: () => {
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    },
  });
  const success = result?.ok
    ? typeof successMessage === 'function'
      ? successMessage(result.data)
      : successMessage
    : undefined;
  const message = result
    ? result.ok
      ? success
        ? { text: success, ok: true }
        : undefined
      : { text: result.message, ok: false }
    : undefined;
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        aria-label={label}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          run(input);
        }}
      >
        {pending ? t('working') : children}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={message?.ok ? 'text-sm text-success' : 'max-w-md text-sm text-danger'}
      >
        {message?.text}
      </p>
    </div>
  );
}
