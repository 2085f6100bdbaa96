import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { DefectCommentForm } from '@/components/defects/defect-comment-form';
import { DefectEditForm } from '@/components/defects/defect-edit-form';
import { DefectHistory } from '@/components/defects/defect-history';
import { DefectVersionProvider } from '@/components/defects/defect-version';
import { DefectWorkflow } from '@/components/defects/defect-workflow';
import { OverdueBadge, StatusBadge } from '@/components/defects/status-badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { rootCauseSteps } from '@/lib/defects/labels';
import { movesFor } from '@/lib/defects/workflow';
import { formatDateTime, formatMoney } from '@/lib/format';
import { canViewDefect, getDefect, listDefectEvents, listDefectOptions } from '@/lib/queries/defects';
import { AUTO_RULE_LABELS, KIND_LABELS, SEVERITY_LABELS, OUTCOME_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: 'Defect' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 border-t border-border py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm text-muted sm:w-40 sm:shrink-0">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export default async function DefectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('viewOwnWork');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const defect = await getDefect({ id });
  if (!defect) notFound();
  const triage = can(user.role, 'triageDefects');
  // Staff work the defects assigned to them, and follow (read-only) those their logging raised.
  const mayWork = triage || defect.ownerId === user.id;
  if (!mayWork && !(await canViewDefect({ viewer: { id: user.id, role: user.role }, defectId: id }))) forbidden();

  const [events, options] = await Promise.all([listDefectEvents({ defectId: id }), listDefectOptions()]);
  const names = new Map<string, string>([
    ...options.people.map((p) => [p.id, p.name] as const),
    ...options.categories.map((c) => [c.id, c.name] as const),
  ]);
  const steps = rootCauseSteps(defect.rootCause);
  const title = defect.title ?? `${KIND_LABELS[defect.kind]} at ${defect.touchpointName}`;

  return (
    <>
      <PageHeader
        back={{ href: '/defects', label: 'Defects' }}
        title={title}
        description={`${KIND_LABELS[defect.kind]} · ${defect.stageName} › ${defect.touchpointName} · ${formatDateTime(defect.occurredAt)}`}
      >
        <div className="flex items-center gap-2">
          <StatusBadge status={defect.status} />
          {defect.overdue ? <OverdueBadge /> : null}
        </div>
      </PageHeader>

      <DefectVersionProvider version={defect.version}>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex flex-col gap-6">
            <Card aria-labelledby="workflow-heading">
              <h2 id="workflow-heading" className="mb-3 text-lg font-semibold">
                Workflow
              </h2>
              {mayWork ? (
                <DefectWorkflow
                  id={defect.id}
                  version={defect.version}
                  status={defect.status}
                  moves={movesFor(user.role, defect.status)}
                  caseNumber={
                    defect.caseStatus && !['proved', 'closed'].includes(defect.caseStatus) ? defect.caseNumber : null
                  }
                />
              ) : (
                <p className="text-sm text-muted">
                  You logged the interaction that raised this defect, so you can follow it here.{' '}
                  {defect.ownerName ? `${defect.ownerName} works it.` : 'A manager will assign it.'}
                </p>
              )}
            </Card>

            <Card aria-labelledby="details-heading">
              <h2 id="details-heading" className="mb-2 text-lg font-semibold">
                Details
              </h2>
              <dl>
                <Detail term="Customer">
                  {defect.customerId ? (
                    <>
                      {defect.customerName} ·{' '}
                      <Link
                        href={`/customers/${defect.customerId}`}
                        className="text-primary underline underline-offset-2"
                      >
                        timeline
                      </Link>
                    </>
                  ) : (
                    <span className="text-muted">None recorded</span>
                  )}
                </Detail>
                <Detail term="Interaction">
                  {defect.interactionId ? (
                    <>
                      <Link
                        href={`/interactions/${defect.interactionId}`}
                        className="text-primary underline underline-offset-2"
                      >
                        {formatDateTime(defect.interactionOccurredAt!)}
                      </Link>{' '}
                      · {OUTCOME_LABELS[defect.interactionOutcome!]}
                      {defect.interactionSaleValue !== null
                        ? ` · sale value ${formatMoney(Number(defect.interactionSaleValue))}`
                        : ''}
                    </>
                  ) : (
                    <span className="text-muted">Recorded by hand</span>
                  )}
                </Detail>
                <Detail term="Category">{defect.categoryName}</Detail>
                <Detail term="Case">
                  {defect.caseId ? (
                    <Link href={`/cases/${defect.caseId}`} className="text-primary underline-offset-2 hover:underline">
                      Case #{defect.caseNumber}
                    </Link>
                  ) : (
                    <span className="text-muted">Not linked to a case</span>
                  )}
                </Detail>
                <Detail term="Severity">{SEVERITY_LABELS[defect.severity]}</Detail>
                <Detail term="Lost revenue">{formatMoney(defect.lostRevenue)}</Detail>
                <Detail term="Owner">{defect.ownerName ?? <span className="text-muted">Nobody yet</span>}</Detail>
                <Detail term="Follow-up due">
                  {defect.dueOn ? (
                    <span className={defect.overdue ? 'font-semibold text-danger' : undefined}>{defect.dueOn}</span>
                  ) : (
                    <span className="text-muted">Not set</span>
                  )}
                </Detail>
                <Detail term="Source">
                  {defect.autoRule
                    ? `${AUTO_RULE_LABELS[defect.autoRule]}${defect.touched ? ', since edited by a person' : ''}`
                    : 'Manual'}
                </Detail>
                {defect.description ? (
                  <Detail term="Description">
                    <span className="whitespace-pre-line">{defect.description}</span>
                  </Detail>
                ) : null}
                <Detail term="Root cause">
                  {steps.length > 1 ? (
                    <ol className="list-decimal pl-5">
                      {steps.map((step, i) => (
                        <li key={i}>{step}</li>
                      ))}
                    </ol>
                  ) : (
                    (steps[0] ?? <span className="text-muted">Not found yet</span>)
                  )}
                </Detail>
                <Detail term="Corrective action">
                  {defect.correctiveAction ? (
                    <span className="whitespace-pre-line">{defect.correctiveAction}</span>
                  ) : (
                    <span className="text-muted">None yet</span>
                  )}
                </Detail>
                {defect.status === 'dismissed' ? (
                  <Detail term="Dismissed because">{defect.dismissReason}</Detail>
                ) : null}
              </dl>
            </Card>

            {mayWork ? (
              <Card aria-labelledby="edit-heading">
                <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
                  {triage ? 'Triage and follow-up' : 'Cause and action'}
                </h2>
                <DefectEditForm
                  defect={{
                    id: defect.id,
                    version: defect.version,
                    title: defect.title,
                    description: defect.description,
                    categoryId: defect.categoryId,
                    kind: defect.kind,
                    severity: defect.severity,
                    lostRevenue: defect.lostRevenue,
                    ownerId: defect.ownerId,
                    dueOn: defect.dueOn,
                    rootCause: defect.rootCause,
                    correctiveAction: defect.correctiveAction,
                  }}
                  triage={triage}
                  categories={options.categories}
                  people={options.people}
                />
              </Card>
            ) : null}
          </div>

          <Card aria-labelledby="history-heading" className="self-start">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              History
            </h2>
            <DefectHistory events={events} names={names} />
            {mayWork ? (
              <div className="mt-4 border-t border-border pt-4">
                <DefectCommentForm id={defect.id} />
              </div>
            ) : null}
          </Card>
        </div>
      </DefectVersionProvider>
    </>
  );
}
