import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { TouchpointForm } from '@/components/admin/touchpoint-form';
import { listCaseOwnerOptions } from '@/lib/queries/cases';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listStages } from '@/lib/queries/touchpoints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.touchpoints');
  return { title: t('newTitle') };
}

export default async function NewTouchpointPage() {
  await requirePermission('administer');
  const stages = await listStages();
  const t = await getTranslations('admin.touchpoints');
  return (
    <>
      <PageHeader title={t('newTitle')} description={t('newDescription')} />
      {stages.length === 0 ? (
        <p className="text-muted">
          {t.rich('noStages', {
            link: (chunks) => (
              <Link href="/admin/stages" className="text-primary underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <Card className="max-w-3xl">
          <TouchpointForm stages={stages} people={await listCaseOwnerOptions()} />
        </Card>
      )}
    </>
  );
}
