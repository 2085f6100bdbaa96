'use client';

import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { useAction, type FormStateAction } from '@/components/ui/use-action';
import { FEEDBACK_COMMENT_MAX, HONEYPOT_FIELD } from '@/lib/feedback/limits';
import { ScaleQuestion } from './scale-question';

const QUALITY = ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];
const SATISFACTION = ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'];

const range = (from: number, to: number, labels?: string[]) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ value: from + i, label: labels?.[i] }));

export function FeedbackForm({
  action,
  submissionId,
  commentLabel,
  customerToken,
}: {
  action: FormStateAction<undefined>;
  submissionId: string;
  commentLabel: string;
  /** A personalised link's verified customer token: the answers go to that customer, no email asked. */
  customerToken?: string;
}) {
  const { formAction, pending, fieldErrors, values = {}, message } = useAction(action, { progressive: true });
  const error = (field: string) => fieldErrors[field]?.[0];
  const [commentLength, setCommentLength] = useState((values.comment ?? '').length);

  return (
    <form action={formAction} className="flex flex-col gap-9" noValidate>
      <input type="hidden" name="id" value={submissionId} />
      {customerToken ? <input type="hidden" name="customerToken" value={customerToken} /> : null}

      <ScaleQuestion
        name="expectation"
        legend="Before, what did you expect?"
        options={range(1, 5, QUALITY)}
        columns="grid-cols-5"
        defaultValue={values.expectation}
        error={error('expectation')}
      />
      <ScaleQuestion
        name="experience"
        legend="And how was it, really?"
        options={range(1, 5, QUALITY)}
        columns="grid-cols-5"
        defaultValue={values.experience}
        error={error('experience')}
      />
      <ScaleQuestion
        name="csat"
        legend="Overall, how satisfied are you?"
        options={range(1, 5, SATISFACTION)}
        columns="grid-cols-5"
        faces
        defaultValue={values.csat}
        error={error('csat')}
      />
      <ScaleQuestion
        name="nps"
        legend="How likely are you to recommend us to a friend or colleague?"
        options={range(0, 10)}
        columns="grid-cols-6 sm:grid-cols-11"
        anchors={['0 = Not at all likely', '10 = Extremely likely']}
        defaultValue={values.nps}
        error={error('nps')}
      />
      <ScaleQuestion
        name="effort"
        legend="How easy was it to get what you needed?"
        options={range(1, 7)}
        columns="grid-cols-7"
        anchors={['1 = Very difficult', '7 = Very easy']}
        defaultValue={values.effort}
        error={error('effort')}
      />

      <div className="flex flex-col gap-2">
        <label htmlFor="comment" className="text-lg font-semibold leading-snug">
          {commentLabel} <span className="text-sm font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={4}
          maxLength={FEEDBACK_COMMENT_MAX}
          defaultValue={values.comment}
          onChange={(event) => setCommentLength(event.target.value.length)}
          aria-invalid={error('comment') ? true : undefined}
          aria-describedby={cn('comment-count', error('comment') && 'comment-error')}
          className={cn(
            'min-h-28 w-full rounded-xl border-2 bg-surface px-4 py-3 text-base',
            error('comment') ? 'border-danger' : 'border-input',
          )}
        />
        <p id="comment-count" className="text-right text-xs text-muted tabular-nums">
          {commentLength.toLocaleString('en-GB')} / {FEEDBACK_COMMENT_MAX.toLocaleString('en-GB')} characters
        </p>
        {error('comment') ? (
          <p id="comment-error" className="text-sm font-medium text-danger">
            {error('comment')}
          </p>
        ) : null}
      </div>

      {customerToken ? (
        <p className="rounded-xl bg-primary/10 px-4 py-3 text-sm">
          This link is personal: your answers are added to your account so we can follow up. No mailing lists.
        </p>
      ) : (
        <div className="flex flex-col gap-2">
          <label htmlFor="email" className="text-lg font-semibold leading-snug">
            Your email <span className="text-sm font-normal text-muted">(optional)</span>
          </label>
          <p id="email-hint" className="text-sm text-muted">
            If you are already a customer, we use it only to add this to your account so we can follow up. No mailing
            lists.
          </p>
          <input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            defaultValue={values.email}
            aria-invalid={error('email') ? true : undefined}
            aria-describedby={cn('email-hint', error('email') && 'email-error')}
            className={cn(
              'min-h-12 w-full rounded-xl border-2 bg-surface px-4 text-base',
              error('email') ? 'border-danger' : 'border-input',
            )}
          />
          {error('email') ? (
            <p id="email-error" className="text-sm font-medium text-danger">
              {error('email')}
            </p>
          ) : null}
        </div>
      )}

      {/* Honeypot: hidden from people and screen readers, out of the tab order; bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div className="flex flex-col gap-3">
        <div role="status" aria-live="polite">
          {message ? (
            <p className="rounded-xl bg-danger/10 px-4 py-3 text-sm font-medium text-danger">{message}</p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-14 w-full rounded-xl bg-primary px-6 text-lg font-semibold text-primary-foreground shadow-sm transition hover:opacity-90 disabled:opacity-60"
        >
          {pending ? 'Sending…' : 'Send feedback'}
        </button>
      </div>
    </form>
  );
}
