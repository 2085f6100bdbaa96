import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { SelectField } from '@/components/ui/form-fields';
import { Pagination, SortHeader, withParams } from '@/components/ui/list-controls';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CollapsibleFilters } from '@/components/ui/collapsible-filters';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { SentimentBadge } from '@/components/voice/sentiment-badge';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { listOwnerChoices, listSegments } from '@/lib/queries/customers';
import { COMMENT_PREVIEW_CHARS, getCustomerName, listInteractions } from '@/lib/queries/interactions';
import { listStages, listTouchpoints } from '@/lib/queries/touchpoints';
import {
  filtersToSearchParams,
  readInteractionFilters,
  NO_SEGMENT,
  NPS_GROUPS,
  paramsToObject,
  SEARCH_MAX,
  type InteractionFilters,
} from '@/lib/validation/filters';
import { interactionListExtrasSchema } from '@/lib/validation/interactions';
import { CHANNELS, OUTCOMES, SENTIMENTS, SOURCES } from '@/lib/enums';
import { FilterActions } from '@/components/ui/filter-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('interactions.list');
  return { title: t('title') };
}

export default async function InteractionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('logInteraction');
  const raw = paramsToObject(await searchParams);
  const { filters, understood } = readInteractionFilters(raw);
  const extras = interactionListExtrasSchema.parse(raw);
  const params = filtersToSearchParams({
    ...filters,
    ...(extras.sort !== 'occurred' ? { sort: extras.sort } : {}),
    ...(extras.dir !== 'desc' ? { dir: extras.dir } : {}),
    page: extras.page > 1 ? extras.page : undefined,
  });

  const [list, touchpoints, stages, people, segmentRows, customerName] = await Promise.all([
    listInteractions({ filters, ...extras }),
    listTouchpoints(),
    listStages(),
    listOwnerChoices(),
    filters.segment.length ? listSegments() : Promise.resolve([]),
    filters.customer ? getCustomerName(filters.customer) : Promise.resolve(null),
  ]);
  const t = await getTranslations('interactions.list');
  const tScores = await getTranslations('inbox.scores');
  const tChannel = await getTranslations('enums.channel');
  const tOutcome = await getTranslations('enums.outcome');
  const tSource = await getTranslations('enums.source');
  const tSentiment = await getTranslations('enums.sentiment');
  const tNpsGroup = await getTranslations('inbox.npsGroup');
  const format = await getFormatter();
  /** The scores an interaction carries, in a line: what a comment is read against. */
  const scoreLine = (row: {
    nps: number | null;
    csat: number | null;
    expectation: number | null;
    experience: number | null;
  }) =>
    [
      row.nps !== null ? tScores('nps', { value: row.nps }) : null,
      row.csat !== null ? tScores('csat', { value: row.csat }) : null,
      row.expectation !== null && row.experience !== null
        ? tScores('gap', { experience: row.experience, expectation: row.expectation })
        : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const scored = (score: InteractionFilters['scored'][number]) => t(`scored.${score}`);
  const exportQuery = filtersToSearchParams(filters).toString();
  // A single choice shows as a plain select; several (from a drill-down link) as a multiple one, so none is lost.
  const choice = (values: string[]) =>
    values.length > 1
      ? { multiple: true, defaultValue: values, size: Math.min(values.length + 1, 5) }
      : { defaultValue: values[0] ?? '' };
  const segmentNames = new Map(segmentRows.map((s) => [s.id, s.name]));
  const segmentLabel = filters.segment
    .map((id) => (id === NO_SEGMENT ? t('noSegment') : (segmentNames.get(id) ?? t('unknownSegment'))))
    .join(', ');

  return (
    <>
      <PageHeader title={t('title')} description={t('description')}>
        <div className="flex flex-wrap gap-2">
          {can(user.role, 'importExport') ? (
            <>
              <a
                className={buttonClass('secondary')}
                href={`/interactions/export${exportQuery ? `?${exportQuery}` : ''}`}
                download
              >
                {t('exportCsv')}
              </a>
              <Link className={buttonClass('secondary')} href="/interactions/import">
                {t('importCsv')}
              </Link>
            </>
          ) : null}
          <Link className={buttonClass('primary')} href="/log">
            {t('log')}
          </Link>
        </div>
      </PageHeader>

      {!understood ? (
        <p className="mb-4 text-sm text-danger" role="alert">
          {t('notUnderstood')}
        </p>
      ) : null}
      <CollapsibleFilters activeCount={new Set(filtersToSearchParams(filters).keys()).size}>
        <Card className="mb-4">
          <form
            method="get"
            action="/interactions"
            className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
            aria-label={t('filtersLabel')}
          >
            <Field label={t('from')} name="from" type="date" defaultValue={filters.from} />
            <Field label={t('to')} name="to" type="date" defaultValue={filters.to} />
            <SelectField label={t('touchpoint')} name="touchpoint" {...choice(filters.touchpoint)}>
              <option value="">{t('any')}</option>
              {touchpoints.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {t('touchpointOption', { stage: tp.stageName, touchpoint: tp.name, active: String(tp.active) })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('stage')} name="stage" {...choice(filters.stage)}>
              <option value="">{t('any')}</option>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('channel')} name="channel" {...choice(filters.channel)}>
              <option value="">{t('any')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {tChannel(c)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('outcome')} name="outcome" {...choice(filters.outcome)}>
              <option value="">{t('any')}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {tOutcome(o)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('source')} name="source" {...choice(filters.source)}>
              <option value="">{t('any')}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {tSource(s)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('loggedBy')} name="loggedBy" {...choice(filters.loggedBy)}>
              <option value="">{t('anyone')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('defects')} name="hasDefects" defaultValue={filters.hasDefects ?? ''}>
              <option value="">{t('withOrWithout')}</option>
              <option value="1">{t('withOpenDefects')}</option>
              <option value="0">{t('withoutDefects')}</option>
            </SelectField>
            <Field
              label={t('search')}
              name="q"
              type="search"
              maxLength={SEARCH_MAX}
              defaultValue={filters.q ?? ''}
              hint={t('searchHint')}
              className="sm:col-span-2"
            />
            <SelectField label={t('comment')} name="commented" defaultValue={filters.commented ?? ''}>
              <option value="">{t('withOrWithout')}</option>
              <option value="1">{t('withComment')}</option>
              <option value="0">{t('withoutComment')}</option>
            </SelectField>
            <SelectField label={t('sentiment')} name="sentiment" {...choice(filters.sentiment)}>
              <option value="">{t('any')}</option>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {tSentiment(s)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('npsGroup')} name="npsGroup" {...choice(filters.npsGroup)}>
              <option value="">{t('any')}</option>
              {NPS_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {tNpsGroup(g)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('csatMax')} name="csatMax" defaultValue={filters.csatMax?.toString() ?? ''}>
              <option value="">{t('any')}</option>
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {t('orLess', { n })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('expectation')} name="below" defaultValue={filters.below ?? ''}>
              <option value="">{t('any')}</option>
              <option value="1">{t('belowExpectation')}</option>
            </SelectField>
            {/* Filters this form has no control for (they come from dashboard drill-downs) are kept. */}
            {filters.customer ? <input type="hidden" name="customer" value={filters.customer} /> : null}
            {filters.segment.map((id) => (
              <input key={id} type="hidden" name="segment" value={id} />
            ))}
            {filters.scored.map((score) => (
              <input key={score} type="hidden" name="scored" value={score} />
            ))}
            {filters.unhappy ? <input type="hidden" name="unhappy" value={filters.unhappy} /> : null}
            {filters.theme ? <input type="hidden" name="theme" value={filters.theme} /> : null}
            {extras.sort !== 'occurred' ? <input type="hidden" name="sort" value={extras.sort} /> : null}
            {extras.dir !== 'desc' ? <input type="hidden" name="dir" value={extras.dir} /> : null}
            <FilterActions
              apply={t('apply')}
              clear={t('clear')}
              href="/interactions"
              className="sm:col-span-2 lg:col-span-4"
            />
          </form>
        </Card>
      </CollapsibleFilters>
      {/* The filters a drill-down applied, each with the way back: shown even while the form is folded. */}
      {filters.customer ||
      filters.segment.length ||
      filters.theme ||
      filters.unhappy === '1' ||
      filters.scored.length ? (
        <Card className="mb-4 [&>p:first-child]:mt-0">
          {filters.customer ? (
            <p className="mt-3 text-sm">
              {t.rich('onlyCustomer', { name: customerName ?? t('unknown'), strong: (c) => <strong>{c}</strong> })}{' '}
              <Link
                className="text-primary underline"
                href={withParams('/interactions', params, { customer: undefined, page: undefined })}
              >
                {t('everyCustomer')}
              </Link>
            </p>
          ) : null}
          {filters.segment.length ? (
            <p className="mt-3 text-sm">
              {t.rich('onlySegment', { segments: segmentLabel, strong: (c) => <strong>{c}</strong> })}{' '}
              <Link
                className="text-primary underline"
                href={withParams('/interactions', params, { segment: undefined, page: undefined })}
              >
                {t('everySegment')}
              </Link>
            </p>
          ) : null}
          {filters.theme ? (
            <p className="mt-3 text-sm">
              {t.rich('onlyTheme', { theme: filters.theme, strong: (c) => <strong>{c}</strong> })}{' '}
              <Link
                className="text-primary underline"
                href={withParams('/interactions', params, { theme: undefined, page: undefined })}
              >
                {t('anyComment')}
              </Link>
            </p>
          ) : null}
          {filters.unhappy === '1' ? (
            <p className="mt-3 text-sm">
              {t('onlyUnhappy')}{' '}
              <Link
                className="text-primary underline"
                href={withParams('/interactions', params, { unhappy: undefined, page: undefined })}
              >
                {t('everyone')}
              </Link>
            </p>
          ) : null}
          {filters.scored.length ? (
            <p className="mt-3 text-sm">
              {t('onlyScored', { scores: format.list(filters.scored.map(scored), { type: 'conjunction' }) })}{' '}
              <Link
                className="text-primary underline"
                href={withParams('/interactions', params, { scored: undefined, page: undefined })}
              >
                {t('showAll')}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}

      <Card>
        <TableScroll label={t('title')}>
          <table className="card-table w-full min-w-[64rem] text-left text-sm">
            <caption className="sr-only">
              {t(list.totalIsLowerBound ? 'captionMoreThan' : 'caption', { count: list.total })}
            </caption>
            <thead className="text-muted">
              <tr>
                <SortHeader
                  label={t('when')}
                  column="occurred"
                  defaultDir="desc"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label={t('touchpoint')}
                  column="touchpoint"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label={t('customer')}
                  column="customer"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label={t('outcome')}
                  column="outcome"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label={t('saleValue')}
                  column="saleValue"
                  defaultDir="desc"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('comment')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('loggedBy')}
                </th>
                <SortHeader
                  label={t('defects')}
                  column="defects"
                  defaultDir="desc"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                  className="py-2 font-medium"
                />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} className="border-t border-border align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                      {format.dateTime(row.occurredAt, 'dateTime')}
                    </Link>
                  </td>
                  <td data-label={t('touchpoint')} className="py-2 pr-4">
                    {row.touchpointName}
                    <span className="block text-xs text-muted">
                      {row.stageName} · {tChannel(row.channel)}
                    </span>
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
                  <td data-label={t('saleValue')} className="py-2 pr-4 tabular-nums">
                    {row.saleValue === null ? '' : format.number(Number(row.saleValue), 'money')}
                  </td>
                  <td data-label={t('comment')} className="max-w-[24rem] py-2 pr-4">
                    {row.comment ? (
                      <>
                        <span className="block break-words">
                          {row.comment.length > COMMENT_PREVIEW_CHARS
                            ? `${row.comment.slice(0, COMMENT_PREVIEW_CHARS)}…`
                            : row.comment}
                        </span>
                        <SentimentBadge sentiment={row.sentiment} score={row.sentimentScore} />
                      </>
                    ) : null}
                    <span className="block text-xs text-muted">{scoreLine(row)}</span>
                  </td>
                  <td data-label={t('loggedBy')} className="py-2 pr-4">
                    {row.loggedByName ?? <span className="text-muted">{tSource(row.source)}</span>}
                  </td>
                  <td
                    data-label={t('defects')}
                    className={`py-2 tabular-nums ${row.openDefectCount ? 'font-semibold text-danger' : ''}`}
                  >
                    {row.openDefectCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pagination
          path="/interactions"
          params={params}
          page={extras.page}
          pageSize={list.pageSize}
          total={list.total}
          totalIsLowerBound={list.totalIsLowerBound}
        />
      </Card>
    </>
  );
}
