import type { ActionResult } from '@/lib/action';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ActionButton } from './action-button';
import { NameForm } from './name-form';

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/**
 * The admin screen of a list of names (defect categories, customer segments); `kind` picks its
 * texts (admin.lists.<kind> in the message files).
 */
export async function ListItemsAdmin({
  kind,
  rows,
  actions,
}: {
  kind: 'categories' | 'segments';
  rows: { id: string; name: string; active: boolean; uses: number }[];
  actions: { create: Action; rename: Action; setActive: Action; remove: Action };
}) {
  const t = await getTranslations(`admin.lists.${kind}`);
  const tc = await getTranslations('admin.common');
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-3 text-lg font-semibold">
          {t('all')}
        </h2>
        {rows.length === 0 ? <EmptyState>{tc('noneYet')}</EmptyState> : null}
        <ul className="flex flex-col">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-col gap-3 border-t border-border py-3 first:border-t-0 sm:flex-row sm:items-start"
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {row.name} {row.active ? null : <Badge className="ml-1">{tc('inactive')}</Badge>}
                </p>
                <p className="text-xs text-muted">{t('usedBy', { count: row.uses })}</p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-primary">{tc('rename', { name: row.name })}</summary>
                  <div className="mt-2 max-w-md">
                    <NameForm
                      action={actions.rename}
                      hidden={{ id: row.id }}
                      idPrefix={`item-${row.id}`}
                      defaults={{ name: row.name }}
                      submitLabel={tc('save')}
                      successMessage={tc('saved')}
                    />
                  </div>
                </details>
              </div>
              <div className="flex flex-wrap gap-2">
                <ActionButton
                  action={actions.setActive}
                  input={{ id: row.id, active: !row.active }}
                  label={
                    row.active ? tc('deactivateNamed', { name: row.name }) : tc('activateNamed', { name: row.name })
                  }
                >
                  {row.active ? tc('deactivate') : tc('activate')}
                </ActionButton>
                <ActionButton
                  action={actions.remove}
                  input={{ id: row.id }}
                  variant="secondary"
                  label={tc('deleteNamed', { name: row.name })}
                  confirm={t('confirmDelete', { name: row.name })}
                >
                  {tc('delete')}
                </ActionButton>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="new-item-heading" className="self-start">
        <h2 id="new-item-heading" className="mb-3 text-lg font-semibold">
          {t('new')}
        </h2>
        <NameForm
          action={actions.create}
          idPrefix="new-item"
          submitLabel={t('add')}
          successMessage={tc('added')}
          resetOnSuccess
        />
      </Card>
    </div>
  );
}
