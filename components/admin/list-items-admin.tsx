import type { ActionResult } from '@/lib/action';
import { formatInteger } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ActionButton } from './action-button';
import { NameForm } from './name-form';

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/** The admin screen of a list of names (defect categories, customer segments). */
export function ListItemsAdmin({
  noun,
  usedBy,
  rows,
  actions,
}: {
  noun: string;
  usedBy: string;
  rows: { id: string; name: string; active: boolean; uses: number }[];
  actions: { create: Action; rename: Action; setActive: Action; remove: Action };
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-3 text-lg font-semibold">
          All {noun}s
        </h2>
        {rows.length === 0 ? <EmptyState>None yet.</EmptyState> : null}
        <ul className="flex flex-col">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-col gap-3 border-t border-border py-3 first:border-t-0 sm:flex-row sm:items-start"
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {row.name} {row.active ? null : <Badge className="ml-1">Inactive</Badge>}
                </p>
                <p className="text-xs text-muted">
                  {formatInteger(row.uses)} {usedBy}
                </p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-primary">Rename {row.name}</summary>
                  <div className="mt-2 max-w-md">
                    <NameForm
                      action={actions.rename}
                      hidden={{ id: row.id }}
                      idPrefix={`item-${row.id}`}
                      defaults={{ name: row.name }}
                      submitLabel="Save"
                      successMessage="Saved."
                    />
                  </div>
                </details>
              </div>
              <div className="flex flex-wrap gap-2">
                <ActionButton
                  action={actions.setActive}
                  input={{ id: row.id, active: !row.active }}
                  label={`${row.active ? 'Deactivate' : 'Activate'} ${row.name}`}
                >
                  {row.active ? 'Deactivate' : 'Activate'}
                </ActionButton>
                <ActionButton
                  action={actions.remove}
                  input={{ id: row.id }}
                  variant="secondary"
                  label={`Delete ${row.name}`}
                  confirm={`Delete the ${noun} “${row.name}”?`}
                >
                  Delete
                </ActionButton>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="new-item-heading" className="self-start">
        <h2 id="new-item-heading" className="mb-3 text-lg font-semibold">
          New {noun}
        </h2>
        <NameForm
          action={actions.create}
          idPrefix="new-item"
          submitLabel={`Add ${noun}`}
          successMessage="Added."
          resetOnSuccess
        />
      </Card>
    </div>
  );
}
