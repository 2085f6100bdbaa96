import { SentimentBadge } from '@/components/voice/sentiment-badge';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
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
import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { listLikelyDuplicates } from '@/lib/customers/find-duplicates';
import { getCustomer, getCustomerNumbers, getCustomerTimeline, listLifecycleChanges } from '@/lib/queries/customers';
import { listLiveFeedbackTouchpoints, listUnverifiedFeedbackFor } from '@/lib/queries/feedback';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('customers.detail');
  return { title: t('title') };
}

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

  const t = await getTranslations('customers.detail');
  const tLifecycle = await getTranslations('enums.lifecycle');
  const tOutcome = await getTranslations('enums.outcome');
  const tSeverity = await getTranslations('enums.severity');
  const tStatus = await getTranslations('enums.defectStatus');
  const format = await getFormatter();
  // A lifecycle change's reason is stored as a message reference (lib/customers/lifecycle-rules.ts).
  const validation = await getRequestValidationTranslator();
  const when = (value: Date) => format.dateTime(value, 'dateTime');
  const money = (value: number) => format.number(value, 'money');
  const responses = (count: number) => t('answers', { count });
  const matchedOn = (fields: ('name' | 'email' | 'phone')[]) =>
    t('sameAs', {
      fields: format.list(
        fields.map((f) => t(`matchedOn.${f}`)),
        { type: 'conjunction' },
      ),
    });

  const details = [
    customer.company,
    customer.email,
    customer.phone,
    customer.externalRef ? t('ref', { ref: customer.externalRef }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader title={customer.name} description={details || undefined}>
        <div className="flex flex-wrap gap-2">
          <Link className={buttonClass('primary')} href={`/log?customer=${customer.id}`}>
            {t('log')}
          </Link>
          <Link className={buttonClass('secondary')} href={`/customers/${customer.id}/edit`}>
            {t('edit')}
          </Link>
          <Link className={buttonClass('secondary')} href={`/interactions?customer=${customer.id}`}>
            {t('interactionsList')}
          </Link>
        </div>
      </PageHeader>
      <p className="mb-4 text-sm text-muted">
        {[
          tLifecycle(customer.lifecycle),
          customer.segmentName,
          customer.ownerName ? t('owner', { name: customer.ownerName }) : null,
          t('since', { date: format.dateTime(customer.createdAt, 'date') }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label={t('numbers')}>
        <Stat label={t('interactions')} value={format.number(numbers.interactions, 'integer')} />
        <Stat
          label={t('nps')}
          value={numbers.nps === null ? t('noData') : format.number(numbers.nps, 'integer')}
          hint={responses(numbers.npsResponses)}
        />
        <Stat
          label={t('csat')}
          value={numbers.csat === null ? t('noData') : format.number(numbers.csat, 'percent')}
          hint={responses(numbers.csatResponses)}
        />
        <Stat
          label={t('expectationGap')}
          value={
            numbers.expectationGap === null
              ? t('noData')
              : format.number(numbers.expectationGap, {
                  minimumFractionDigits: 2,
                  maximumFractionDigits: 2,
                  signDisplay: 'exceptZero',
                })
          }
          hint={responses(numbers.gapResponses)}
        />
        <Stat label={t('openDefects')} value={format.number(numbers.openDefects, 'integer')} />
        <Stat label={t('lostRevenue')} value={money(numbers.lostRevenue)} />
      </dl>
      {duplicates.length ? (
        <Card aria-labelledby="duplicates-heading" className="mb-6">
          <h2 id="duplicates-heading" className="mb-1 text-lg font-semibold">
            {t('duplicates.title')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t('duplicates.description')}</p>
          <ul className="flex flex-col gap-3">
            {duplicates.map((duplicate) => (
              <li key={duplicate.id} className="flex flex-wrap items-start justify-between gap-3 text-sm">
                <span>
                  <Link className="font-medium text-primary underline" href={`/customers/${duplicate.id}`}>
                    {duplicate.name}
                  </Link>
                  <span className="text-muted">
                    {' '}
                    {[duplicate.company, duplicate.email, duplicate.phone].filter(Boolean).join(' · ')} (
                    {matchedOn(duplicate.matchedOn)})
                  </span>
                </span>
                <ActionButton
                  action={mergeCustomersAction}
                  input={{ keepId: customer.id, duplicateId: duplicate.id }}
                  confirm={t('duplicates.confirm', { duplicate: duplicate.name, name: customer.name })}
                  successMessage={t('duplicates.merged')}
                >
                  {t('duplicates.merge', { name: customer.name })}
                </ActionButton>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {unverified.length ? (
        <Card aria-labelledby="unverified-heading" className="mb-6 border-warning">
          <h2 id="unverified-heading" className="mb-1 text-lg font-semibold">
            {t('unverified.title')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t('unverified.description')}</p>
          <ul className="flex flex-col gap-2 text-sm">
            {unverified.map((row) => (
              <li key={row.id}>
                <Link className="text-primary underline" href={`/interactions/${row.id}`}>
                  {row.touchpointName}, {when(row.occurredAt)}
                </Link>{' '}
                <span className="text-muted">· {t('unverified.typed', { email: row.contactEmail ?? '' })}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card aria-labelledby="lifecycle-heading" className="mb-6">
        <h2 id="lifecycle-heading" className="mb-3 text-lg font-semibold">
          {t('lifecycle.title')}
        </h2>
        {lifecycle.length === 0 ? (
          <p className="text-sm text-muted">
            {t('lifecycle.unchanged', { lifecycle: tLifecycle(customer.lifecycle) })}
          </p>
        ) : (
          <ol className="flex flex-col gap-2 text-sm">
            {lifecycle.map((change) => (
              <li key={change.id}>
                <span className="text-muted">{when(change.at)}</span>{' '}
                <strong>
                  {change.from ? `${tLifecycle(change.from)} → ` : ''}
                  {tLifecycle(change.to)}
                </strong>
                : {validation.message(change.reason)}
                {change.rule ? ` ${t('lifecycle.byRule')}` : change.actorName ? ` (${change.actorName})` : ''}
                {Math.abs(change.recordedAt.getTime() - change.at.getTime()) >= 60_000 ? (
                  <span className="text-muted"> {t('lifecycle.recorded', { when: when(change.recordedAt) })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          {t('timeline.title')}
        </h2>
        {timeline.entries.length === 0 ? (
          <p className="text-sm text-muted">{before ? t('timeline.nothingOlder') : t('timeline.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {timeline.entries.map((entry) =>
              entry.type === 'interaction' ? (
                <li key={`i-${entry.id}`} className="rounded-md border border-border p-3 text-sm">
                  <p className="text-xs text-muted">{when(entry.at)}</p>
                  <p className="font-medium">
                    <Link className="text-primary underline" href={`/interactions/${entry.id}`}>
                      {entry.touchpointName}
                    </Link>{' '}
                    <span className="font-normal">· {tOutcome(entry.outcome)}</span>
                    {entry.saleValue !== null ? (
                      <span className="font-normal"> · {money(Number(entry.saleValue))}</span>
                    ) : null}
                  </p>
                  <p className="text-muted">
                    {[
                      entry.expectation !== null || entry.experience !== null
                        ? t('timeline.gap', {
                            expectation: entry.expectation ?? '—',
                            experience: entry.experience ?? '—',
                          })
                        : null,
                      entry.csat !== null ? t('timeline.csat', { value: entry.csat }) : null,
                      entry.nps !== null ? t('timeline.nps', { value: entry.nps }) : null,
                      entry.loggedByName ? t('timeline.loggedBy', { name: entry.loggedByName }) : null,
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
                  <p className="text-xs text-muted">{when(entry.at)}</p>
                  <p className="font-medium text-danger">
                    {t('timeline.defect')}{' '}
                    {canOpenDefect(entry.ownerId) ? (
                      <Link className="underline" href={`/defects/${entry.id}`}>
                        {entry.categoryName}
                      </Link>
                    ) : (
                      entry.categoryName
                    )}{' '}
                    <span className="font-normal text-foreground">
                      {t('timeline.at', { touchpoint: entry.touchpointName })}
                    </span>
                  </p>
                  <p className="text-muted">
                    {tSeverity(entry.severity)} · {tStatus(entry.status)}
                    {Number(entry.lostRevenue) > 0
                      ? ` · ${t('timeline.lost', { amount: money(Number(entry.lostRevenue)) })}`
                      : ''}
                    {entry.interactionId ? (
                      <>
                        {' · '}
                        <Link className="text-primary underline" href={`/interactions/${entry.interactionId}`}>
                          {t('timeline.itsInteraction')}
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
              {t('timeline.older')}
            </Link>
          </p>
        ) : null}
      </Card>
      <Card aria-labelledby="personal-link-heading" className="mt-6">
        <h2 id="personal-link-heading" className="mb-1 text-lg font-semibold">
          {t('personalLink.title')}
        </h2>
        <p className="mb-3 text-sm text-muted">{t('personalLink.description', { name: customer.name })}</p>
        <PersonalFeedbackLink customerId={customer.id} customerName={customer.name} touchpoints={feedbackTouchpoints} />
      </Card>
    </>
  );
}
