'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { updateDefectAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useDefectVersion } from './defect-version';
import { SelectField, TextAreaField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { DEFECT_KINDS, SEVERITIES } from '@/lib/enums';

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
  const t = useTranslations('defects');
  const tEnum = useTranslations('enums');
  const format = useFormatter();
  // The company's currency symbol as the reader's locale writes it (£, €, US$ …).
  const currency = format.number(0, 'money').replace(/[\d\s.,]/g, '');
  const { run, pending, result, fieldErrors } = useAction(updateDefectAction);
  const { version, saved } = useDefectVersion(defect.version);
  const typed = result && !result.ok ? result.values : undefined;
  const value = (name: keyof EditableDefect, current: string | number | null) =>
    typed?.[name] ?? (current === null ? '' : String(current));
  const message = result
    ? result.ok
      ? result.data.changed.length
        ? t('edit.saved')
        : t('edit.nothingChanged')
      : result.message
    : undefined;

  // What the fields show: what was typed when a save was refused, else the defect's values.
  const shown = {
    title: value('title', defect.title),
    ownerId: value('ownerId', defect.ownerId),
    dueOn: value('dueOn', defect.dueOn),
    categoryId: value('categoryId', defect.categoryId),
    kind: value('kind', defect.kind),
    severity: value('severity', defect.severity),
    lostRevenue: value('lostRevenue', defect.lostRevenue.toFixed(2)),
    description: value('description', defect.description),
    rootCause: value('rootCause', defect.rootCause),
    correctiveAction: value('correctiveAction', defect.correctiveAction),
  };

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
            label={t('field.title')}
            name="title"
            defaultValue={shown.title}
            error={fieldErrors?.title}
            maxLength={200}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              label={t('field.owner')}
              name="ownerId"
              defaultValue={shown.ownerId}
              error={fieldErrors?.ownerId}
            >
              <option value="">{t('nobodyYet')}</option>
              {people
                .filter((p) => p.active || p.id === defect.ownerId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </SelectField>
            <Field
              label={t('field.dueOn')}
              name="dueOn"
              type="date"
              defaultValue={shown.dueOn}
              error={fieldErrors?.dueOn}
            />
            <SelectField
              label={t('field.category')}
              name="categoryId"
              defaultValue={shown.categoryId}
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
            <SelectField label={t('field.kind')} name="kind" defaultValue={shown.kind} error={fieldErrors?.kind}>
              {DEFECT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {tEnum(`defectKind.${kind}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('field.severity')}
              name="severity"
              defaultValue={shown.severity}
              error={fieldErrors?.severity}
            >
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {tEnum(`severity.${severity}`)}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('field.lostRevenueIn', { currency })}
              name="lostRevenue"
              inputMode="decimal"
              defaultValue={shown.lostRevenue}
              error={fieldErrors?.lostRevenue}
            />
          </div>
          <TextAreaField
            label={t('field.description')}
            name="description"
            defaultValue={shown.description}
            error={fieldErrors?.description}
          />
        </>
      ) : null}
      <TextAreaField
        label={t('field.rootCause')}
        name="rootCause"
        rows={4}
        hint={t('edit.rootCauseHint')}
        defaultValue={shown.rootCause}
        error={fieldErrors?.rootCause}
      />
      <TextAreaField
        label={t('field.correctiveAction')}
        name="correctiveAction"
        hint={t('edit.correctiveActionHint')}
        defaultValue={shown.correctiveAction}
        error={fieldErrors?.correctiveAction}
      />
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('edit.saving') : t('edit.save')}
        </Button>
      </div>
    </form>
  );
}
