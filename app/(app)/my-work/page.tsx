import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { buttonClass } from '@/components/ui/button';
import { AssignedDefects } from '@/components/defects/assigned-defects';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { Stat } from '@/components/ui/stat';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { countDefectsAssignedTo, listRecentInteractionsLoggedBy } from '@/lib/queries/my-work';
import { can } from '@/lib/auth/roles';
import { MyCases, TriageQueue } from '@/components/cases/triage-queue';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myWork');
  return { title: t('title') };
}

export default async function MyWorkPage() {
  const user = await requirePermission('viewOwnWork');
  const manager = can(user.role, 'triageDefects');
  const [recent, assigned] = await Promise.all([
    listRecentInteractionsLoggedBy({ userId: user.id }),
    countDefectsAssignedTo({ userId: user.id, canClose: manager }),
  ]);
  const t = await getTranslations('myWork');
  const tOutcome = await getTranslations('enums.outcome');
  const format = await getFormatter();
  const integer = (value: number) => format.number(value, 'integer');
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { name: user.name.split(' ')[0] ?? user.name })}>
        <Link className={buttonClass('primary')} href="/log">
          {t('log')}
        </Link>
      </PageHeader>
      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat
          label={t('waiting')}
          value={integer(assigned.open)}
          hint={manager ? t('waitingHintManager') : t('waitingHintStaff')}
        />
        <Stat label={t('dueSoon')} value={integer(assigned.dueSoon)} hint={t('dueSoonHint')} />
        <Stat label={t('overdue')} value={integer(assigned.overdue)} />
      </dl>
      {manager ? <TriageQueue /> : null}
      <MyCases userId={user.id} />
      <AssignedDefects userId={user.id} canClose={manager} />
      <Card aria-labelledby="recent-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent-heading" className="text-lg font-semibold">
            {t('recent')}
          </h2>
          <Link className="text-sm text-primary underline" href={`/interactions?loggedBy=${user.id}`}>
            {t('allLogged')}
          </Link>
        </div>
        {recent.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <TableScroll label={t('tableLabel')}>
            <table className="card-table w-full min-w-[36rem] text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('when')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('touchpoint')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('customer')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('outcome')}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t('defects')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {recent.map((row) => (
                  <tr key={row.id} className="border-t border-border">
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                        {format.dateTime(row.occurredAt, 'dateTime')}
                      </Link>
                    </td>
                    <td data-label={t('touchpoint')} className="py-2 pr-4">
                      {row.touchpointName}
                    </td>
                    <td data-label={t('customer')} className="py-2 pr-4">
                      {row.customerId ? (
                        <Link className="hover:underline" href={`/customers/${row.customerId}`}>
                          {row.customerName}
                        </Link>
                      ) : (
                        <span className="text-muted">{t('anonymous')}</span>
                      )}
                    </td>
                    <td data-label={t('outcome')} className="py-2 pr-4">
                      {tOutcome(row.outcome)}
                    </td>
                    <td data-label={t('defects')} className="py-2 tabular-nums">
                      {row.openDefectCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </>
  );
}
