import { SentimentBadge } from '@/components/voice/sentiment-badge';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { DeleteInteractionButton } from '@/components/interactions/delete-interaction-button';
import { EditInteractionForm } from '@/components/interactions/edit-interaction-form';
import { FeedbackMatchDecision } from '@/components/interactions/feedback-match';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { canEditInteraction, STAFF_EDIT_WINDOW_MS } from '@/lib/interactions/edit-window';
import { groupTouchpoints } from '@/lib/interactions/touchpoint-groups';
import { getInteraction, listDefectsOfInteraction } from '@/lib/queries/interactions';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import { z } from 'zod';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('interactions.detail');
  return { title: t('title') };
}

const str = (value: number | string | null) => (value === null ? undefined : String(value));

export default async function InteractionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('logInteraction');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const interaction = await getInteraction(id);
  if (!interaction) notFound();
  const [defectRows, touchpoints] = await Promise.all([listDefectsOfInteraction(id), listTouchpoints()]);
  const editable = canEditInteraction(user, interaction);
  // Staff open the defects assigned to them and those raised by an interaction they logged
  // (read-only); a link to any other would answer 403 (see visibleTo in lib/queries/defects.ts).
  const canOpenDefect = (ownerId: string | null) =>
    can(user.role, 'triageDefects') || ownerId === user.id || interaction.loggedById === user.id;

  const t = await getTranslations('interactions.detail');
  const tChannel = await getTranslations('enums.channel');
  const tOutcome = await getTranslations('enums.outcome');
  const tSource = await getTranslations('enums.source');
  const tSeverity = await getTranslations('enums.severity');
  const tStatus = await getTranslations('enums.defectStatus');
  const tRule = await getTranslations('enums.autoRule');
  const format = await getFormatter();
  const when = format.dateTime(interaction.occurredAt, 'dateTime');
  const money = (value: number) => format.number(value, 'money');

  const facts: [string, React.ReactNode][] = [
    [t('when'), when],
    [
      t('touchpoint'),
      t('touchpointValue', {
        touchpoint: interaction.touchpointName,
        stage: interaction.stageName,
        channel: tChannel(interaction.channel),
      }),
    ],
    [
      t('customer'),
      interaction.customerId ? (
        <>
          <Link className="text-primary underline" href={`/customers/${interaction.customerId}`}>
            {interaction.customerName}
          </Link>
          {interaction.customerMatch === 'signed_link' ? (
            <Badge className="ml-2 max-w-full whitespace-normal!" tone="success">
              {t('verifiedByLink')}
            </Badge>
          ) : interaction.customerMatch === 'confirmed' ? (
            <Badge className="ml-2 max-w-full whitespace-normal!" tone="success">
              {t('confirmedByStaff')}
            </Badge>
          ) : null}
        </>
      ) : interaction.customerMatch === 'unverified' ? (
        <>
          {t('anonymous')}{' '}
          <Badge className="ml-1" tone="warning">
            {t('unverifiedMatch')}
          </Badge>
        </>
      ) : (
        t('anonymous')
      ),
    ],
    ...(interaction.contactEmail !== null
      ? ([[t('emailGiven'), t('emailAsTyped', { email: interaction.contactEmail })]] as [string, React.ReactNode][])
      : []),
    [t('outcome'), tOutcome(interaction.outcome)],
    [t('saleValue'), interaction.saleValue === null ? '—' : money(Number(interaction.saleValue))],
    [
      t('gap'),
      interaction.expectation === null && interaction.experience === null
        ? '—'
        : `${interaction.expectation ?? '—'} → ${interaction.experience ?? '—'}`,
    ],
    [t('csat'), interaction.csat ?? '—'],
    [t('nps'), interaction.nps ?? '—'],
    [t('effort'), interaction.effort ?? '—'],
    [
      t('source'),
      interaction.loggedByName
        ? t('sourceLoggedBy', { source: tSource(interaction.source), name: interaction.loggedByName })
        : tSource(interaction.source),
    ],
    [t('notes'), interaction.notes ?? '—'],
    [
      t('sentiment'),
      interaction.sentiment ? (
        <SentimentBadge sentiment={interaction.sentiment} score={interaction.sentimentScore} />
      ) : (
        '—'
      ),
    ],
  ];

  return (
    <>
      <PageHeader
        title={
          interaction.customerName
            ? t('heading', { touchpoint: interaction.touchpointName, customer: interaction.customerName })
            : interaction.touchpointName
        }
        description={when}
        back={{ href: '/interactions', label: t('back') }}
      />
      {interaction.customerMatch === 'unverified' && interaction.suggestedCustomerId ? (
        <Card className="mb-4 border-warning" aria-labelledby="match-heading">
          <h2 id="match-heading" className="mb-2 text-lg font-semibold">
            {t('match.title')}
          </h2>
          <p className="mb-3 text-sm">
            {t.rich('match.description', {
              name: interaction.suggestedCustomerName ?? '',
              customer: (chunks) => (
                <Link className="text-primary underline" href={`/customers/${interaction.suggestedCustomerId}`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
          <FeedbackMatchDecision
            interactionId={interaction.id}
            customerName={interaction.suggestedCustomerName ?? t('match.thisCustomer')}
          />
        </Card>
      ) : interaction.customerMatch === 'rejected' && interaction.suggestedCustomerName ? (
        <p className="mb-4 text-sm text-muted">{t('match.rejected', { name: interaction.suggestedCustomerName })}</p>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="mb-3 text-lg font-semibold">
            {t('facts')}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd className="whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card aria-labelledby="defects-heading">
          <h2 id="defects-heading" className="mb-3 text-lg font-semibold">
            {t('defects', { count: defectRows.length })}
          </h2>
          {defectRows.length === 0 ? (
            <p className="text-sm text-muted">{t('noDefect')}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {defectRows.map((d) => (
                <li key={d.id} className="rounded-md border border-border p-3">
                  <p className="font-medium">
                    {canOpenDefect(d.ownerId) ? (
                      <Link className="text-primary underline" href={`/defects/${d.id}`}>
                        {d.categoryName}
                      </Link>
                    ) : (
                      d.categoryName
                    )}{' '}
                    <span className="font-normal text-muted">
                      · {tSeverity(d.severity)} · {tStatus(d.status)}
                    </span>
                  </p>
                  <p className="text-muted">
                    {[
                      Number(d.lostRevenue) > 0 ? t('lostRevenue', { amount: money(Number(d.lostRevenue)) }) : null,
                      d.autoRule
                        ? t(d.touched ? 'raisedByRuleTouched' : 'raisedByRule', { rule: tRule(d.autoRule) })
                        : t('loggedByHand'),
                      d.ownerName ? t('owner', { name: d.ownerName }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card className="mt-4" aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
          {t('edit')}
        </h2>
        {editable ? (
          <EditInteractionForm
            id={interaction.id}
            customerId={interaction.customerId}
            occurredAt={interaction.occurredAt.toISOString()}
            groups={groupTouchpoints(touchpoints, interaction.touchpointId)}
            defaults={{
              touchpointId: interaction.touchpointId,
              outcome: interaction.outcome,
              saleValue: str(interaction.saleValue),
              expectation: str(interaction.expectation),
              experience: str(interaction.experience),
              csat: str(interaction.csat),
              nps: str(interaction.nps),
              effort: str(interaction.effort),
              notes: interaction.notes ?? undefined,
            }}
          />
        ) : (
          <p className="text-sm text-muted">
            {interaction.loggedById === user.id
              ? t('editWindowOver', { hours: STAFF_EDIT_WINDOW_MS / 3_600_000 })
              : t('editNotYours', { hours: STAFF_EDIT_WINDOW_MS / 3_600_000 })}
          </p>
        )}
      </Card>
      {can(user.role, 'deleteRecords') ? (
        <Card className="mt-4" aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-3 text-lg font-semibold">
            {t('delete')}
          </h2>
          <DeleteInteractionButton id={interaction.id} defectCount={defectRows.length} />
        </Card>
      ) : null}
    </>
  );
}
