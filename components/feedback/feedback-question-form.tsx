'use client';

import { useTranslations } from 'next-intl';
import { setFeedbackQuestionAction } from '@/app/(app)/admin/feedback/actions';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useAction } from '@/components/ui/use-action';
import { FEEDBACK_QUESTION_MAX } from '@/lib/feedback/limits';

/** The optional question customers see above the comment box. */
export function FeedbackQuestionForm({ touchpointId, question }: { touchpointId: string; question: string | null }) {
  const t = useTranslations('feedback.links');
  const { formAction, pending, result } = useAction(setFeedbackQuestionAction);
  const error = result && !result.ok ? (result.fieldErrors?.question?.[0] ?? result.message) : undefined;
  const inputId = `question-${touchpointId}`;
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="touchpointId" value={touchpointId} />
      <label htmlFor={inputId} className="text-sm font-medium">
        {t('question')} <span className="font-normal text-muted">{t('questionHint')}</span>
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={inputId}
          name="question"
          defaultValue={question ?? ''}
          maxLength={FEEDBACK_QUESTION_MAX}
          placeholder={t('questionPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className={cn(
            'min-h-10 flex-1 rounded-md border bg-surface px-3 py-2 text-sm',
            error ? 'border-danger' : 'border-input',
          )}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t('saving') : t('saveQuestion')}
        </Button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {result?.ok ? t('questionSaved') : null}
      </p>
    </form>
  );
}
