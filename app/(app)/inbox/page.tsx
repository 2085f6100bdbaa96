import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/list-controls';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CollapsibleFilters } from '@/components/ui/collapsible-filters';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { InboxItemActions } from '@/components/voice/inbox-item-actions';
import { SentimentBadge } from '@/components/voice/sentiment-badge';
import { requirePermission } from '@/lib/auth/current-user';
import { SENTIMENTS } from '@/lib/enums';
import { listDefectOptions } from '@/lib/queries/defects';
import { listInbox, listInboxAssignees } from '@/lib/queries/inbox';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import {
  filtersToSearchParams,
  readInteractionFilters,
  NPS_GROUPS,
  paramsToObject,
  SEARCH_MAX,
} from '@/lib/validation/filters';
import { inboxParamsSchema } from '@/lib/validation/inbox';
import { FilterActions } from '@/components/ui/filter-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

const SCORE_SEPARATOR = ' · ';

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('triageDefects');
  const raw = paramsToObject(await searchParams);
  const { filters, understood } = readInteractionFilters(raw);
  const inbox = inboxParamsSchema.parse(raw);
  const params = filtersToSearchParams({
    ...filters,
    state: inbox.state === 'new' ? undefined : inbox.state,
    assigned: inbox.assigned,
    page: inbox.page > 1 ? inbox.page : undefined,
  });
  const [list, touchpoints, assignees, options] = await Promise.all([
    listInbox({ filters, params: inbox, userId: user.id }),
    listTouchpoints(),
    listInboxAssignees(),
    listDefectOptions(),
  ]);
  const [t, tSource, tSentiment, format] = await Promise.all([
    getTranslations('inbox'),
    getTranslations('enums.source'),
    getTranslations('enums.sentiment'),
    getFormatter(),
  ]);
  const categories = options.categories.filter((c) => c.active).map(({ id, name }) => ({ id, name }));

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {!understood ? (
        <p className="mb-4 text-sm text-danger" role="alert">
          {t('filters.notUnderstood')}
        </p>
      ) : null}
      <CollapsibleFilters activeCount={new Set([...params.keys()].filter((key) => key !== 'page')).size}>
        <Card className="mb-4">
          <form
            method="get"
            action="/inbox"
            className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
            aria-label={t('filters.label')}
          >
            <SelectField label={t('filters.show')} name="state" defaultValue={inbox.state}>
              <option value="new">{t('filters.stateNew')}</option>
              <option value="handled">{t('filters.stateHandled')}</option>
              <option value="all">{t('filters.stateAll')}</option>
            </SelectField>
            <SelectField label={t('filters.assigned')} name="assigned" defaultValue={inbox.assigned ?? ''}>
              <option value="">{t('filters.assignedAnyone')}</option>
              <option value="me">{t('filters.assignedMe')}</option>
            </SelectField>
            <SelectField label={t('filters.sentiment')} name="sentiment" defaultValue={filters.sentiment[0] ?? ''}>
              <option value="">{t('filters.any')}</option>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {tSentiment(s)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('filters.npsGroup')} name="npsGroup" defaultValue={filters.npsGroup[0] ?? ''}>
              <option value="">{t('filters.any')}</option>
              {NPS_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`npsGroup.${g}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('filters.csatMax')} name="csatMax" defaultValue={filters.csatMax?.toString() ?? ''}>
              <option value="">{t('filters.any')}</option>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {t('filters.orLess', { n })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('filters.touchpoint')} name="touchpoint" defaultValue={filters.touchpoint[0] ?? ''}>
              <option value="">{t('filters.any')}</option>
              {touchpoints.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {t('filters.touchpointOption', { stage: tp.stageName, touchpoint: tp.name })}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('filters.theme')}
              name="theme"
              maxLength={100}
              defaultValue={filters.theme ?? ''}
              hint={t('filters.themeHint')}
            />
            <Field
              label={t('filters.search')}
              name="q"
              type="search"
              maxLength={SEARCH_MAX}
              defaultValue={filters.q ?? ''}
            />
            {filters.unhappy ? <input type="hidden" name="unhappy" value={filters.unhappy} /> : null}
            {filters.from ? <input type="hidden" name="from" value={filters.from} /> : null}
            {filters.to ? <input type="hidden" name="to" value={filters.to} /> : null}
            <FilterActions
              apply={t('filters.apply')}
              clear={t('filters.clear')}
              href="/inbox"
              className="sm:col-span-2 lg:col-span-4"
            />
          </form>
        </Card>
      </CollapsibleFilters>

      {list.rows.length === 0 ? (
        <EmptyState>{t(inbox.state === 'new' ? 'emptyNew' : 'empty')}</EmptyState>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t('comments')}>
          {list.rows.map((row) => {
            const scores = [
              row.nps !== null ? t('scores.nps', { value: row.nps }) : null,
              row.csat !== null ? t('scores.csat', { value: row.csat }) : null,
              row.expectation !== null && row.experience !== null
                ? t('scores.gap', { experience: row.experience, expectation: row.expectation })
                : null,
            ].filter(Boolean);
            return (
              <li key={row.id}>
                <Card>
                  <article aria-labelledby={`comment-${row.id}`}>
                    <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                      <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                        {format.dateTime(row.occurredAt, 'dateTime')}
                      </Link>
                      <span>{t('touchpoint', { touchpoint: row.touchpointName, stage: row.stageName })}</span>
                      <span>
                        {row.customerId ? (
                          <Link className="hover:underline" href={`/customers/${row.customerId}`}>
                            {row.customerName}
                          </Link>
                        ) : (
                          t('anonymous')
                        )}
                      </span>
                      <span>{tSource(row.source)}</span>
                      {row.handledAt ? (
                        <Badge tone="success">
                          {row.handledByName ? t('handledBy', { name: row.handledByName }) : t('handled')}
                        </Badge>
                      ) : (
                        <Badge tone="info">{t('new')}</Badge>
                      )}
                      {row.assigneeName ? <Badge>{t('assignedTo', { name: row.assigneeName })}</Badge> : null}
                      {row.openDefectCount ? (
                        <Badge tone="warning">{t('openDefects', { count: row.openDefectCount })}</Badge>
                      ) : null}
                    </div>
                    <p id={`comment-${row.id}`} className="mt-2 break-words whitespace-pre-wrap">
                      {row.notes}
                    </p>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
                      <SentimentBadge sentiment={row.sentiment} score={row.sentimentScore} />
                      {scores.join(SCORE_SEPARATOR)}
                    </p>
                    <InboxItemActions
                      interactionId={row.id}
                      handled={Boolean(row.handledAt)}
                      assigneeId={row.assigneeId}
                      assignees={assignees}
                      categories={categories}
                    />
                  </article>
                </Card>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination path="/inbox" params={params} page={inbox.page} pageSize={list.pageSize} total={list.total} />
    </>
  );
}
