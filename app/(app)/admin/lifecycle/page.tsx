import type { Metadata } from 'next';
import { LifecycleRulesForm } from '@/components/admin/lifecycle-rules-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { readLifecycleRules } from '@/lib/customers/lifecycle-settings';

export const metadata: Metadata = { title: 'Lifecycle rules' };

export default async function LifecycleRulesPage() {
  await requirePermission('administer');
  const rules = await readLifecycleRules();
  return (
    <>
      <PageHeader
        title="Lifecycle rules"
        description="How customers move between prospect, active, at risk, advocate and churned as interactions and defects arrive. Each change records its reason on the customer's page; staff can still set a lifecycle by hand."
      />
      <Card>
        <LifecycleRulesForm rules={rules} />
      </Card>
    </>
  );
}
