import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/list-controls';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { InboxItemActions } from '@/components/voice/inbox-item-actions';
import { SentimentBadge } from '@/components/voice/sentiment-badge';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { SOURCE_LABELS } from '@/lib/enums';
import { listDefectOptions } from '@/lib/queries/defects';
import { listInbox, listInboxAssignees } from '@/lib/queries/inbox';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import {
  filtersToSearchParams,
  NPS_GROUP_LABELS,
  readInteractionFilters,
  NPS_GROUPS,
  paramsToObject,
  SEARCH_MAX,
} from '@/lib/validation/filters';
import { inboxParamsSchema } from '@/lib/validation/inbox';

export const metadata: Metadata = { title: 'Feedback inbox' };

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
  const categories = options.categories.filter((c) => c.active).map(({ id, name }) => ({ id, name }));

  return (
    <>
      <PageHeader
        title="Feedback inbox"
        description="Customers' comments, newest first. Handle each one: assign it, raise a defect or open a case from it."
      />
      <Card className="mb-4">
        <form
          method="get"
          action="/inbox"
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
          aria-label="Filter the inbox"
        >
          {!understood ? (
            <p className="text-sm text-danger sm:col-span-2 lg:col-span-4" role="alert">
              Some filters in the address were not understood and are ignored.
            </p>
          ) : null}
          <SelectField label="Show" name="state" defaultValue={inbox.state}>
            <option value="new">New comments</option>
            <option value="handled">Handled</option>
            <option value="all">All comments</option>
          </SelectField>
          <SelectField label="Assigned" name="assigned" defaultValue={inbox.assigned ?? ''}>
            <option value="">To anyone or nobody</option>
            <option value="me">To me</option>
          </SelectField>
          <SelectField label="Sentiment" name="sentiment" defaultValue={filters.sentiment[0] ?? ''}>
            <option value="">Any</option>
            <option value="negative">Negative</option>
            <option value="neutral">Neutral</option>
            <option value="positive">Positive</option>
          </SelectField>
          <SelectField label="NPS answer" name="npsGroup" defaultValue={filters.npsGroup[0] ?? ''}>
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
          <SelectField label="Touchpoint" name="touchpoint" defaultValue={filters.touchpoint[0] ?? ''}>
            <option value="">Any</option>
            {touchpoints.map((t) => (
              <option key={t.id} value={t.id}>
                {`${t.stageName}: ${t.name}`}
              </option>
            ))}
          </SelectField>
          <Field
            label="Keyword theme"
            name="theme"
            maxLength={100}
            defaultValue={filters.theme ?? ''}
            hint="A phrase from the dashboard's keyword themes, e.g. late delivery."
          />
          <Field label="Search comments" name="q" type="search" maxLength={SEARCH_MAX} defaultValue={filters.q ?? ''} />
          {filters.unhappy ? <input type="hidden" name="unhappy" value={filters.unhappy} /> : null}
          {filters.from ? <input type="hidden" name="from" value={filters.from} /> : null}
          {filters.to ? <input type="hidden" name="to" value={filters.to} /> : null}
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
            <button type="submit" className={buttonClass('primary')}>
              Apply filters
            </button>
            <Link href="/inbox" className={buttonClass('secondary')}>
              Clear
            </Link>
          </div>
        </form>
      </Card>

      {list.rows.length === 0 ? (
        <EmptyState>
          {inbox.state === 'new' ? 'No new comments match: the inbox is clear.' : 'No comments match these filters.'}
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Comments">
          {list.rows.map((row) => {
            const scores = [
              row.nps !== null ? `NPS ${row.nps}` : null,
              row.csat !== null ? `CSAT ${row.csat}` : null,
              row.expectation !== null && row.experience !== null
                ? `experience ${row.experience} vs expected ${row.expectation}`
                : null,
            ].filter(Boolean);
            return (
              <li key={row.id}>
                <Card>
                  <article aria-labelledby={`comment-${row.id}`}>
                    <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                      <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                        {formatDateTime(row.occurredAt)}
                      </Link>
                      <span>
                        {row.touchpointName} ({row.stageName})
                      </span>
                      <span>
                        {row.customerId ? (
                          <Link className="hover:underline" href={`/customers/${row.customerId}`}>
                            {row.customerName}
                          </Link>
                        ) : (
                          'Anonymous'
                        )}
                      </span>
                      <span>{SOURCE_LABELS[row.source]}</span>
                      {row.handledAt ? (
                        <Badge tone="success">{`Handled${row.handledByName ? ` by ${row.handledByName}` : ''}`}</Badge>
                      ) : (
                        <Badge tone="info">New</Badge>
                      )}
                      {row.assigneeName ? <Badge>{`Assigned to ${row.assigneeName}`}</Badge> : null}
                      {row.openDefectCount ? (
                        <Badge tone="warning">{`${row.openDefectCount} open defect${row.openDefectCount === 1 ? '' : 's'}`}</Badge>
                      ) : null}
                    </div>
                    <p id={`comment-${row.id}`} className="mt-2 break-words whitespace-pre-wrap">
                      {row.notes}
                    </p>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
                      <SentimentBadge sentiment={row.sentiment} score={row.sentimentScore} />
                      {scores.join(' · ')}
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
