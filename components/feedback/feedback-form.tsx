'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { useAction, type FormStateAction } from '@/components/ui/use-action';
import { FEEDBACK_COMMENT_MAX, HONEYPOT_FIELD } from '@/lib/feedback/limits';
import { ScaleQuestion } from './scale-question';

const QUALITY = ['veryPoor', 'poor', 'okay', 'good', 'excellent'] as const;
const SATISFACTION = ['veryUnhappy', 'unhappy', 'neutral', 'happy', 'veryHappy'] as const;

// Grid columns on a phone (ScaleQuestion's `columns`).
const FIVE_COLUMNS = 'grid-cols-5';
const SEVEN_COLUMNS = 'grid-cols-7';
const ELEVEN_COLUMNS = 'grid-cols-6 sm:grid-cols-11';

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
  const t = useTranslations('feedback.form');
  const quality = QUALITY.map((key) => t(`quality.${key}`));
  const satisfaction = SATISFACTION.map((key) => t(`satisfaction.${key}`));
  const { formAction, pending, fieldErrors, values = {}, message } = useAction(action, { progressive: true });
  // Each refused field's first message, by field name.
  const error: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]]),
  );
  const [commentLength, setCommentLength] = useState((values.comment ?? '').length);

  return (
    <form action={formAction} className="flex flex-col gap-9" noValidate>
      <input type="hidden" name="id" value={submissionId} />
      {customerToken ? <input type="hidden" name="customerToken" value={customerToken} /> : null}

      <ScaleQuestion
        name="expectation"
        legend={t('expectation')}
        options={range(1, 5, quality)}
        columns={FIVE_COLUMNS}
        defaultValue={values.expectation}
        error={error.expectation}
      />
      <ScaleQuestion
        name="experience"
        legend={t('experience')}
        options={range(1, 5, quality)}
        columns={FIVE_COLUMNS}
        defaultValue={values.experience}
        error={error.experience}
      />
      <ScaleQuestion
        name="csat"
        legend={t('csat')}
        options={range(1, 5, satisfaction)}
        columns={FIVE_COLUMNS}
        faces
        defaultValue={values.csat}
        error={error.csat}
      />
      <ScaleQuestion
        name="nps"
        legend={t('nps')}
        options={range(0, 10)}
        columns={ELEVEN_COLUMNS}
        anchors={[t('npsLow'), t('npsHigh')]}
        defaultValue={values.nps}
        error={error.nps}
      />
      <ScaleQuestion
        name="effort"
        legend={t('effort')}
        options={range(1, 7)}
        columns={SEVEN_COLUMNS}
        anchors={[t('effortLow'), t('effortHigh')]}
        defaultValue={values.effort}
        error={error.effort}
      />

      <div className="flex flex-col gap-2">
        <label htmlFor="comment" className="text-lg font-semibold leading-snug">
          {commentLabel} <span className="text-sm font-normal text-muted">{t('optional')}</span>
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={4}
          maxLength={FEEDBACK_COMMENT_MAX}
          defaultValue={values.comment}
          onChange={(event) => setCommentLength(event.target.value.length)}
          aria-invalid={error.comment ? true : undefined}
          aria-describedby={cn('comment-count', error.comment && 'comment-error')}
          className={cn(
            'min-h-28 w-full rounded-xl border-2 bg-surface px-4 py-3 text-base',
            error.comment ? 'border-danger' : 'border-input',
          )}
        />
        <p id="comment-count" className="text-right text-xs text-muted tabular-nums">
          {t('characters', { count: commentLength, max: FEEDBACK_COMMENT_MAX })}
        </p>
        {error.comment ? (
          <p id="comment-error" className="text-sm font-medium text-danger">
            {error.comment}
          </p>
        ) : null}
      </div>

      {customerToken ? (
        <p className="rounded-xl bg-primary/10 px-4 py-3 text-sm">{t('personal')}</p>
      ) : (
        <div className="flex flex-col gap-2">
          <label htmlFor="email" className="text-lg font-semibold leading-snug">
            {t('email')} <span className="text-sm font-normal text-muted">{t('optional')}</span>
          </label>
          <p id="email-hint" className="text-sm text-muted">
            {t('emailHint')}
          </p>
          <input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            defaultValue={values.email}
            aria-invalid={error.email ? true : undefined}
            aria-describedby={cn('email-hint', error.email && 'email-error')}
            className={cn(
              'min-h-12 w-full rounded-xl border-2 bg-surface px-4 text-base',
              error.email ? 'border-danger' : 'border-input',
            )}
          />
          {error.email ? (
            <p id="email-error" className="text-sm font-medium text-danger">
              {error.email}
            </p>
          ) : null}
        </div>
      )}

      {/* Honeypot: hidden from people and screen readers, out of the tab order; bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>{t('honeypot')}</label>
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
          {pending ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
