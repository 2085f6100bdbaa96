import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CustomerForm } from '@/components/customers/customer-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listOwnerChoices, listSegments } from '@/lib/queries/customers';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('customers.form');
  return { title: t('newTitle') };
}

export default async function NewCustomerPage() {
  await requirePermission('manageCustomers');
  const t = await getTranslations('customers.form');
  const [segments, owners] = await Promise.all([listSegments(), listOwnerChoices()]);
  return (
    <>
      <PageHeader title={t('newTitle')} />
      <Card>
        <CustomerForm segments={segments.filter((s) => s.active)} owners={owners} />
      </Card>
    </>
  );
}
