import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { BulkActions } from '@/components/defects/bulk-actions';
import { DefectBoard } from '@/components/defects/defect-board';
import { DefectFiltersForm } from '@/components/defects/defect-filters';
import { DefectsTable } from '@/components/defects/defects-table';
import { listHref, listParams, type UrlState } from '@/components/defects/list-url';
import { Pagination } from '@/components/ui/list-controls';
import { StatusCounts } from '@/components/defects/status-counts';
import { CollapsibleFilters } from '@/components/ui/collapsible-filters';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { can } from '@/lib/auth/roles';
import {
  BOARD_COLUMN_SIZE,
  countDefectsByStatus,
  DEFECTS_PAGE_SIZE,
  listDefectBoard,
  listDefectOptions,
  listDefects,
} from '@/lib/queries/defects';
import { listActiveCaseChoices } from '@/lib/queries/cases';
import { defectListParamsSchema } from '@/lib/validation/defects';
import { defectFiltersSchema, paramsToObject } from '@/lib/validation/filters';
import { DEFECT_STATUSES } from '@/lib/enums';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('defects');
  return { title: t('title') };
}

export default async function DefectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('viewOwnWork');
  const raw = paramsToObject(await searchParams);
  const parsedFilters = defectFiltersSchema.safeParse(raw);
  const filters = parsedFilters.success ? parsedFilters.data : defectFiltersSchema.parse({});
  const params = defectListParamsSchema.parse(raw);
  const triage = can(user.role, 'triageDefects');
  const view = triage ? params.view : 'list';
  const viewer = { id: user.id, role: user.role };
  const state: UrlState = {
    ...filters,
    q: params.q,
    sort: params.sort === 'occurredAt' ? undefined : params.sort,
    dir: params.dir === 'desc' ? undefined : params.dir,
    view,
    page: params.page,
  };

  const [counts, options, list, board] = await Promise.all([
    countDefectsByStatus({ viewer, filters, q: params.q }),
    listDefectOptions(),
    view === 'list' ? listDefects({ viewer, filters, params }) : null,
    view === 'board'
      ? listDefectBoard({
          viewer,
          filters,
          q: params.q,
          statuses: filters.status.length ? filters.status : DEFECT_STATUSES,
        })
      : null,
  ]);
  const t = await getTranslations('defects');
  // Filter problems are message references (lib/validation/messages.ts): shown in the reader's language.
  const filterProblems = parsedFilters.success
    ? null
    : await getRequestValidationTranslator().then((v) =>
        parsedFilters.error.issues.map((i) => `${i.path.join('.')}: ${v.message(i.message)}`).join('; '),
      );
  const exportHref = listHref('/defects/export', {
    ...state,
    view: undefined,
    page: undefined,
    sort: undefined,
    dir: undefined,
  });

  return (
    <>
      <PageHeader title={t('title')} description={triage ? t('list.descriptionTriage') : t('list.descriptionOwn')}>
        {triage ? (
          <div className="flex flex-wrap gap-2">
            <Link href="/defects/new" className={buttonClass('primary')}>
              {t('list.record')}
            </Link>
            <a href={exportHref} className={buttonClass('secondary')} download>
              {t('list.exportCsv')}
            </a>
          </div>
        ) : null}
      </PageHeader>

      {filterProblems ? (
        <p role="alert" className="mb-4 rounded-md bg-danger/10 px-3 py-2 text-sm text-danger">
          {t('list.badFilters', { problems: filterProblems })}
        </p>
      ) : null}

      <StatusCounts counts={counts} selected={filters.status} state={state} />
      <CollapsibleFilters>
        <DefectFiltersForm
          filters={filters}
          q={params.q}
          options={options}
          showOwner={triage}
          view={view}
          sort={{ sort: state.sort as string | undefined, dir: state.dir as string | undefined }}
        />
      </CollapsibleFilters>

      {triage ? (
        <nav aria-label={t('list.view')} className="mb-3 flex gap-2">
          <Link
            href={listHref('/defects', state, { view: 'list', page: 1 })}
            aria-current={view === 'list' ? 'page' : undefined}
            className={buttonClass(view === 'list' ? 'primary' : 'secondary')}
          >
            {t('list.list')}
          </Link>
          <Link
            href={listHref('/defects', state, { view: 'board', page: 1 })}
            aria-current={view === 'board' ? 'page' : undefined}
            className={buttonClass(view === 'board' ? 'primary' : 'secondary')}
          >
            {t('list.board')}
          </Link>
        </nav>
      ) : null}

      {board ? <DefectBoard columns={board} counts={counts} state={state} columnSize={BOARD_COLUMN_SIZE} /> : null}

      {list ? (
        <Card>
          {triage && list.rows.length > 0 ? (
            <BulkActions people={options.people} activeCases={await listActiveCaseChoices()} />
          ) : null}
          {list.rows.length === 0 ? (
            <EmptyState
              action={
                <Link href="/defects" className={buttonClass('secondary')}>
                  {t('list.clearFilters')}
                </Link>
              }
            >
              {triage ? t('list.noneMatch') : t('list.noneMatchOwn')}
            </EmptyState>
          ) : (
            <>
              <DefectsTable rows={list.rows} params={params} state={state} selectable={triage} />
              <Pagination
                path="/defects"
                params={listParams(state)}
                page={params.page}
                pageSize={DEFECTS_PAGE_SIZE}
                total={list.total}
              />
            </>
          )}
        </Card>
      ) : null}
    </>
  );
}
