import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CustomerForm } from '@/components/customers/customer-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getCustomer, listOwnerChoices, listSegments } from '@/lib/queries/customers';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('customers.form');
  return { title: t('editMetaTitle') };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('manageCustomers');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [customer, segments, owners] = await Promise.all([getCustomer(id), listSegments(), listOwnerChoices()]);
  if (!customer) notFound();
  const t = await getTranslations('customers.form');
  return (
    <>
      <PageHeader title={t('editTitle', { name: customer.name })} />
      <Card>
        <CustomerForm
          customer={customer}
          segments={segments.filter((s) => s.active || s.id === customer.segmentId)}
          owners={owners}
        />
      </Card>
    </>
  );
}
