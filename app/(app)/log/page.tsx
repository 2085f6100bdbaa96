import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LogInteractionForm } from '@/components/log/log-interaction-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { groupTouchpoints } from '@/lib/interactions/touchpoint-groups';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import { getCustomer } from '@/lib/queries/customers';
import { z } from 'zod';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('log');
  return { title: t('pageTitle') };
}

export default async function LogInteractionPage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string | string[] }>;
}) {
  await requirePermission('logInteraction');
  const t = await getTranslations('log');
  const customerId = z.uuid().safeParse((await searchParams).customer);
  const [touchpoints, customer] = await Promise.all([
    listTouchpoints(),
    customerId.success ? getCustomer(customerId.data) : Promise.resolve(null),
  ]);
  const groups = groupTouchpoints(touchpoints);
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageDescription')} />
      {groups.length === 0 ? (
        <p className="text-sm text-muted">{t('noTouchpoints')}</p>
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
