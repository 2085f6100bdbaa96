'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action';

/**
 * Calls a server action from a form or button without React's automatic form reset, so what the
 * user typed survives a refusal. A stale-version refusal reloads the page's data, so the current
 * values show beside what the user typed.
 */
export function useActionCall<T>(action: (input: FormData | Record<string, unknown>) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T>>();
  const run = (input: FormData | Record<string, unknown>, onSuccess?: (data: T) => void) =>
    startTransition(async () => {
      const outcome = await action(input);
      setResult(outcome);
      if (outcome.ok) onSuccess?.(outcome.data);
      if (!outcome.ok && outcome.status === 409) router.refresh();
    });
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return { run, pending, result, fieldErrors, reset: () => setResult(undefined) };
}
