import type { Metadata } from 'next';
import { AssignedDefects } from '@/components/defects/assigned-defects';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime, formatInteger, OUTCOME_LABELS } from '@/lib/format';
import { countDefectsAssignedTo, listRecentInteractionsLoggedBy } from '@/lib/queries/my-work';

export const metadata: Metadata = { title: 'My work' };

export default async function MyWorkPage() {
  const user = await requirePermission('viewOwnWork');
  const [recent, assigned] = await Promise.all([
    listRecentInteractionsLoggedBy({ userId: user.id }),
    countDefectsAssignedTo({ userId: user.id }),
  ]);
  return (
    <>
      <PageHeader title="My work" description={`Hello ${user.name.split(' ')[0]}: what you logged lately and what is waiting for you.`} />
      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Stat label="Defects assigned to me" value={formatInteger(assigned.open)} hint="Not yet closed or dismissed" />
        <Stat label="Follow-ups overdue" value={formatInteger(assigned.overdue)} />
      </dl>
      <AssignedDefects userId={user.id} />
      <Card aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          My recent interactions
        </h2>
        {recent.length === 0 ? (
          <p className="text-sm text-muted">You have not logged any interactions yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">When</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Touchpoint</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Customer</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Outcome</th>
                  <th scope="col" className="py-2 font-medium">Defects</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((row) => (
                  <tr key={row.id} className="border-t border-border">
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(row.occurredAt)}</td>
                    <td className="py-2 pr-4">{row.touchpointName}</td>
                    <td className="py-2 pr-4">{row.customerName ?? <span className="text-muted">Anonymous</span>}</td>
                    <td className="py-2 pr-4">{OUTCOME_LABELS[row.outcome] ?? row.outcome}</td>
                    <td className="py-2 tabular-nums">{row.openDefectCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
