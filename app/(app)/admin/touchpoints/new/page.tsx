import type { Metadata } from 'next';
import Link from 'next/link';
import { TouchpointForm } from '@/components/admin/touchpoint-form';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listStages } from '@/lib/queries/touchpoints';

export const metadata: Metadata = { title: 'New touchpoint' };

export default async function NewTouchpointPage() {
  await requirePermission('administer');
  const stages = await listStages();
  return (
    <>
      <PageHeader
        title="New touchpoint"
        description="A point of contact where interactions are logged and defects counted."
      />
      {stages.length === 0 ? (
        <p className="text-muted">
          Create a{' '}
          <Link href="/admin/stages" className="text-primary underline">
            journey stage
          </Link>{' '}
          first: every touchpoint belongs to one.
        </p>
      ) : (
        <Card className="max-w-3xl">
          <TouchpointForm stages={stages} people={await listCaseOwnerOptions()} />
        </Card>
      )}
    </>
  );
}
