import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { requirePermission } from '@/lib/auth/current-user';
import { formatInteger, formatMoney, formatPercent } from '@/lib/format';
import { getOverviewCounts } from '@/lib/queries/overview';

export const metadata: Metadata = { title: 'Dashboard' };

const PERIOD_DAYS = 30;

export default async function DashboardPage() {
  await requirePermission('viewDashboard');
  const counts = await getOverviewCounts({ days: PERIOD_DAYS });
  const defectiveShare = counts.interactions > 0 ? formatPercent(counts.defectiveInteractions / counts.interactions) : 'no data';
  return (
    <>
      <PageHeader title="Dashboard" description={`The last ${PERIOD_DAYS} days across every touchpoint.`} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Interactions" value={formatInteger(counts.interactions)} />
        <Stat label="Defects" value={formatInteger(counts.defects)} hint="Dismissed defects excluded" />
        <Stat label="Defective interactions" value={defectiveShare} hint={`${formatInteger(counts.defectiveInteractions)} with at least one defect`} />
        <Stat label="Cost of poor quality" value={formatMoney(counts.lostRevenue)} hint="Lost revenue of the period's defects" />
        <Stat label="Open defects" value={formatInteger(counts.openDefects)} hint="Not yet closed or dismissed, any date" />
        <Stat label="Customers" value={formatInteger(counts.customers)} />
        <Stat label="Active touchpoints" value={formatInteger(counts.activeTouchpoints)} />
      </dl>
    </>
  );
}
