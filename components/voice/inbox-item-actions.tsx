'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import {
  assignCommentAction,
  openCaseFromCommentAction,
  raiseDefectFromCommentAction,
  setCommentHandledAction,
} from '@/app/(app)/inbox/actions';
import { useAction } from '@/components/ui/use-action';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

interface Choice {
  id: string;
  name: string;
}

/** What a manager does with one comment in the feedback inbox. */
export function InboxItemActions({
  interactionId,
  handled,
  assigneeId,
  assignees,
  categories,
}: {
  interactionId: string;
  handled: boolean;
  assigneeId: string | null;
  assignees: Choice[];
  categories: Choice[];
}) {
  const t = useTranslations('voice.inbox');
  const router = useRouter();
  const id = useId();
  const handle = useAction(setCommentHandledAction);
  const assign = useAction(assignCommentAction);
  const raise = useAction(raiseDefectFromCommentAction);
  const openCase = useAction(openCaseFromCommentAction);
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? '');
  const [assignee, setAssignee] = useState(assigneeId ?? '');
  const failure = [handle, assign, raise, openCase].map((call) => call.result).find((result) => result && !result.ok);
  const pending = handle.pending || assign.pending || raise.pending || openCase.pending;
  const categoryError = raise.fieldErrors.categoryId?.[0] ?? openCase.fieldErrors.categoryId?.[0];

  return (
    <div className="mt-3 flex flex-col gap-2 border-t border-border pt-3">
      <div className="flex flex-wrap items-end gap-2">
        <button
          type="button"
          className={buttonClass('secondary')}
          disabled={pending}
          onClick={() => handle.run({ interactionId, handled: handled ? '0' : '1' }, () => router.refresh())}
        >
          {handled ? t('markNew') : t('markHandled')}
        </button>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-assignee`} className="text-sm font-medium">
            {t('assignedTo')}
          </label>
          <select
            id={`${id}-assignee`}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
          >
            <option value="">{t('nobody')}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={buttonClass('secondary')}
          disabled={pending || assignee === (assigneeId ?? '')}
          onClick={() => assign.run({ interactionId, assigneeId: assignee }, () => router.refresh())}
        >
          {t('assign')}
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-category`} className="text-sm font-medium">
            {t('category')}
          </label>
          <select
            id={`${id}-category`}
            className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
            value={categoryId}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={categoryError ? `${id}-category-error` : undefined}
            onChange={(event) => setCategoryId(event.target.value)}
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {categoryError ? (
            <p id={`${id}-category-error`} className="text-sm text-danger">
              {categoryError}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className={buttonClass('primary')}
          disabled={pending}
          onClick={() => raise.run({ interactionId, categoryId }, (data) => router.push(`/defects/${data.defectId}`))}
        >
          {t('raiseDefect')}
        </button>
        <button
          type="button"
          className={buttonClass('secondary')}
          disabled={pending}
          onClick={() => openCase.run({ interactionId, categoryId }, (data) => router.push(`/cases/${data.caseId}`))}
        >
          {t('openCase')}
        </button>
      </div>
      <FormMessage message={failure && !failure.ok ? failure.message : undefined} />
    </div>
  );
}
