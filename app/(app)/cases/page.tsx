import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { CaseStatusBadge } from '@/components/cases/case-status-badge';
import { EvaluateChartsButton } from '@/components/cases/case-buttons';
import { Pagination } from '@/components/ui/list-controls';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { CASES_PAGE_SIZE, listCases } from '@/lib/queries/cases';
import { caseListSchema } from '@/lib/validation/cases';
import { paramsToObject } from '@/lib/validation/filters';
import { pValueRef } from '@/lib/metrics/proof';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import { CASE_STATUSES } from '@/lib/enums';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases');
  return { title: t('title') };
}

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
  const t = await getTranslations('cases');
  const tStatus = await getTranslations('enums.caseStatus');
  const format = await getFormatter();
  const tAll = (await getTranslations()) as unknown as ValidationTranslator;
  const chartOf = (row: { scope: string; touchpointName: string | null; stageName: string | null }) =>
    t('list.chartOf', { scope: row.scope, touchpoint: row.touchpointName ?? '', stage: row.stageName ?? '' });
  // The verdict stored with the case is English text; its outcome and p-value are shown in the reader's words.
  const verdictOf = (verdict: (typeof rows)[number]['verdict']) =>
    verdict
      ? t('list.verdictShort', {
          outcome: t(`outcome.${verdict.outcome}`),
          hasP: verdict.pValue === null ? 'no' : 'yes',
          p: verdict.pValue === null ? '' : translateMessage(pValueRef(verdict.pValue), tAll),
        })
      : '—';

  return (
    <>
      <PageHeader title={t('title')} description={manager ? t('list.descriptionManager') : t('list.descriptionOwn')}>
        {manager ? <EvaluateChartsButton /> : null}
      </PageHeader>
      <nav aria-label={t('list.filterByStatus')} className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href="/cases"
          className="rounded-md border border-border px-3 py-1.5 hover:bg-background"
          aria-current={params.status.length === 0 ? 'page' : undefined}
        >
          {t('list.all')}
        </Link>
        {CASE_STATUSES.map((status) => (
          <Link
            key={status}
            href={`/cases?status=${status}`}
            className="rounded-md border border-border px-3 py-1.5 hover:bg-background aria-[current=page]:border-primary aria-[current=page]:text-primary"
            aria-current={params.status.length === 1 && params.status[0] === status ? 'page' : undefined}
          >
            {tStatus(status)}
          </Link>
        ))}
      </nav>
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t('list.noneMatch')}</EmptyState>
        ) : (
          <TableScroll label={t('title')}>
            <table className="card-table w-full min-w-[48rem] text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('list.case')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('list.chart')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('field.status')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('field.owner')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('list.defects')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('list.verdict')}
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    {t('list.opened')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-border align-top">
                    <td data-label={t('list.case')} className="py-2 pr-4">
                      <Link className="text-primary underline-offset-2 hover:underline" href={`/cases/${row.id}`}>
                        {t('caseLink', { number: row.number ?? '', title: row.title })}
                      </Link>
                    </td>
                    <td data-label={t('list.chart')} className="py-2 pr-4">
                      {chartOf(row)}
                      {row.categoryName ? ` · ${row.categoryName}` : ''}
                    </td>
                    <td data-label={t('field.status')} className="py-2 pr-4">
                      <CaseStatusBadge status={row.status} />
                    </td>
                    <td data-label={t('field.owner')} className="py-2 pr-4">
                      {row.ownerName ?? <span className="text-muted">{t('managersQueue')}</span>}
                    </td>
                    <td data-label={t('list.defects')} className="py-2 pr-4 tabular-nums">
                      {format.number(row.defectCount, 'integer')}
                    </td>
                    <td data-label={t('list.verdict')} className="py-2 pr-4 text-muted">
                      {verdictOf(row.verdict)}
                    </td>
                    <td data-label={t('list.opened')} className="py-2 whitespace-nowrap">
                      {format.dateTime(row.createdAt, 'dateTime')}
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
