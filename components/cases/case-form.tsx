'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { updateCaseAction } from '@/app/(app)/cases/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { caseMoveKey, isCaseBackMove } from '@/lib/cases/workflow';
import type { CaseStatus } from '@/lib/enums';

export interface EditableCase {
  id: string;
  version: number;
  status: CaseStatus;
  title: string;
  ownerId: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  effectiveOn: string | null;
  closeReason: string | null;
}

/**
 * The case's fields and its moves in one form: a move saves what was typed with it, so "root
 * cause, then Move to action" is one click. Managers also set the title and owner; closing an
 * unproved case asks for a reason.
 */
export function CaseForm({
  value: current,
  moves,
  manager,
  people,
}: {
  value: EditableCase;
  moves: CaseStatus[];
  manager: boolean;
  people: { id: string; name: string }[];
}) {
  const t = useTranslations('cases');
  const { run, pending, result, fieldErrors } = useAction(updateCaseAction);
  const moveLabel = (to: CaseStatus) => t(`form.move.${caseMoveKey(current.status, to)}`);
  const [closing, setClosing] = useState(false);
  const typed = result && !result.ok ? result.values : undefined;
  const value = (name: keyof EditableCase, stored: string | null) => typed?.[name] ?? stored ?? '';
  const message = result
    ? result.ok
      ? result.data.changed.length
        ? t('form.saved')
        : t('form.nothingChanged')
      : result.message
    : undefined;
  const needsReason = current.status !== 'proved';

  // What the fields show: what was typed when a save was refused, else the case's values.
  const shown = {
    title: value('title', current.title),
    ownerId: value('ownerId', current.ownerId),
    rootCause: value('rootCause', current.rootCause),
    correctiveAction: value('correctiveAction', current.correctiveAction),
    effectiveOn: value('effectiveOn', current.effectiveOn),
    closeReason: value('closeReason', current.closeReason),
  };

  return (
    <form
      key={current.version}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        run(new FormData(event.currentTarget, submitter), () => setClosing(false));
      }}
    >
      <input type="hidden" name="id" value={current.id} />
      <input type="hidden" name="version" value={current.version} />
      {manager ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            label={t('field.title')}
            name="title"
            defaultValue={shown.title}
            error={fieldErrors?.title}
            maxLength={200}
          />
          <SelectField
            label={t('field.owner')}
            name="ownerId"
            defaultValue={shown.ownerId}
            error={fieldErrors?.ownerId}
          >
            <option value="">{t('managersQueue')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <TextAreaField
        label={t('field.rootCause')}
        name="rootCause"
        rows={4}
        hint={t('form.rootCauseHint')}
        defaultValue={shown.rootCause}
        error={fieldErrors?.rootCause}
      />
      <TextAreaField
        label={t('field.correctiveAction')}
        name="correctiveAction"
        hint={t('form.correctiveActionHint')}
        defaultValue={shown.correctiveAction}
        error={fieldErrors?.correctiveAction}
      />
      <Field
        label={t('field.effectiveOn')}
        name="effectiveOn"
        type="date"
        className="max-w-xs"
        hint={t('form.effectiveOnHint')}
        defaultValue={shown.effectiveOn}
        error={fieldErrors?.effectiveOn}
      />
      <TextAreaField
        label={t('form.comment')}
        name="comment"
        rows={2}
        hint={t('form.commentHint')}
        defaultValue={typed?.comment ?? ''}
        error={fieldErrors?.comment}
      />
      {closing || fieldErrors?.closeReason ? (
        <TextAreaField
          label={t('form.closeReason')}
          name="closeReason"
          required
          autoFocus
          defaultValue={shown.closeReason}
          error={fieldErrors?.closeReason}
        />
      ) : null}
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t('form.saving') : t('form.save')}
        </Button>
        {moves.map((to) =>
          to === 'closed' && needsReason && !closing && !fieldErrors?.closeReason ? (
            <Button key={to} type="button" variant="secondary" onClick={() => setClosing(true)}>
              {t('form.more', { label: moveLabel(to) })}
            </Button>
          ) : (
            <Button
              key={to}
              type="submit"
              name="status"
              value={to}
              variant={isCaseBackMove(current.status, to) ? 'secondary' : 'primary'}
              disabled={pending}
            >
              {moveLabel(to)}
            </Button>
          ),
        )}
      </div>
    </form>
  );
}
