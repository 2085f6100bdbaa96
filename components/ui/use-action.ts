'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useRef } from 'react';
import type { ActionFailure, ActionResult } from '@/lib/action';

/** What a guarded action reads: a form's FormData, or a plain object from a button. */
export type ActionInput = FormData | Record<string, unknown>;

/** A guarded server action (`lib/action.ts`). */
type GuardedAction<T> = (input: ActionInput) => Promise<ActionResult<T>>;

/**
 * A server action in React's form-state shape, for the forms that must work before JavaScript
 * has loaded (sign-in, the public feedback page): React posts the form to it natively.
 */
export type FormStateAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export interface ActionCallbacks<T> {
  onSuccess?: (data: T) => void;
  onFailure?: (failure: ActionFailure) => void;
}

type Call<T> = { input: ActionInput; onSuccess?: (data: T) => void };

export interface ActionHandle<T> {
  /** Calls the action with a form's data or an object; the form keeps what the user typed. */
  run: (input: ActionInput, onSuccess?: (data: T) => void) => void;
  /** For `<form action={formAction}>`: React resets the form once the action has answered. */
  formAction: (formData: FormData) => void;
  /** For `<form onSubmit={submit}>`: runs the action with the form's data, keeping what was typed. */
  submit: (event: React.FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  /** The last answer, until `reset`. */
  result: ActionResult<T> | null;
  /** The refused fields' messages, to show beside each field (empty when nothing was refused). */
  fieldErrors: Record<string, string[] | undefined>;
  /** What the user had typed when the action refused it, to show again. */
  values: Record<string, string> | undefined;
  /** The failure's message, or the success message if the action sent one. */
  message: string | undefined;
  reset: () => void;
}

const NO_ERRORS: Record<string, string[] | undefined> = {};

/**
 * The one way a client component calls a server action. Every action answers an `ActionResult`;
 * this hook keeps the last one, says whether a call is pending, refuses a second call while one
 * is in flight, and reloads the page's data when the action reports a conflict (409), so current
 * values show beside what the user typed.
 *
 * Pass `{ progressive: true }` with a `FormStateAction` for a form that must work without
 * JavaScript; its `formAction` then posts natively before hydration.
 */
export function useAction<T>(action: GuardedAction<T>, options?: ActionCallbacks<T>): ActionHandle<T>;
export function useAction<T>(action: FormStateAction<T>, options: { progressive: true }): ActionHandle<T>;
export function useAction<T>(
  action: GuardedAction<T> | FormStateAction<T>,
  options: ActionCallbacks<T> & { progressive?: boolean } = {},
): ActionHandle<T> {
  const router = useRouter();
  const inFlight = useRef(false);

  const call = async (_previous: ActionResult<T> | null, payload: Call<T> | FormData | null) => {
    if (payload === null) return null;
    const { input, onSuccess } = payload instanceof FormData ? { input: payload, onSuccess: undefined } : payload;
    try {
      const result = await (action as GuardedAction<T>)(input);
      if (result.ok) {
        options.onSuccess?.(result.data);
        onSuccess?.(result.data);
      } else {
        if (result.status === 409) router.refresh();
        options.onFailure?.(result);
      }
      return result;
    } finally {
      inFlight.current = false;
    }
  };

  // A progressive action is handed to React itself: only then can React post the form natively.
  // Its payload is always the form's FormData, which `run` and `submit` pass.
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, Call<T> | FormData | null>(
    options.progressive ? (action as FormStateAction<T> as typeof call) : call,
    null,
  );

  const run = (input: ActionInput, onSuccess?: (data: T) => void) => {
    if (inFlight.current) return;
    inFlight.current = !options.progressive;
    startTransition(() => dispatch(options.progressive ? (input as FormData) : { input, onSuccess }));
  };

  return {
    run,
    formAction: dispatch,
    submit: (event) => {
      event.preventDefault();
      run(new FormData(event.currentTarget));
    },
    pending,
    result,
    fieldErrors: (result && !result.ok && result.fieldErrors) || NO_ERRORS,
    values: result && !result.ok ? result.values : undefined,
    message: result?.message,
    reset: () => startTransition(() => dispatch(null)),
  };
}
