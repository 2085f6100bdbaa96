import type { Metadata } from 'next';
import { LogInteractionForm } from '@/components/log/log-interaction-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { groupTouchpoints } from '@/lib/interactions/touchpoint-groups';
import { listTouchpoints } from '@/lib/queries/touchpoints';

export const metadata: Metadata = { title: 'Log interaction' };

export default async function LogInteractionPage() {
  await requirePermission('logInteraction');
  const groups = groupTouchpoints(await listTouchpoints());
  return (
    <>
      <PageHeader title="Log interaction" description="What happened, with whom, and how the customer saw it. Only the customer and the touchpoint are needed." />
      {groups.length === 0 ? (
        <p className="text-sm text-muted">No touchpoint is in use yet: an admin needs to set one up first.</p>
      ) : (
        <LogInteractionForm groups={groups} />
      )}
    </>
  );
}
