import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { getCompanyToday } from '@/lib/settings/company';
import { adminVolumePeriod, listTouchpointsWithVolume, type TouchpointVolumeRow } from '@/lib/queries/touchpoints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.touchpoints');
  return { title: t('title') };
}

export default async function TouchpointsAdminPage() {
  await requirePermission('administer');
  const period = adminVolumePeriod(await getCompanyToday());
  const rows = await listTouchpointsWithVolume(period);
  const t = await getTranslations('admin.touchpoints');
  const tc = await getTranslations('admin.common');
  const tChannel = await getTranslations('enums.channel');
  const format = await getFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), 'day');
  const byStage = new Map<string, { name: string; rows: TouchpointVolumeRow[] }>();
  for (const row of rows) {
    const group = byStage.get(row.stageId) ?? { name: row.stageName, rows: [] };
    group.rows.push(row);
    byStage.set(row.stageId, group);
  }
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description', { days: period.days, from: day(period.from), to: day(period.to) })}
      >
        <Link href="/admin/touchpoints/new" className={buttonClass('primary')}>
          {t('newTitle')}
        </Link>
      </PageHeader>
      {byStage.size === 0 ? <EmptyState>{t('empty')}</EmptyState> : null}
      <div className="flex flex-col gap-6">
        {[...byStage.entries()].map(([stageId, group]) => (
          <Card key={stageId} aria-labelledby={`stage-${stageId}`}>
            <h2 id={`stage-${stageId}`} className="mb-3 text-lg font-semibold">
              {group.name}
            </h2>
            <TableScroll label={t('tableOf', { stage: group.name })}>
              <table className="card-table w-full min-w-[36rem] text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('touchpoint')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('channel')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('status')}
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      {t('interactionsIn', { days: period.days })}
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      {t('defectsIn', { days: period.days })}
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
                      <td data-label={t('channel')} className="py-2 pr-4">
                        {tChannel(row.channel)}
                      </td>
                      <td data-label={t('status')} className="py-2 pr-4">
                        <Badge tone={row.active ? 'success' : 'neutral'}>
                          {row.active ? tc('active') : tc('inactive')}
                        </Badge>
                      </td>
                      <td data-label={t('interactions')} className="py-2 pr-4 text-right tabular-nums">
                        {format.number(row.interactions, 'integer')}
                      </td>
                      <td data-label={t('defects')} className="py-2 text-right tabular-nums">
                        {format.number(row.defects, 'integer')}
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
