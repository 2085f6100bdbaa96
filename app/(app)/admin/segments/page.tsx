import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListItemsAdmin } from '@/components/admin/list-items-admin';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listListItemsWithUsage } from '@/lib/queries/admin';
import { createSegmentAction, deleteSegmentAction, renameSegmentAction, setSegmentActiveAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.lists.segments');
  return { title: t('title') };
}

export default async function SegmentsPage() {
  await requirePermission('administer');
  const rows = await listListItemsWithUsage('segment');
  const t = await getTranslations('admin.lists.segments');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ListItemsAdmin
        kind="segments"
        rows={rows}
        actions={{
          create: createSegmentAction,
          rename: renameSegmentAction,
          setActive: setSegmentActiveAction,
          remove: deleteSegmentAction,
        }}
      />
    </>
  );
}
