import type { Metadata } from 'next';
import Link from 'next/link';
import { CaseStatusBadge } from '@/components/cases/case-status-badge';
import { EvaluateChartsButton } from '@/components/cases/case-buttons';
import { Pagination } from '@/components/ui/list-controls';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { formatDateTime, formatInteger } from '@/lib/format';
import { CASES_PAGE_SIZE, listCases } from '@/lib/queries/cases';
import { caseListSchema } from '@/lib/validation/cases';
import { paramsToObject } from '@/lib/validation/filters';
import { CASE_STATUS_LABELS, CASE_STATUSES } from '@/lib/enums';

export const metadata: Metadata = { title: 'Cases' };

const chartOf = (row: { scope: string; touchpointName: string | null; stageName: string | null }) =>
  row.scope === 'touchpoint'
    ? (row.touchpointName ?? 'Touchpoint')
    : row.scope === 'stage'
      ? `${row.stageName ?? 'Stage'} stage`
      : 'Whole company';

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('viewOwnWork');
  const raw = paramsToObject(await searchParams);
  const parsed = caseListSchema.safeParse(raw);
  const params = parsed.success ? parsed.data : caseListSchema.parse({});
  const manager = can(user.role, 'triageDefects');
  const { rows, total } = await listCases({ viewer: { id: user.id, role: user.role }, params });
  const query = new URLSearchParams();
  for (const status of params.status) query.append('status', status);
  if (params.owner) query.set('owner', params.owner);

  return (
    <>
      <PageHeader
        title="Cases"
        description={
          manager
            ? 'Investigations of special causes: opened by a signal on a monitored chart or by a manager, closed when the fix is proved.'
            : 'The investigations assigned to you.'
        }
      >
        {manager ? <EvaluateChartsButton /> : null}
      </PageHeader>
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href="/cases"
          className="rounded-md border border-border px-3 py-1.5 hover:bg-background"
          aria-current={params.status.length === 0 ? 'page' : undefined}
        >
          All
        </Link>
        {CASE_STATUSES.map((status) => (
          <Link
            key={status}
            href={`/cases?status=${status}`}
            className="rounded-md border border-border px-3 py-1.5 hover:bg-background aria-[current=page]:border-primary aria-[current=page]:text-primary"
            aria-current={params.status.length === 1 && params.status[0] === status ? 'page' : undefined}
          >
            {CASE_STATUS_LABELS[status]}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <EmptyState>No cases match.</EmptyState>
        ) : (
          <TableScroll label="Cases">
            <table className="card-table w-full min-w-[48rem] text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Case
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Chart
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Owner
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Defects
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Verdict
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Opened
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-border align-top">
                    <td data-label="Case" className="py-2 pr-4">
                      <Link className="text-primary underline-offset-2 hover:underline" href={`/cases/${row.id}`}>
                        #{row.number} {row.title}
                      </Link>
                    </td>
                    <td data-label="Chart" className="py-2 pr-4">
                      {chartOf(row)}
                      {row.categoryName ? ` · ${row.categoryName}` : ''}
                    </td>
                    <td data-label="Status" className="py-2 pr-4">
                      <CaseStatusBadge status={row.status} />
                    </td>
                    <td data-label="Owner" className="py-2 pr-4">
                      {row.ownerName ?? <span className="text-muted">Managers’ queue</span>}
                    </td>
                    <td data-label="Defects" className="py-2 pr-4 tabular-nums">
                      {formatInteger(row.defectCount)}
                    </td>
                    <td data-label="Verdict" className="py-2 pr-4 text-muted">
                      {row.verdict?.text ?? '—'}
                    </td>
                    <td data-label="Opened" className="py-2 whitespace-nowrap">
                      {formatDateTime(row.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <Pagination path="/cases" params={query} page={params.page} pageSize={CASES_PAGE_SIZE} total={total} />
      </Card>
    </>
  );
}
