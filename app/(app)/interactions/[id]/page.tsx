import { SentimentBadge } from '@/components/voice/sentiment-badge';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteInteractionButton } from '@/components/interactions/delete-interaction-button';
import { EditInteractionForm } from '@/components/interactions/edit-interaction-form';
import { FeedbackMatchDecision } from '@/components/interactions/feedback-match';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { formatDateTime, formatMoney } from '@/lib/format';
import { canEditInteraction, STAFF_EDIT_WINDOW_MS } from '@/lib/interactions/edit-window';
import { groupTouchpoints } from '@/lib/interactions/touchpoint-groups';
import { getInteraction, listDefectsOfInteraction } from '@/lib/queries/interactions';
import { listTouchpoints } from '@/lib/queries/touchpoints';
import { z } from 'zod';
import { OUTCOME_LABELS, CHANNEL_LABELS, DEFECT_STATUS_LABELS, SOURCE_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: 'Interaction' };

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

  const facts: [string, React.ReactNode][] = [
    ['When', formatDateTime(interaction.occurredAt)],
    ['Touchpoint', `${interaction.touchpointName} (${interaction.stageName}, ${CHANNEL_LABELS[interaction.channel]})`],
    [
      'Customer',
      interaction.customerId ? (
        <>
          <Link className="text-primary underline" href={`/customers/${interaction.customerId}`}>
            {interaction.customerName}
          </Link>
          {interaction.customerMatch === 'signed_link' ? (
            <Badge className="ml-2" tone="success">
              Verified by a personal link
            </Badge>
          ) : interaction.customerMatch === 'confirmed' ? (
            <Badge className="ml-2" tone="success">
              Confirmed by staff
            </Badge>
          ) : null}
        </>
      ) : interaction.customerMatch === 'unverified' ? (
        <>
          Anonymous{' '}
          <Badge className="ml-1" tone="warning">
            Unverified match
          </Badge>
        </>
      ) : (
        'Anonymous'
      ),
    ],
    ...(interaction.contactEmail !== null
      ? ([['Email given', `${interaction.contactEmail} (as typed, not verified)`]] as [string, React.ReactNode][])
      : []),
    ['Outcome', OUTCOME_LABELS[interaction.outcome]],
    ['Sale value', interaction.saleValue === null ? '—' : formatMoney(Number(interaction.saleValue))],
    ['Expectation → experience', `${interaction.expectation ?? '—'} → ${interaction.experience ?? '—'}`],
    ['CSAT', interaction.csat ?? '—'],
    ['NPS likelihood', interaction.nps ?? '—'],
    ['Effort', interaction.effort ?? '—'],
    [
      'Source',
      `${SOURCE_LABELS[interaction.source]}${interaction.loggedByName ? `, logged by ${interaction.loggedByName}` : ''}`,
    ],
    ['Notes', interaction.notes ?? '—'],
    [
      'Sentiment',
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
        title={`${interaction.touchpointName}${interaction.customerName ? ` with ${interaction.customerName}` : ''}`}
        description={formatDateTime(interaction.occurredAt)}
        back={{ href: '/interactions', label: 'Interactions' }}
      />
      {interaction.customerMatch === 'unverified' && interaction.suggestedCustomerId ? (
        <Card className="mb-4 border-warning" aria-labelledby="match-heading">
          <h2 id="match-heading" className="mb-2 text-lg font-semibold">
            Unverified customer match
          </h2>
          <p className="mb-3 text-sm">
            Whoever sent this feedback typed an email that matches{' '}
            <Link className="text-primary underline" href={`/customers/${interaction.suggestedCustomerId}`}>
              {interaction.suggestedCustomerName}
            </Link>
            . Anyone holding the public link can type any email, so it counts as anonymous, and stays off their
            timeline, until a member of staff confirms it came from them.
          </p>
          <FeedbackMatchDecision
            interactionId={interaction.id}
            customerName={interaction.suggestedCustomerName ?? 'this customer'}
          />
        </Card>
      ) : interaction.customerMatch === 'rejected' && interaction.suggestedCustomerName ? (
        <p className="mb-4 text-sm text-muted">
          Staff decided this feedback did not come from {interaction.suggestedCustomerName}, whose email was typed.
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="mb-3 text-lg font-semibold">
            What happened
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
            Defects ({defectRows.length})
          </h2>
          {defectRows.length === 0 ? (
            <p className="text-sm text-muted">No defect: this interaction went as the customer expected.</p>
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
                      · {d.severity} · {DEFECT_STATUS_LABELS[d.status]}
                    </span>
                  </p>
                  <p className="text-muted">
                    {Number(d.lostRevenue) > 0 ? `Lost revenue ${formatMoney(Number(d.lostRevenue))} · ` : ''}
                    {d.autoRule
                      ? `Raised by the ${d.autoRule.replace('_', ' ')} rule${d.touched ? ', since worked by hand' : ''}`
                      : 'Logged by hand'}
                    {d.ownerName ? ` · Owner ${d.ownerName}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card className="mt-4" aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
          Edit
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
              ? `You could edit this for ${STAFF_EDIT_WINDOW_MS / 3_600_000} hours after logging it; ask a manager to change it now.`
              : 'Only the person who logged it (for 24 hours), a manager or an admin may edit this interaction.'}
          </p>
        )}
      </Card>
      {can(user.role, 'deleteRecords') ? (
        <Card className="mt-4" aria-labelledby="delete-heading">
          <h2 id="delete-heading" className="mb-3 text-lg font-semibold">
            Delete
          </h2>
          <DeleteInteractionButton id={interaction.id} defectCount={defectRows.length} />
        </Card>
      ) : null}
    </>
  );
}
