import type { Metadata } from 'next';
import { ManualDefectForm } from '@/components/defects/manual-defect-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listDefectOptions } from '@/lib/queries/defects';

export const metadata: Metadata = { title: 'Record a defect' };

export default async function NewDefectPage() {
  await requirePermission('triageDefects');
  const options = await listDefectOptions();
  return (
    <>
      <PageHeader
        back={{ href: '/defects', label: 'Defects' }}
        title="Record a defect"
        description="For what no interaction captured: a complaint letter, a process failure seen on the floor."
      />
      <Card className="max-w-3xl">
        <ManualDefectForm options={options} />
      </Card>
    </>
  );
}
