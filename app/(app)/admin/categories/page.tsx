import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListItemsAdmin } from '@/components/admin/list-items-admin';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listListItemsWithUsage } from '@/lib/queries/admin';
import { createCategoryAction, deleteCategoryAction, renameCategoryAction, setCategoryActiveAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.lists.categories');
  return { title: t('title') };
}

export default async function CategoriesPage() {
  await requirePermission('administer');
  const rows = await listListItemsWithUsage('category');
  const t = await getTranslations('admin.lists.categories');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ListItemsAdmin
        kind="categories"
        rows={rows}
        actions={{
          create: createCategoryAction,
          rename: renameCategoryAction,
          setActive: setCategoryActiveAction,
          remove: deleteCategoryAction,
        }}
      />
    </>
  );
}
