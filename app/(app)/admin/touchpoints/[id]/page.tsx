import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionButton } from '@/components/admin/action-button';
import { TouchpointForm } from '@/components/admin/touchpoint-form';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listStageOptions } from '@/lib/queries/admin';
import { getTouchpoint } from '@/lib/queries/touchpoints';
import { deleteTouchpointAction, setTouchpointActiveAction } from '../actions';

export const metadata: Metadata = { title: 'Edit touchpoint' };

export default async function EditTouchpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('administer');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [touchpoint, stages] = await Promise.all([getTouchpoint(id), listStageOptions()]);
  if (!touchpoint) notFound();

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
