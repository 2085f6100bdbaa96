import type { Metadata } from 'next';
import { LogInteractionForm } from '@/components/log/log-interaction-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { groupTouchpoints } from '@/lib/interactions/touchpoint-groups';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import { getCustomer } from '@/lib/queries/customers';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Log interaction' };

export default async function LogInteractionPage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string | string[] }>;
}) {
  await requirePermission('logInteraction');
  const customerId = z.uuid().safeParse((await searchParams).customer);
  const [touchpoints, customer] = await Promise.all([
    listTouchpoints(),
    customerId.success ? getCustomer(customerId.data) : Promise.resolve(null),
  ]);
  const groups = groupTouchpoints(touchpoints);
  return (
    <>
      <PageHeader
        title="Log interaction"
        description="What happened, with whom, and how the customer saw it. Only the customer and the touchpoint are needed."
      />
      {groups.length === 0 ? (
        <p className="text-sm text-muted">No touchpoint is in use yet: an admin needs to set one up first.</p>
      ) : (
        <LogInteractionForm
          groups={groups}
          initialCustomer={
            customer
              ? {
                  id: customer.id,
                  name: customer.name,
                  email: customer.email,
                  company: customer.company,
                  externalRef: customer.externalRef,
                }
              : undefined
          }
        />
      )}
    </>
  );
}
