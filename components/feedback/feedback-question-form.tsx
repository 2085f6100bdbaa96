'use client';

import { useActionState } from 'react';
import { setFeedbackQuestionAction } from '@/app/(app)/admin/feedback/actions';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FEEDBACK_QUESTION_MAX } from '@/lib/feedback/limits';

type State = { message?: string; error?: string; ok?: boolean };

/** The optional question customers see above the comment box. */
export function FeedbackQuestionForm({ touchpointId, question }: { touchpointId: string; question: string | null }) {
  const [state, formAction, pending] = useActionState<State, FormData>(async (_previous, formData) => {
    const result = await setFeedbackQuestionAction(formData);
    if (result.ok) return { ok: true, message: 'Question saved.' };
    return { message: result.message, error: result.fieldErrors?.question?.[0] ?? result.message };
  }, {});
  const inputId = `question-${touchpointId}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="touchpointId" value={touchpointId} />
      <label htmlFor={inputId} className="text-sm font-medium">
        Your question <span className="font-normal text-muted">(optional, shown above the comment box)</span>
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          name="question"
          defaultValue={question ?? ''}
          maxLength={FEEDBACK_QUESTION_MAX}
          placeholder="Anything you would like to tell us?"
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? `${inputId}-error` : undefined}
          className={cn(
            'min-h-10 flex-1 rounded-md border bg-surface px-3 py-2 text-sm',
            state.error ? 'border-danger' : 'border-input',
          )}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save question'}
        </Button>
      </div>
      {state.error ? (
        <p id={`${inputId}-error`} className="text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {state.ok ? state.message : null}
      </p>
    </form>
  );
}
