import type { Metadata } from 'next';
import { CustomerForm } from '@/components/customers/customer-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listOwnerChoices, listSegments } from '@/lib/queries/customers';

export const metadata: Metadata = { title: 'New customer' };

export default async function NewCustomerPage() {
  await requirePermission('manageCustomers');
  const [segments, owners] = await Promise.all([listSegments(), listOwnerChoices()]);
  return (
    <>
      <PageHeader title="New customer" />
      <Card>
        <CustomerForm segments={segments.filter((s) => s.active)} owners={owners} />
      </Card>
    </>
  );
}
