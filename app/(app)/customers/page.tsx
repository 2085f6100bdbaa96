import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { CollapsibleFilters } from '@/components/ui/collapsible-filters';
import { SelectField } from '@/components/ui/form-fields';
import { Pagination, SortHeader } from '@/components/ui/list-controls';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { listCustomers, listOwnerChoices, listSegments } from '@/lib/queries/customers';
import { listStages } from '@/lib/queries/touchpoints';
import { filtersToSearchParams, paramsToObject } from '@/lib/validation/filters';
import { customerListParamsSchema } from '@/lib/validation/customers';
import { LIFECYCLES } from '@/lib/enums';
import { FilterActions } from '@/components/ui/filter-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('customers.list');
  return { title: t('title') };
}

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('manageCustomers');
  const params = customerListParamsSchema.parse(paramsToObject(await searchParams));
  const filterParams = {
    q: params.q || undefined,
    segment: params.segment,
    lifecycle: params.lifecycle,
    owner: params.owner,
    // The journey funnel's drill-down (docs/portfolio.md); the form keeps it in hidden fields.
    reached: params.reached,
    from: params.reached ? params.from : undefined,
    to: params.reached ? params.to : undefined,
  };
  const urlParams = filtersToSearchParams({
    ...filterParams,
    sort: params.sort !== 'name' ? params.sort : undefined,
    dir: params.dir !== 'asc' ? params.dir : undefined,
    page: params.page > 1 ? params.page : undefined,
  });
  const [list, segments, owners, stages] = await Promise.all([
    listCustomers(params),
    listSegments(),
    listOwnerChoices(),
    params.reached ? listStages() : Promise.resolve([]),
  ]);
  const t = await getTranslations('customers.list');
  const tLifecycle = await getTranslations('enums.lifecycle');
  const format = await getFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), 'day');
  const reachedStage = stages.find((s) => s.id === params.reached)?.name ?? t('aStage');
  const exportQuery = filtersToSearchParams(filterParams).toString();

  return (
    <>
      <PageHeader title={t('title')} description={t('description')}>
        <div className="flex flex-wrap gap-2">
          {can(user.role, 'importExport') ? (
            <>
              <a
                className={buttonClass('secondary')}
                href={`/customers/export${exportQuery ? `?${exportQuery}` : ''}`}
                download
              >
                {t('exportCsv')}
              </a>
              <Link className={buttonClass('secondary')} href="/customers/import">
                {t('importCsv')}
              </Link>
            </>
          ) : null}
          <Link className={buttonClass('primary')} href="/customers/new">
            {t('new')}
          </Link>
        </div>
      </PageHeader>
      <CollapsibleFilters
        activeCount={[params.q, params.segment, params.lifecycle, params.owner].filter(Boolean).length}
      >
        <Card className="mb-4">
          <form
            method="get"
            action="/customers"
            role="search"
            aria-label={t('findLabel')}
            className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5"
          >
            <Field
              label={t('search')}
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder={t('searchPlaceholder')}
              className="lg:col-span-2"
            />
            <SelectField label={t('segment')} name="segment" defaultValue={params.segment ?? ''}>
              <option value="">{t('any')}</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              <option value="none">{t('noSegment')}</option>
            </SelectField>
            <SelectField label={t('lifecycle')} name="lifecycle" defaultValue={params.lifecycle ?? ''}>
              <option value="">{t('any')}</option>
              {LIFECYCLES.map((l) => (
                <option key={l} value={l}>
                  {tLifecycle(l)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('owner')} name="owner" defaultValue={params.owner ?? ''}>
              <option value="">{t('anyone')}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            {filterParams.reached ? <input type="hidden" name="reached" value={filterParams.reached} /> : null}
            {filterParams.from ? <input type="hidden" name="from" value={filterParams.from} /> : null}
            {filterParams.to ? <input type="hidden" name="to" value={filterParams.to} /> : null}
            {params.sort !== 'name' ? <input type="hidden" name="sort" value={params.sort} /> : null}
            {params.dir !== 'asc' ? <input type="hidden" name="dir" value={params.dir} /> : null}
            <FilterActions apply={t('submit')} clear={t('clear')} href="/customers" />
          </form>
        </Card>
      </CollapsibleFilters>
      {filterParams.reached ? (
        <p className="mb-4 text-sm">
          {filterParams.from || filterParams.to
            ? t.rich('reachedBetween', {
                stage: reachedStage,
                from: filterParams.from ? day(filterParams.from) : t('theStart'),
                to: filterParams.to ? day(filterParams.to) : t('today'),
                strong: (chunks) => <strong>{chunks}</strong>,
              })
            : t.rich('reached', { stage: reachedStage, strong: (chunks) => <strong>{chunks}</strong> })}{' '}
          <Link
            className="text-primary underline"
            href={`/customers?${filtersToSearchParams({ ...filterParams, reached: undefined, from: undefined, to: undefined }).toString()}`}
          >
            {t('everyStage')}
          </Link>
        </p>
      ) : null}
      <Card>
        {list.total === 0 ? (
          <EmptyState
            action={
              <Link href="/customers" className={buttonClass('secondary')}>
                {t('clearFilters')}
              </Link>
            }
          >
            {t('empty')}
          </EmptyState>
        ) : (
          <>
            <TableScroll label={t('title')}>
              <table className="card-table w-full min-w-[48rem] text-left text-sm">
                <caption className="sr-only">{t('caption', { count: list.total })}</caption>
                <thead className="text-muted">
                  <tr>
                    <SortHeader
                      label={t('name')}
                      column="name"
                      path="/customers"
                      params={urlParams}
                      sort={params.sort}
                      dir={params.dir}
                    />
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('company')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('email')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('segment')}
                    </th>
                    <SortHeader
                      label={t('lifecycle')}
                      column="lifecycle"
                      path="/customers"
                      params={urlParams}
                      sort={params.sort}
                      dir={params.dir}
                    />
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('owner')}
                    </th>
                    <SortHeader
                      label={t('added')}
                      column="created"
                      defaultDir="desc"
                      path="/customers"
                      params={urlParams}
                      sort={params.sort}
                      dir={params.dir}
                      className="py-2 font-medium"
                    />
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row) => (
                    <tr key={row.id} className="border-t border-border align-top">
                      <td className="py-2 pr-4">
                        <Link className="font-medium text-primary underline" href={`/customers/${row.id}`}>
                          {row.name}
                        </Link>
                        {row.externalRef ? <span className="block text-xs text-muted">{row.externalRef}</span> : null}
                      </td>
                      <td data-label={t('company')} className="py-2 pr-4">
                        {row.company}
                      </td>
                      <td data-label={t('email')} className="py-2 pr-4">
                        {row.email}
                      </td>
                      <td data-label={t('segment')} className="py-2 pr-4">
                        {row.segmentName}
                      </td>
                      <td data-label={t('lifecycle')} className="py-2 pr-4">
                        {tLifecycle(row.lifecycle)}
                      </td>
                      <td data-label={t('owner')} className="py-2 pr-4">
                        {row.ownerName}
                      </td>
                      <td data-label={t('added')} className="py-2 whitespace-nowrap">
                        {format.dateTime(row.createdAt, 'date')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              path="/customers"
              params={urlParams}
              page={params.page}
              pageSize={list.pageSize}
              total={list.total}
            />
          </>
        )}
      </Card>
    </>
  );
}
