import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { formatInteger } from '@/lib/format';
import { adminVolumePeriod, listTouchpointsWithVolume, type TouchpointVolumeRow } from '@/lib/queries/touchpoints';
import { CHANNEL_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: 'Touchpoints' };

export default async function TouchpointsAdminPage() {
  await requirePermission('administer');
  const period = adminVolumePeriod();
  const rows = await listTouchpointsWithVolume(period);
  const byStage = new Map<string, { name: string; rows: TouchpointVolumeRow[] }>();
  for (const row of rows) {
    const group = byStage.get(row.stageId) ?? { name: row.stageName, rows: [] };
    group.rows.push(row);
    byStage.set(row.stageId, group);
  }
  return (
    <>
      <PageHeader
        title="Touchpoints"
        description={`Every point of contact, by journey stage, with its interactions and counted defects in the last ${period.days} days (${period.from} to ${period.to}, UTC): the dashboard's default period, so the numbers match it.`}
      >
        <Link href="/admin/touchpoints/new" className={buttonClass('primary')}>
          New touchpoint
        </Link>
      </PageHeader>
      {byStage.size === 0 ? <EmptyState>No touchpoints yet. Create the first one.</EmptyState> : null}
      <div className="flex flex-col gap-6">
        {[...byStage.entries()].map(([stageId, group]) => (
          <Card key={stageId} aria-labelledby={`stage-${stageId}`}>
            <h2 id={`stage-${stageId}`} className="mb-3 text-lg font-semibold">
              {group.name}
            </h2>
            <TableScroll label={`Touchpoints of ${group.name}, table`}>
              <table className="card-table w-full min-w-[36rem] text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Touchpoint
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Channel
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      Interactions ({period.days} d)
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      Defects ({period.days} d)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.rows.map((row) => (
                    <tr key={row.id} className="border-t border-border">
                      <td className="py-2 pr-4">
                        <Link
                          href={`/admin/touchpoints/${row.id}`}
                          className="font-medium text-primary underline-offset-2 hover:underline"
                        >
                          {row.name}
                        </Link>
                      </td>
                      <td data-label="Channel" className="py-2 pr-4">
                        {CHANNEL_LABELS[row.channel]}
                      </td>
                      <td data-label="Status" className="py-2 pr-4">
                        <Badge tone={row.active ? 'success' : 'neutral'}>{row.active ? 'Active' : 'Inactive'}</Badge>
                      </td>
                      <td data-label="Interactions" className="py-2 pr-4 text-right tabular-nums">
                        {formatInteger(row.interactions)}
                      </td>
                      <td data-label="Defects" className="py-2 text-right tabular-nums">
                        {formatInteger(row.defects)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </Card>
        ))}
      </div>
    </>
  );
}
