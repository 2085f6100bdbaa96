import type { Metadata } from 'next';
import Link from 'next/link';
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
import { formatInteger } from '@/lib/format';
import { listCustomers, listOwnerChoices, listSegments } from '@/lib/queries/customers';
import { listStages } from '@/lib/queries/touchpoints';
import { filtersToSearchParams, paramsToObject } from '@/lib/validation/filters';
import { customerListParamsSchema } from '@/lib/validation/customers';
import { LIFECYCLE_LABELS, LIFECYCLES } from '@/lib/enums';

export const metadata: Metadata = { title: 'Customers' };

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
  const reachedStage = stages.find((s) => s.id === params.reached)?.name ?? 'a stage';
  const exportQuery = filtersToSearchParams(filterParams).toString();

  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone you have met along the journey. Open one for their whole timeline."
      >
        <div className="flex flex-wrap gap-2">
          {can(user.role, 'importExport') ? (
            <>
              <a className={buttonClass('secondary')} href={`/customers/export${exportQuery ? `?${exportQuery}` : ''}`}>
                Export CSV
              </a>
              <Link className={buttonClass('secondary')} href="/customers/import">
                Import CSV
              </Link>
            </>
          ) : null}
          <Link className={buttonClass('primary')} href="/customers/new">
            New customer
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
            aria-label="Find customers"
            className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5"
          >
            <Field
              label="Search"
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder="Name, email, company, reference"
              className="lg:col-span-2"
            />
            <SelectField label="Segment" name="segment" defaultValue={params.segment ?? ''}>
              <option value="">Any</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              <option value="none">No segment</option>
            </SelectField>
            <SelectField label="Lifecycle" name="lifecycle" defaultValue={params.lifecycle ?? ''}>
              <option value="">Any</option>
              {LIFECYCLES.map((l) => (
                <option key={l} value={l}>
                  {LIFECYCLE_LABELS[l]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Owner" name="owner" defaultValue={params.owner ?? ''}>
              <option value="">Anyone</option>
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
            <div className="flex items-end gap-2">
              <button type="submit" className={buttonClass('primary')}>
                Search
              </button>
              <Link href="/customers" className={buttonClass('secondary')}>
                Clear
              </Link>
            </div>
          </form>
        </Card>
      </CollapsibleFilters>
      {filterParams.reached ? (
        <p className="mb-4 text-sm">
          Customers who reached <strong>{reachedStage}</strong> or a later stage
          {filterParams.from || filterParams.to
            ? ` between ${filterParams.from ?? 'the start'} and ${filterParams.to ?? 'today'}`
            : ''}{' '}
          <Link
            className="text-primary underline"
            href={`/customers?${filtersToSearchParams({ ...filterParams, reached: undefined, from: undefined, to: undefined }).toString()}`}
          >
            every stage
          </Link>
        </p>
      ) : null}
      <Card>
        {list.total === 0 ? (
          <EmptyState
            action={
              <Link href="/customers" className={buttonClass('secondary')}>
                Clear filters
              </Link>
            }
          >
            No customers match these filters.
          </EmptyState>
        ) : (
          <>
            <TableScroll label="Customers">
              <table className="card-table w-full min-w-[48rem] text-left text-sm">
                <caption className="sr-only">Customers, {formatInteger(list.total)} in all</caption>
                <thead className="text-muted">
                  <tr>
                    <SortHeader
                      label="Name"
                      column="name"
                      path="/customers"
                      params={urlParams}
                      sort={params.sort}
                      dir={params.dir}
                    />
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Company
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Email
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Segment
                    </th>
                    <SortHeader
                      label="Lifecycle"
                      column="lifecycle"
                      path="/customers"
                      params={urlParams}
                      sort={params.sort}
                      dir={params.dir}
                    />
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Owner
                    </th>
                    <SortHeader
                      label="Added"
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
                      <td data-label="Company" className="py-2 pr-4">
                        {row.company}
                      </td>
                      <td data-label="Email" className="py-2 pr-4">
                        {row.email}
                      </td>
                      <td data-label="Segment" className="py-2 pr-4">
                        {row.segmentName}
                      </td>
                      <td data-label="Lifecycle" className="py-2 pr-4">
                        {LIFECYCLE_LABELS[row.lifecycle]}
                      </td>
                      <td data-label="Owner" className="py-2 pr-4">
                        {row.ownerName}
                      </td>
                      <td data-label="Added" className="py-2 whitespace-nowrap">
                        {row.createdAt.toISOString().slice(0, 10)}
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
