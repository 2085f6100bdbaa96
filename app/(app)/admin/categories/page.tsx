import type { Metadata } from 'next';
import { ListItemsAdmin } from '@/components/admin/list-items-admin';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listListItemsWithUsage } from '@/lib/queries/admin';
import { createCategoryAction, deleteCategoryAction, renameCategoryAction, setCategoryActiveAction } from './actions';

export const metadata: Metadata = { title: 'Defect categories' };

export default async function CategoriesPage() {
  await requirePermission('administer');
  const rows = await listListItemsWithUsage('category');
  return (
    <>
      <PageHeader
        title="Defect categories"
        description="The causes defects are sorted into; the Pareto chart counts by these."
      />
      <ListItemsAdmin
        noun="category"
        usedBy="defects"
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
