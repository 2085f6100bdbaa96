import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionButton } from '@/components/admin/action-button';
import { TouchpointForm } from '@/components/admin/touchpoint-form';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getTouchpoint, listStages } from '@/lib/queries/touchpoints';
import { previewRestatement } from '@/lib/touchpoints/restate-opportunities';
import { deleteTouchpointAction, restateOpportunitiesAction, setTouchpointActiveAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.touchpoints');
  return { title: t('editTitle') };
}

export default async function EditTouchpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('administer');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [touchpoint, stages, restatement] = await Promise.all([
    getTouchpoint(id),
    listStages(),
    previewRestatement(id),
  ]);
  if (!touchpoint || !restatement) notFound();
  const t = await getTranslations('admin.touchpoints');
  const format = await getFormatter();
  const dpmo = (value: number | null) => (value === null ? '–' : format.number(value, 'integer'));
  const r = restatement;

  // The page is a stack of independent section cards, so more (the feedback link) slot in below.
  const back = { href: '/admin/touchpoints', label: t('title') };
  return (
    <>
      <PageHeader
        title={touchpoint.name}
        description={touchpoint.active ? t('activeNote') : t('inactiveNote')}
        back={back}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">
            {t('details')}
          </h2>
          <TouchpointForm touchpoint={touchpoint} stages={stages} people={await listCaseOwnerOptions()} />
        </Card>
        <Card aria-labelledby="restate-heading">
          <h2 id="restate-heading" className="mb-1 text-lg font-semibold">
            {t('restateTitle')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t('restateNote', { opportunities: r.opportunities })}</p>
          {restatement.interactionsToChange === 0 ? (
            <p className="text-sm">
              {t('nothingToRestate', { count: r.interactions, opportunities: r.opportunities })}
            </p>
          ) : (
            <>
              <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">{t('wouldChange')}</dt>
                <dd>{t('countOf', { count: r.interactionsToChange, total: r.interactions })}</dd>
                <dt className="text-muted">{t('dpmoNow')}</dt>
                <dd>
                  {t('dpmoDetail', {
                    dpmo: dpmo(r.before.dpmo.value),
                    defects: r.defects,
                    opportunities: r.before.opportunities,
                  })}
                </dd>
                <dt className="text-muted">{t('dpmoRestated')}</dt>
                <dd>
                  {t('dpmoDetail', {
                    dpmo: dpmo(r.after.dpmo.value),
                    defects: r.defects,
                    opportunities: r.after.opportunities,
                  })}
                </dd>
              </dl>
              <ActionButton
                action={restateOpportunitiesAction}
                input={{ touchpointId: touchpoint.id, opportunities: restatement.opportunities }}
                variant="danger"
                confirm={t('confirmRestate', {
                  count: r.interactionsToChange,
                  name: touchpoint.name,
                  opportunities: r.opportunities,
                })}
                successMessage={t('restated')}
              >
                {t('restate')}
              </ActionButton>
            </>
          )}
        </Card>
        <Card aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-1 text-lg font-semibold">
            {t('status')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t('statusNote')}</p>
          <div className="flex flex-wrap gap-4">
            <ActionButton
              action={setTouchpointActiveAction}
              input={{ touchpointId: touchpoint.id, active: !touchpoint.active }}
              variant={touchpoint.active ? 'secondary' : 'primary'}
            >
              {touchpoint.active ? t('deactivate') : t('activate')}
            </ActionButton>
            <ActionButton
              action={deleteTouchpointAction}
              input={{ touchpointId: touchpoint.id }}
              variant="danger"
              confirm={t('confirmDelete', { name: touchpoint.name })}
              redirectTo="/admin/touchpoints"
            >
              {t('delete')}
            </ActionButton>
          </div>
        </Card>
      </div>
    </>
  );
}
