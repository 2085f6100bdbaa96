import type { Metadata } from 'next';
import Link from 'next/link';
import { SelectField } from '@/components/ui/form-fields';
import { Pagination, SortHeader, withParams } from '@/components/ui/list-controls';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { SentimentBadge } from '@/components/voice/sentiment-badge';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { formatDateTime, formatInteger, formatMoney } from '@/lib/format';
import { listOwnerChoices, listSegments } from '@/lib/queries/customers';
import { COMMENT_PREVIEW_CHARS, getCustomerName, listInteractions } from '@/lib/queries/interactions';
import { listStages, listTouchpoints } from '@/lib/queries/touchpoints';
import {
  filtersToSearchParams,
  NPS_GROUP_LABELS,
  readInteractionFilters,
  NO_SEGMENT,
  NPS_GROUPS,
  paramsToObject,
  SEARCH_MAX,
  type InteractionFilters,
} from '@/lib/validation/filters';
import { interactionListExtrasSchema } from '@/lib/validation/interactions';
import { CHANNEL_LABELS, CHANNELS, OUTCOME_LABELS, OUTCOMES, SOURCE_LABELS, SOURCES } from '@/lib/enums';

export const metadata: Metadata = { title: 'Interactions' };

/** The scores an interaction carries, in a line: what a comment is read against. */
function scoreLine(row: {
  nps: number | null;
  csat: number | null;
  expectation: number | null;
  experience: number | null;
}): string {
  const parts: string[] = [];
  if (row.nps !== null) parts.push(`NPS ${row.nps}`);
  if (row.csat !== null) parts.push(`CSAT ${row.csat}`);
  if (row.expectation !== null && row.experience !== null)
    parts.push(`experience ${row.experience} vs expected ${row.expectation}`);
  return parts.join(' · ');
}

const SCORE_LABELS: Record<InteractionFilters['scored'][number], string> = {
  csat: 'a CSAT score',
  nps: 'an NPS answer',
  effort: 'an effort score',
  gap: 'both expectation and experience',
};

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
  const exportQuery = filtersToSearchParams(filters).toString();
  // A single choice shows as a plain select; several (from a drill-down link) as a multiple one, so none is lost.
  const choice = (values: string[]) =>
    values.length > 1
      ? { multiple: true, defaultValue: values, size: Math.min(values.length + 1, 5) }
      : { defaultValue: values[0] ?? '' };
  const segmentNames = new Map(segmentRows.map((s) => [s.id, s.name]));
  const segmentLabel = filters.segment
    .map((id) => (id === NO_SEGMENT ? 'No segment' : (segmentNames.get(id) ?? 'unknown segment')))
    .join(', ');

  return (
    <>
      <PageHeader title="Interactions" description="Every logged contact, as filtered. Open one to see its defects.">
        <div className="flex flex-wrap gap-2">
          {can(user.role, 'importExport') ? (
            <>
              <a
                className={buttonClass('secondary')}
                href={`/interactions/export${exportQuery ? `?${exportQuery}` : ''}`}
              >
                Export CSV
              </a>
              <Link className={buttonClass('secondary')} href="/interactions/import">
                Import CSV
              </Link>
            </>
          ) : null}
          <Link className={buttonClass('primary')} href="/log">
            Log interaction
          </Link>
        </div>
      </PageHeader>

      <Card className="mb-4">
        <form
          method="get"
          action="/interactions"
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
          aria-label="Filter interactions"
        >
          {!understood ? (
            <p className="text-sm text-danger sm:col-span-2 lg:col-span-4" role="alert">
              Some filters in the address were not understood and are ignored.
            </p>
          ) : null}
          <Field label="From" name="from" type="date" defaultValue={filters.from} />
          <Field label="To" name="to" type="date" defaultValue={filters.to} />
          <SelectField label="Touchpoint" name="touchpoint" {...choice(filters.touchpoint)}>
            <option value="">Any</option>
            {touchpoints.map((t) => (
              <option key={t.id} value={t.id}>
                {`${t.stageName}: ${t.name}${t.active ? '' : ' (no longer in use)'}`}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stage" name="stage" {...choice(filters.stage)}>
            <option value="">Any</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Channel" name="channel" {...choice(filters.channel)}>
            <option value="">Any</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Outcome" name="outcome" {...choice(filters.outcome)}>
            <option value="">Any</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Source" name="source" {...choice(filters.source)}>
            <option value="">Any</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Logged by" name="loggedBy" {...choice(filters.loggedBy)}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Defects" name="hasDefects" defaultValue={filters.hasDefects ?? ''}>
            <option value="">With or without</option>
            <option value="1">With open defects</option>
            <option value="0">Without defects</option>
          </SelectField>
          <Field
            label="Search comments"
            name="q"
            type="search"
            maxLength={SEARCH_MAX}
            defaultValue={filters.q ?? ''}
            hint='Words in the notes or feedback comment; "exact phrase", -word, or.'
            className="sm:col-span-2"
          />
          <SelectField label="Comment" name="commented" defaultValue={filters.commented ?? ''}>
            <option value="">With or without</option>
            <option value="1">With a comment</option>
            <option value="0">Without a comment</option>
          </SelectField>
          <SelectField label="Sentiment" name="sentiment" {...choice(filters.sentiment)}>
            <option value="">Any</option>
            <option value="negative">Negative</option>
            <option value="neutral">Neutral</option>
            <option value="positive">Positive</option>
          </SelectField>
          <SelectField label="NPS answer" name="npsGroup" {...choice(filters.npsGroup)}>
            <option value="">Any</option>
            {NPS_GROUPS.map((g) => (
              <option key={g} value={g}>
                {NPS_GROUP_LABELS[g]}
              </option>
            ))}
          </SelectField>
          <SelectField label="CSAT at most" name="csatMax" defaultValue={filters.csatMax?.toString() ?? ''}>
            <option value="">Any</option>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {`${n} or less`}
              </option>
            ))}
          </SelectField>
          <SelectField label="Expectation" name="below" defaultValue={filters.below ?? ''}>
            <option value="">Any</option>
            <option value="1">Experience below expectation</option>
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
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClass('primary')}>
              Apply filters
            </button>
            <Link href="/interactions" className={buttonClass('secondary')}>
              Clear
            </Link>
          </div>
        </form>
        {filters.customer ? (
          <p className="mt-3 text-sm">
            Customer: <strong>{customerName ?? 'unknown'}</strong>{' '}
            <Link
              className="text-primary underline"
              href={withParams('/interactions', params, { customer: undefined, page: undefined })}
            >
              show every customer
            </Link>
          </p>
        ) : null}
        {filters.segment.length ? (
          <p className="mt-3 text-sm">
            Segment: <strong>{segmentLabel}</strong>{' '}
            <Link
              className="text-primary underline"
              href={withParams('/interactions', params, { segment: undefined, page: undefined })}
            >
              show every segment
            </Link>
          </p>
        ) : null}
        {filters.theme ? (
          <p className="mt-3 text-sm">
            Keyword theme: <strong>“{filters.theme}”</strong>{' '}
            <Link
              className="text-primary underline"
              href={withParams('/interactions', params, { theme: undefined, page: undefined })}
            >
              any comment
            </Link>
          </p>
        ) : null}
        {filters.unhappy === '1' ? (
          <p className="mt-3 text-sm">
            Only unhappy customers: experience below expectation, NPS 0–6 or CSAT 1–2{' '}
            <Link
              className="text-primary underline"
              href={withParams('/interactions', params, { unhappy: undefined, page: undefined })}
            >
              everyone
            </Link>
          </p>
        ) : null}
        {filters.scored.length ? (
          <p className="mt-3 text-sm">
            Only interactions with {filters.scored.map((s) => SCORE_LABELS[s]).join(' and ')}{' '}
            <Link
              className="text-primary underline"
              href={withParams('/interactions', params, { scored: undefined, page: undefined })}
            >
              show them all
            </Link>
          </p>
        ) : null}
      </Card>

      <Card>
        <TableScroll label="Interactions">
          <table className="card-table w-full min-w-[64rem] text-left text-sm">
            <caption className="sr-only">Interactions, {formatInteger(list.total)} in all</caption>
            <thead className="text-muted">
              <tr>
                <SortHeader
                  label="When"
                  column="occurred"
                  defaultDir="desc"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label="Touchpoint"
                  column="touchpoint"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label="Customer"
                  column="customer"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label="Outcome"
                  column="outcome"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <SortHeader
                  label="Sale value"
                  column="saleValue"
                  defaultDir="desc"
                  path="/interactions"
                  params={params}
                  sort={extras.sort}
                  dir={extras.dir}
                />
                <th scope="col" className="py-2 pr-4 font-medium">
                  Comment
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Logged by
                </th>
                <SortHeader
                  label="Defects"
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
                      {formatDateTime(row.occurredAt)}
                    </Link>
                  </td>
                  <td data-label="Touchpoint" className="py-2 pr-4">
                    {row.touchpointName}
                    <span className="block text-xs text-muted">
                      {row.stageName} · {CHANNEL_LABELS[row.channel]}
                    </span>
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
                    {OUTCOME_LABELS[row.outcome]}
                  </td>
                  <td data-label="Sale value" className="py-2 pr-4 tabular-nums">
                    {row.saleValue === null ? '' : formatMoney(Number(row.saleValue))}
                  </td>
                  <td data-label="Comment" className="max-w-[24rem] py-2 pr-4">
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
                  <td data-label="Logged by" className="py-2 pr-4">
                    {row.loggedByName ?? <span className="text-muted">{SOURCE_LABELS[row.source]}</span>}
                  </td>
                  <td
                    data-label="Defects"
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
        />
      </Card>
    </>
  );
}
