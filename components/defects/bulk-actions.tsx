'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { linkDefectsToCaseAction, openCaseAction } from '@/app/(app)/cases/actions';
import { bulkAssignDefectsAction, bulkMoveDefectsAction } from '@/app/(app)/defects/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { BULK_FORM_ID } from './defects-table';
import { SelectField } from '@/components/ui/form-fields';
import { useAction } from '@/components/ui/use-action';
import { DEFECT_STATUS_LABELS, DEFECT_STATUSES } from '@/lib/enums';

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
  const assign = useAction(bulkAssignDefectsAction);
  const move = useAction(bulkMoveDefectsAction);
  const open = useAction(openCaseAction);
  const link = useAction(linkDefectsToCaseAction);
  const [status, setStatus] = useState('');
  const [last, setLast] = useState<'assign' | 'move' | 'open' | 'link'>();
  const current = { assign, move, open, link }[last ?? 'move'];
  const result = current.result;
  const success = (() => {
    if (last === 'open') return 'Case opened.';
    if (last === 'link') return link.result?.ok ? `${link.result.data.linked} defects linked to the case.` : '';
    const changed = current === assign ? assign.result : move.result;
    return changed?.ok ? `${changed.data.changed} defect${changed.data.changed === 1 ? '' : 's'} changed.` : '';
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
      aria-label="Change the selected defects"
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
            Select all on page
          </Button>
          <Button type="button" variant="ghost" onClick={uncheckAll}>
            Clear selection
          </Button>
        </div>
        <SelectField label="Assign selected to" name="bulkOwner" defaultValue="" error={errors?.ownerId}>
          <option value="">Nobody (unassign)</option>
          {people
            .filter((p) => p.active)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </SelectField>
        <Button type="submit" name="intent" value="assign" disabled={assign.pending}>
          Assign
        </Button>
        <SelectField
          label="Move selected to"
          name="bulkStatus"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          error={errors?.status}
        >
          <option value="">Choose a status</option>
          {DEFECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DEFECT_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        {status === 'dismissed' ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="dismissReason" className="text-sm font-medium">
              Reason for dismissal
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
          Move
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-3 border-t border-border pt-3">
        <Button type="submit" name="intent" value="open" variant="secondary" disabled={open.pending}>
          Open a case on selected
        </Button>
        {activeCases.length ? (
          <>
            <SelectField label="Link selected to case" name="bulkCase" defaultValue="" error={errors?.id}>
              <option value="">Choose a case</option>
              {activeCases.map((c) => (
                <option key={c.id} value={c.id}>
                  #{c.number} {c.title}
                </option>
              ))}
            </SelectField>
            <Button type="submit" name="intent" value="link" variant="secondary" disabled={link.pending}>
              Link
            </Button>
          </>
        ) : null}
      </div>
      {errors?.items ? <p className="text-sm text-danger">{errors.items[0]}</p> : null}
      <FormMessage message={message} tone={result?.ok ? 'success' : 'error'} />
    </form>
  );
}
