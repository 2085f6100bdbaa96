import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ManualDefectForm } from '@/components/defects/manual-defect-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listDefectOptions } from '@/lib/queries/defects';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('defects.new');
  return { title: t('title') };
}

export default async function NewDefectPage() {
  await requirePermission('triageDefects');
  const options = await listDefectOptions();
  const t = await getTranslations('defects');
  const back = { href: '/defects', label: t('title') };
  return (
    <>
      <PageHeader back={back} title={t('new.title')} description={t('new.description')} />
      <Card className="max-w-3xl">
        <ManualDefectForm options={options} />
      </Card>
    </>
  );
}
