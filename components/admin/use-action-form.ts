'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';

export type FormState<T> = ActionResult<T> | null;

/** useActionState around a guarded server action, which takes the FormData as its only argument. */
export function useActionForm<T>(action: (raw: FormData) => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
  return useActionState<FormState<T>, FormData>(async (_previous, formData) => {
    const result = await action(formData);
    if (result.ok) onSuccess?.(result.data);
    return result;
  }, null);
}

export function fieldErrors<T>(state: FormState<T>) {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}

export function failedValues<T>(state: FormState<T>): Record<string, string> | undefined {
  return state && !state.ok ? state.values : undefined;
}
