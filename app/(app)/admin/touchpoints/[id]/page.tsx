import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionButton } from '@/components/admin/action-button';
import { TouchpointForm } from '@/components/admin/touchpoint-form';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { formatMetric } from '@/lib/metrics/format';
import { getTouchpoint, listStages } from '@/lib/queries/touchpoints';
import { previewRestatement } from '@/lib/touchpoints/restate-opportunities';
import { deleteTouchpointAction, restateOpportunitiesAction, setTouchpointActiveAction } from '../actions';

export const metadata: Metadata = { title: 'Edit touchpoint' };

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
  const count = (n: number) => n.toLocaleString('en-GB');

  // The page is a stack of independent section cards, so more (the feedback link) slot in below.
  return (
    <>
      <PageHeader
        title={touchpoint.name}
        description={
          touchpoint.active
            ? 'Active: offered when logging interactions.'
            : 'Inactive: hidden from logging, history kept.'
        }
        back={{ href: '/admin/touchpoints', label: 'Touchpoints' }}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">
            Details and rules
          </h2>
          <TouchpointForm touchpoint={touchpoint} stages={stages} people={await listCaseOwnerOptions()} />
        </Card>
        <Card aria-labelledby="restate-heading">
          <h2 id="restate-heading" className="mb-1 text-lg font-semibold">
            Opportunities in past interactions
          </h2>
          <p className="mb-3 text-sm text-muted">
            Each interaction keeps the opportunities per interaction this touchpoint had when it was logged, so changing
            them above changes future interactions only. Restating history sets every past interaction here to today’s{' '}
            {count(restatement.opportunities)} and changes its past DPMO and sigma levels; the change is audited.
          </p>
          {restatement.interactionsToChange === 0 ? (
            <p className="text-sm">
              All {count(restatement.interactions)} interactions already use {count(restatement.opportunities)}{' '}
              opportunities each: nothing to restate.
            </p>
          ) : (
            <>
              <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">Interactions that would change</dt>
                <dd>
                  {count(restatement.interactionsToChange)} of {count(restatement.interactions)}
                </dd>
                <dt className="text-muted">DPMO, all time, now</dt>
                <dd>
                  {formatMetric(restatement.before.dpmo, 'dpmo')} ({count(restatement.defects)} defects in{' '}
                  {count(restatement.before.opportunities)} opportunities)
                </dd>
                <dt className="text-muted">DPMO, all time, restated</dt>
                <dd>
                  {formatMetric(restatement.after.dpmo, 'dpmo')} ({count(restatement.defects)} defects in{' '}
                  {count(restatement.after.opportunities)} opportunities)
                </dd>
              </dl>
              <ActionButton
                action={restateOpportunitiesAction}
                input={{ touchpointId: touchpoint.id, opportunities: restatement.opportunities }}
                variant="danger"
                confirm={`Restate ${count(restatement.interactionsToChange)} past interactions of “${touchpoint.name}” to ${count(restatement.opportunities)} opportunities each? Their DPMO and sigma levels change.`}
                successMessage="History restated."
              >
                Restate history
              </ActionButton>
            </>
          )}
        </Card>
        <Card aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-1 text-lg font-semibold">
            Status
          </h2>
          <p className="mb-3 text-sm text-muted">
            An inactive touchpoint disappears from the logging form but keeps its history and stays in the dashboard.
            Only a touchpoint with no interactions or defects can be deleted.
          </p>
          <div className="flex flex-wrap gap-4">
            <ActionButton
              action={setTouchpointActiveAction}
              input={{ touchpointId: touchpoint.id, active: !touchpoint.active }}
              variant={touchpoint.active ? 'secondary' : 'primary'}
            >
              {touchpoint.active ? 'Deactivate touchpoint' : 'Activate touchpoint'}
            </ActionButton>
            <ActionButton
              action={deleteTouchpointAction}
              input={{ touchpointId: touchpoint.id }}
              variant="danger"
              confirm={`Delete the touchpoint “${touchpoint.name}” for good?`}
              redirectTo="/admin/touchpoints"
            >
              Delete touchpoint
            </ActionButton>
          </div>
        </Card>
      </div>
    </>
  );
}
