import { SentimentBadge } from '@/components/voice/sentiment-badge';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { mergeCustomersAction } from '@/app/(app)/customers/actions';
import { ActionButton } from '@/components/admin/action-button';
import { PersonalFeedbackLink } from '@/components/customers/personal-feedback-link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { formatDateTime, formatInteger, formatMoney, formatPercent } from '@/lib/format';
import { listLikelyDuplicates } from '@/lib/customers/find-duplicates';
import { getCustomer, getCustomerNumbers, getCustomerTimeline, listLifecycleChanges } from '@/lib/queries/customers';
import { OUTCOME_LABELS, SEVERITY_LABELS, DEFECT_STATUS_LABELS, LIFECYCLE_LABELS } from '@/lib/enums';
import { listLiveFeedbackTouchpoints, listUnverifiedFeedbackFor } from '@/lib/queries/feedback';

export const metadata: Metadata = { title: 'Customer' };

const responses = (n: number) => `${formatInteger(n)} answer${n === 1 ? '' : 's'}`;

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const user = await requirePermission('manageCustomers');
  // Staff open only the defects assigned to them; a link to any other would answer 403.
  const canOpenDefect = (ownerId: string | null) => can(user.role, 'triageDefects') || ownerId === user.id;
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const beforeRaw = (await searchParams).before;
  const before =
    typeof beforeRaw === 'string' && !Number.isNaN(Date.parse(beforeRaw)) ? new Date(beforeRaw) : undefined;
  const customer = await getCustomer(id);
  if (!customer) notFound();
  const canMerge = can(user.role, 'mergeCustomers');
  const [numbers, timeline, duplicates, unverified, feedbackTouchpoints, lifecycle] = await Promise.all([
    getCustomerNumbers(id),
    getCustomerTimeline({ customerId: id, before }),
    canMerge ? listLikelyDuplicates(customer) : Promise.resolve([]),
    listUnverifiedFeedbackFor(id),
    listLiveFeedbackTouchpoints(),
    listLifecycleChanges(id),
  ]);

  const details = [
    customer.company,
    customer.email,
    customer.phone,
    customer.externalRef ? `Ref ${customer.externalRef}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader title={customer.name} description={details || undefined}>
        <div className="flex flex-wrap gap-2">
          <Link className={buttonClass('primary')} href={`/log?customer=${customer.id}`}>
            Log interaction
          </Link>
          <Link className={buttonClass('secondary')} href={`/customers/${customer.id}/edit`}>
            Edit customer
          </Link>
          <Link className={buttonClass('secondary')} href={`/interactions?customer=${customer.id}`}>
            Interactions list
          </Link>
        </div>
      </PageHeader>
      <p className="mb-4 text-sm text-muted">
        {LIFECYCLE_LABELS[customer.lifecycle]}
        {customer.segmentName ? ` · ${customer.segmentName}` : ''}
        {customer.ownerName ? ` · Owner ${customer.ownerName}` : ''} · Customer since{' '}
        {customer.createdAt.toISOString().slice(0, 10)}
      </p>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="This customer’s numbers">
        <Stat label="Interactions" value={formatInteger(numbers.interactions)} />
        <Stat
          label="NPS"
          value={numbers.nps === null ? 'no data' : numbers.nps.toFixed(0)}
          hint={responses(numbers.npsResponses)}
        />
        <Stat
          label="CSAT"
          value={numbers.csat === null ? 'no data' : formatPercent(numbers.csat, 0)}
          hint={responses(numbers.csatResponses)}
        />
        <Stat
          label="Expectation gap"
          value={
            numbers.expectationGap === null
              ? 'no data'
              : `${numbers.expectationGap > 0 ? '+' : ''}${numbers.expectationGap.toFixed(2)}`
          }
          hint={responses(numbers.gapResponses)}
        />
        <Stat label="Open defects" value={formatInteger(numbers.openDefects)} />
        <Stat label="Lost revenue" value={formatMoney(numbers.lostRevenue)} />
      </dl>
      {duplicates.length ? (
        <Card aria-labelledby="duplicates-heading" className="mb-6">
          <h2 id="duplicates-heading" className="mb-1 text-lg font-semibold">
            Possible duplicates
          </h2>
          <p className="mb-3 text-sm text-muted">
            Merging moves the other customer’s interactions and defects here, fills in the details this customer lacks,
            and deletes the other record. The audit log keeps both as they were.
          </p>
          <ul className="flex flex-col gap-3">
            {duplicates.map((duplicate) => (
              <li key={duplicate.id} className="flex flex-wrap items-start justify-between gap-3 text-sm">
                <span>
                  <Link className="font-medium text-primary underline" href={`/customers/${duplicate.id}`}>
                    {duplicate.name}
                  </Link>
                  <span className="text-muted">
                    {' '}
                    {[duplicate.company, duplicate.email, duplicate.phone].filter(Boolean).join(' · ')} (same{' '}
                    {duplicate.matchedOn.join(' and ')})
                  </span>
                </span>
                <ActionButton
                  action={mergeCustomersAction}
                  input={{ keepId: customer.id, duplicateId: duplicate.id }}
                  confirm={`Merge ${duplicate.name} into ${customer.name}? Their history moves here and the other record is deleted.`}
                  successMessage="Merged."
                >
                  Merge into {customer.name}
                </ActionButton>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {unverified.length ? (
        <Card aria-labelledby="unverified-heading" className="mb-6 border-warning">
          <h2 id="unverified-heading" className="mb-1 text-lg font-semibold">
            Feedback that may be theirs
          </h2>
          <p className="mb-3 text-sm text-muted">
            These answers came through a public link with an email that matches this customer. Anyone can type an email,
            so they count as anonymous until a member of staff confirms them on the feedback’s page.
          </p>
          <ul className="flex flex-col gap-2 text-sm">
            {unverified.map((row) => (
              <li key={row.id}>
                <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                  {row.touchpointName}, {formatDateTime(row.occurredAt)}
                </Link>{' '}
                <span className="text-muted">· typed {row.contactEmail}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card aria-labelledby="lifecycle-heading" className="mb-6">
        <h2 id="lifecycle-heading" className="mb-3 text-lg font-semibold">
          Lifecycle history
        </h2>
        {lifecycle.length === 0 ? (
          <p className="text-sm text-muted">
            {`${LIFECYCLE_LABELS[customer.lifecycle]} since the customer was added: no rule or person has changed it.`}
          </p>
        ) : (
          <ol className="flex flex-col gap-2 text-sm">
            {lifecycle.map((change) => (
              <li key={change.id}>
                <span className="text-muted">{formatDateTime(change.at)}</span>{' '}
                <strong>
                  {change.from ? `${LIFECYCLE_LABELS[change.from]} → ` : ''}
                  {LIFECYCLE_LABELS[change.to]}
                </strong>
                : {change.reason}
                {change.rule ? ' (rule)' : change.actorName ? ` (${change.actorName})` : ''}
                {Math.abs(change.recordedAt.getTime() - change.at.getTime()) >= 60_000 ? (
                  <span className="text-muted">{` Recorded ${formatDateTime(change.recordedAt)}.`}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        {timeline.entries.length === 0 ? (
          <p className="text-sm text-muted">{before ? 'Nothing older.' : 'No interactions yet.'}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {timeline.entries.map((entry) =>
              entry.type === 'interaction' ? (
                <li key={`i-${entry.id}`} className="rounded-md border border-border p-3 text-sm">
                  <p className="text-xs text-muted">{formatDateTime(entry.at)}</p>
                  <p className="font-medium">
                    <Link className="text-primary underline" href={`/interactions/${entry.id}`}>
                      {entry.touchpointName}
                    </Link>{' '}
                    <span className="font-normal">· {OUTCOME_LABELS[entry.outcome]}</span>
                    {entry.saleValue !== null ? (
                      <span className="font-normal"> · {formatMoney(Number(entry.saleValue))}</span>
                    ) : null}
                  </p>
                  <p className="text-muted">
                    {[
                      entry.expectation !== null || entry.experience !== null
                        ? `Expected ${entry.expectation ?? '—'}, experienced ${entry.experience ?? '—'}`
                        : null,
                      entry.csat !== null ? `CSAT ${entry.csat}` : null,
                      entry.nps !== null ? `NPS ${entry.nps}` : null,
                      entry.loggedByName ? `logged by ${entry.loggedByName}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {/* The comment alone in its paragraph, its sentiment beside it. */}
                  {entry.notes ? <p className="mt-1 whitespace-pre-wrap">{entry.notes}</p> : null}
                  {entry.notes ? <SentimentBadge sentiment={entry.sentiment} score={entry.sentimentScore} /> : null}
                </li>
              ) : (
                <li key={`d-${entry.id}`} className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm">
                  <p className="text-xs text-muted">{formatDateTime(entry.at)}</p>
                  <p className="font-medium text-danger">
                    Defect:{' '}
                    {canOpenDefect(entry.ownerId) ? (
                      <Link className="underline" href={`/defects/${entry.id}`}>
                        {entry.categoryName}
                      </Link>
                    ) : (
                      entry.categoryName
                    )}{' '}
                    <span className="font-normal text-foreground">at {entry.touchpointName}</span>
                  </p>
                  <p className="text-muted">
                    {SEVERITY_LABELS[entry.severity] ?? entry.severity} · {DEFECT_STATUS_LABELS[entry.status]}
                    {Number(entry.lostRevenue) > 0 ? ` · lost ${formatMoney(Number(entry.lostRevenue))}` : ''}
                    {entry.interactionId ? (
                      <>
                        {' · '}
                        <Link className="text-primary underline" href={`/interactions/${entry.interactionId}`}>
                          its interaction
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              ),
            )}
          </ol>
        )}
        {timeline.hasMore && timeline.nextBefore ? (
          <p className="mt-4">
            <Link
              className={buttonClass('secondary')}
              href={`/customers/${customer.id}?before=${encodeURIComponent(timeline.nextBefore.toISOString())}`}
            >
              Show older
            </Link>
          </p>
        ) : null}
      </Card>
      <Card aria-labelledby="personal-link-heading" className="mt-6">
        <h2 id="personal-link-heading" className="mb-1 text-lg font-semibold">
          Personal feedback link
        </h2>
        <p className="mb-3 text-sm text-muted">
          A link signed for {customer.name}: their answers are added to this timeline straight away, with no email to
          type and nothing to confirm.
        </p>
        <PersonalFeedbackLink customerId={customer.id} customerName={customer.name} touchpoints={feedbackTouchpoints} />
      </Card>
    </>
  );
}
