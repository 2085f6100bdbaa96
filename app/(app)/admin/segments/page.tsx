import type { Metadata } from 'next';
import { ListItemsAdmin } from '@/components/admin/list-items-admin';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listListItemsWithUsage } from '@/lib/queries/admin';
import { createSegmentAction, deleteSegmentAction, renameSegmentAction, setSegmentActiveAction } from './actions';

export const metadata: Metadata = { title: 'Customer segments' };

export default async function SegmentsPage() {
  await requirePermission('administer');
  const rows = await listListItemsWithUsage('segment');
  return (
    <>
      <PageHeader
        title="Customer segments"
        description="The target markets customers belong to; the dashboard compares them."
      />
      <ListItemsAdmin
        noun="segment"
        usedBy="customers"
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
