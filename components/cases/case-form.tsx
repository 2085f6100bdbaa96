'use client';

import { useState } from 'react';
import { updateCaseAction } from '@/app/(app)/cases/actions';
import { useAction } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { caseMoveLabel } from '@/lib/cases/workflow';
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
  const { run, pending, result, fieldErrors } = useAction(updateCaseAction);
  const [closing, setClosing] = useState(false);
  const typed = result && !result.ok ? result.values : undefined;
  const value = (name: keyof EditableCase, stored: string | null) => typed?.[name] ?? stored ?? '';
  const message = result
    ? result.ok
      ? result.data.changed.length
        ? 'Saved.'
        : 'Nothing had changed.'
      : result.message
    : undefined;
  const needsReason = current.status !== 'proved';

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
            label="Title"
            name="title"
            defaultValue={value('title', current.title)}
            error={fieldErrors?.title}
            maxLength={200}
          />
          <SelectField
            label="Owner"
            name="ownerId"
            defaultValue={value('ownerId', current.ownerId)}
            error={fieldErrors?.ownerId}
          >
            <option value="">Managers’ queue</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <TextAreaField
        label="Root cause"
        name="rootCause"
        rows={4}
        hint="Ask “why?” until you reach a cause you can fix. Needed before the action."
        defaultValue={value('rootCause', current.rootCause)}
        error={fieldErrors?.rootCause}
      />
      <TextAreaField
        label="Corrective action"
        name="correctiveAction"
        hint="What was changed in the process, for every defect this case covers."
        defaultValue={value('correctiveAction', current.correctiveAction)}
        error={fieldErrors?.correctiveAction}
      />
      <Field
        label="Effective date (T)"
        name="effectiveOn"
        type="date"
        className="max-w-xs"
        hint="The first day the action was in force: the proof compares the subgroups before T with those from T on."
        defaultValue={value('effectiveOn', current.effectiveOn)}
        error={fieldErrors?.effectiveOn}
      />
      <TextAreaField
        label="Comment (optional)"
        name="comment"
        rows={2}
        hint="Added to the history with this save."
        defaultValue={typed?.comment ?? ''}
        error={fieldErrors?.comment}
      />
      {closing || fieldErrors?.closeReason ? (
        <TextAreaField
          label="Why close it without proof?"
          name="closeReason"
          required
          autoFocus
          defaultValue={value('closeReason', current.closeReason)}
          error={fieldErrors?.closeReason}
        />
      ) : null}
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
        {moves.map((to) =>
          to === 'closed' && needsReason && !closing && !fieldErrors?.closeReason ? (
            <Button key={to} type="button" variant="secondary" onClick={() => setClosing(true)}>
              {caseMoveLabel(current.status, to)}…
            </Button>
          ) : (
            <Button
              key={to}
              type="submit"
              name="status"
              value={to}
              variant={caseMoveLabel(current.status, to).startsWith('Back') ? 'secondary' : 'primary'}
              disabled={pending}
            >
              {caseMoveLabel(current.status, to)}
            </Button>
          ),
        )}
      </div>
    </form>
  );
}
