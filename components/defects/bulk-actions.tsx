'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { linkDefectsToCaseAction, openCaseAction } from '@/app/(app)/cases/actions';
import { bulkAssignDefectsAction, bulkMoveDefectsAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { BULK_FORM_ID } from './defects-table';
import { SelectField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { DEFECT_STATUSES } from '@/lib/enums';

/**
 * Assign or move every checked defect on the page at once (all of them change, or none); open a
 * case on them, or link them to an active case.
 */
export function BulkActions({
  people,
  activeCases = [],
}: {
  people: { id: string; name: string; active: boolean }[];
  activeCases?: { id: string; number: number | null; title: string }[];
}) {
  const router = useRouter();
  const t = useTranslations('defects');
  const tStatus = useTranslations('enums.defectStatus');
  const assign = useAction(bulkAssignDefectsAction);
  const move = useAction(bulkMoveDefectsAction);
  const open = useAction(openCaseAction);
  const link = useAction(linkDefectsToCaseAction);
  const [status, setStatus] = useState('');
  const [last, setLast] = useState<'assign' | 'move' | 'open' | 'link'>();
  const current = { assign, move, open, link }[last ?? 'move'];
  const result = current.result;
  const success = (() => {
    if (last === 'open') return t('bulk.caseOpened');
    if (last === 'link') return link.result?.ok ? t('bulk.linked', { count: link.result.data.linked }) : '';
    const changed = current === assign ? assign.result : move.result;
    return changed?.ok ? t('bulk.changed', { count: changed.data.changed }) : '';
  })();
  const message = result ? (result.ok ? success : result.message) : undefined;
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  const toggleAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${BULK_FORM_ID}"]`))
      box.checked = checked;
  };
  const uncheckAll = () => toggleAll(false);

  return (
    <form
      id={BULK_FORM_ID}
      aria-label={t('bulk.label')}
      className="mb-3 flex flex-col gap-3 rounded-lg border border-border bg-surface p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const data = new FormData(event.currentTarget);
        if (submitter?.value === 'open') {
          setLast('open');
          open.run({ items: data.getAll('items') }, (opened) => router.push(`/cases/${opened.id}`));
        } else if (submitter?.value === 'link') {
          setLast('link');
          link.run({ id: data.get('bulkCase') ?? '', items: data.getAll('items') }, uncheckAll);
        } else if (submitter?.value === 'assign') {
          setLast('assign');
          assign.run({ items: data.getAll('items'), ownerId: data.get('bulkOwner') ?? '' }, uncheckAll);
        } else {
          setLast('move');
          move.run(
            {
              items: data.getAll('items'),
              status: data.get('bulkStatus') ?? '',
              dismissReason: data.get('dismissReason') ?? '',
            },
            uncheckAll,
          );
        }
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-wrap gap-2 self-end">
          <Button type="button" variant="secondary" onClick={() => toggleAll(true)}>
            {t('bulk.selectAll')}
          </Button>
          <Button type="button" variant="ghost" onClick={uncheckAll}>
            {t('bulk.clearSelection')}
          </Button>
        </div>
        <SelectField label={t('bulk.assignTo')} name="bulkOwner" defaultValue="" error={errors?.ownerId}>
          <option value="">{t('bulk.nobody')}</option>
          {people
            .filter((p) => p.active)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </SelectField>
        <Button type="submit" name="intent" value="assign" disabled={assign.pending}>
          {t('bulk.assign')}
        </Button>
        <SelectField
          label={t('bulk.moveTo')}
          name="bulkStatus"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          error={errors?.status}
        >
          <option value="">{t('bulk.chooseStatus')}</option>
          {DEFECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </SelectField>
        {status === 'dismissed' ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="dismissReason" className="text-sm font-medium">
              {t('field.dismissReason')}
            </label>
            <input
              id="dismissReason"
              name="dismissReason"
              className="min-h-10 rounded-md border border-input bg-surface px-3 py-2 text-sm"
              aria-describedby={errors?.dismissReason ? 'dismissReason-error' : undefined}
            />
            {errors?.dismissReason ? (
              <p id="dismissReason-error" className="text-sm text-danger">
                {errors.dismissReason[0]}
              </p>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" name="intent" value="move" variant="secondary" disabled={move.pending}>
          {t('bulk.move')}
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-3 border-t border-border pt-3">
        <Button type="submit" name="intent" value="open" variant="secondary" disabled={open.pending}>
          {t('bulk.openCase')}
        </Button>
        {activeCases.length ? (
          <>
            <SelectField label={t('bulk.linkTo')} name="bulkCase" defaultValue="" error={errors?.id}>
              <option value="">{t('bulk.chooseCase')}</option>
              {activeCases.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('bulk.caseOption', { number: c.number ?? '', title: c.title })}
                </option>
              ))}
            </SelectField>
            <Button type="submit" name="intent" value="link" variant="secondary" disabled={link.pending}>
              {t('bulk.link')}
            </Button>
          </>
        ) : null}
      </div>
      {errors?.items ? <p className="text-sm text-danger">{errors.items[0]}</p> : null}
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
    </form>
  );
}
