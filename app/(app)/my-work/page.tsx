import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { AssignedDefects } from '@/components/defects/assigned-defects';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { Stat } from '@/components/ui/stat';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime, formatInteger } from '@/lib/format';
import { countDefectsAssignedTo, listRecentInteractionsLoggedBy } from '@/lib/queries/my-work';
import { can } from '@/lib/auth/roles';
import { MyCases, TriageQueue } from '@/components/cases/triage-queue';
import { OUTCOME_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: 'My work' };

export default async function MyWorkPage() {
  const user = await requirePermission('viewOwnWork');
  const manager = can(user.role, 'triageDefects');
  const [recent, assigned] = await Promise.all([
    listRecentInteractionsLoggedBy({ userId: user.id }),
    countDefectsAssignedTo({ userId: user.id, canClose: manager }),
  ]);
  return (
    <>
      <PageHeader
        title="My work"
        description={`Hello ${user.name.split(' ')[0]}: what you logged lately and what is waiting for you.`}
      >
        <Link className={buttonClass('primary')} href="/log">
          Log interaction
        </Link>
      </PageHeader>
      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat
          label="Defects waiting for me"
          value={formatInteger(assigned.open)}
          hint={manager ? 'Not yet closed or dismissed' : 'Still to work: verified ones wait for a manager'}
        />
        <Stat
          label="Follow-ups due this week"
          value={formatInteger(assigned.dueSoon)}
          hint="Due today or in the next 7 days"
        />
        <Stat label="Follow-ups overdue" value={formatInteger(assigned.overdue)} />
      </dl>
      {manager ? <TriageQueue /> : null}
      <MyCases userId={user.id} />
      <AssignedDefects userId={user.id} canClose={manager} />
      <Card aria-labelledby="recent-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent-heading" className="text-lg font-semibold">
            My recent interactions
          </h2>
          <Link className="text-sm text-primary underline" href={`/interactions?loggedBy=${user.id}`}>
            All I logged
          </Link>
        </div>
        {recent.length === 0 ? (
          <EmptyState>You have not logged any interactions yet.</EmptyState>
        ) : (
          <TableScroll label="Table of my recent interactions">
            <table className="card-table w-full min-w-[36rem] text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Touchpoint
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Customer
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Outcome
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Defects
                  </th>
                </tr>
              </thead>
              <tbody>
                {recent.map((row) => (
                  <tr key={row.id} className="border-t border-border">
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                        {formatDateTime(row.occurredAt)}
                      </Link>
                    </td>
                    <td data-label="Touchpoint" className="py-2 pr-4">
                      {row.touchpointName}
                    </td>
                    <td data-label="Customer" className="py-2 pr-4">
                      {row.customerId ? (
                        <Link className="hover:underline" href={`/customers/${row.customerId}`}>
                          {row.customerName}
                        </Link>
                      ) : (
                        <span className="text-muted">Anonymous</span>
                      )}
                    </td>
                    <td data-label="Outcome" className="py-2 pr-4">
                      {OUTCOME_LABELS[row.outcome] ?? row.outcome}
                    </td>
                    <td data-label="Defects" className="py-2 tabular-nums">
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
