'use client';

import { updateDefectAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useDefectVersion } from './defect-version';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { KIND_LABELS, SEVERITY_LABELS } from '@/lib/enums';

export interface EditableDefect {
  id: string;
  version: number;
  title: string | null;
  description: string | null;
  categoryId: string;
  kind: string;
  severity: string;
  lostRevenue: number;
  ownerId: string | null;
  dueOn: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
}

interface Option {
  id: string;
  name: string;
  active: boolean;
}

/**
 * The defect's fields. Managers triage every field; staff record the cause and the action. The
 * version the page was rendered from goes with every save.
 */
export function DefectEditForm({
  defect,
  triage,
  categories,
  people,
}: {
  defect: EditableDefect;
  triage: boolean;
  categories: Option[];
  people: Option[];
}) {
  const { run, pending, result, fieldErrors } = useAction(updateDefectAction);
  const { version, saved } = useDefectVersion(defect.version);
  const typed = result && !result.ok ? result.values : undefined;
  const value = (name: keyof EditableDefect, current: string | number | null) =>
    typed?.[name] ?? (current === null ? '' : String(current));
  const message = result
    ? result.ok
      ? result.data.changed.length
        ? 'Saved.'
        : 'Nothing had changed.'
      : result.message
    : undefined;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(new FormData(event.currentTarget), (data) => saved(data.version));
      }}
    >
      <input type="hidden" name="id" value={defect.id} />
      <input type="hidden" name="version" value={version} />
      {triage ? (
        <>
          <Field
            label="Title"
            name="title"
            defaultValue={value('title', defect.title)}
            error={fieldErrors?.title}
            maxLength={200}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              label="Owner"
              name="ownerId"
              defaultValue={value('ownerId', defect.ownerId)}
              error={fieldErrors?.ownerId}
            >
              <option value="">Nobody yet</option>
              {people
                .filter((p) => p.active || p.id === defect.ownerId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </SelectField>
            <Field
              label="Follow-up due"
              name="dueOn"
              type="date"
              defaultValue={value('dueOn', defect.dueOn)}
              error={fieldErrors?.dueOn}
            />
            <SelectField
              label="Category"
              name="categoryId"
              defaultValue={value('categoryId', defect.categoryId)}
              error={fieldErrors?.categoryId}
            >
              {categories
                .filter((c) => c.active || c.id === defect.categoryId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </SelectField>
            <SelectField label="Kind" name="kind" defaultValue={value('kind', defect.kind)} error={fieldErrors?.kind}>
              {Object.entries(KIND_LABELS).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Severity"
              name="severity"
              defaultValue={value('severity', defect.severity)}
              error={fieldErrors?.severity}
            >
              {Object.entries(SEVERITY_LABELS).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </SelectField>
            <Field
              label="Lost revenue (£)"
              name="lostRevenue"
              inputMode="decimal"
              defaultValue={value('lostRevenue', defect.lostRevenue.toFixed(2))}
              error={fieldErrors?.lostRevenue}
            />
          </div>
          <TextAreaField
            label="Description"
            name="description"
            defaultValue={value('description', defect.description)}
            error={fieldErrors?.description}
          />
        </>
      ) : null}
      <TextAreaField
        label="Root cause"
        name="rootCause"
        rows={4}
        hint="Ask “why?” until you reach a cause you can fix: one why per line."
        defaultValue={value('rootCause', defect.rootCause)}
        error={fieldErrors?.rootCause}
      />
      <TextAreaField
        label="Corrective action"
        name="correctiveAction"
        hint="What was changed so it does not happen again. Needed before the defect can be verified."
        defaultValue={value('correctiveAction', defect.correctiveAction)}
        error={fieldErrors?.correctiveAction}
      />
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
