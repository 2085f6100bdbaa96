import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LifecycleRulesForm } from '@/components/admin/lifecycle-rules-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { readLifecycleRules } from '@/lib/customers/lifecycle-settings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.lifecycle');
  return { title: t('title') };
}

export default async function LifecycleRulesPage() {
  await requirePermission('administer');
  const rules = await readLifecycleRules();
  const t = await getTranslations('admin.lifecycle');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <LifecycleRulesForm rules={rules} />
      </Card>
    </>
  );
}
