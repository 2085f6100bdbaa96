import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
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
import { canViewDefect, getDefect, listDefectEvents, listDefectOptions } from '@/lib/queries/defects';
import { dayToTime } from '@/lib/dates';
import type { AutoRule, DefectKind, Outcome, Severity } from '@/lib/enums';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('defects.detail');
  return { title: t('title') };
}

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
  const t = await getTranslations('defects');
  const back = { href: '/defects', label: t('title') };
  const tEnum = await getTranslations('enums');
  const format = await getFormatter();
  const title = defect.title ?? t('untitled', { kind: defect.kind, touchpoint: defect.touchpointName });

  return (
    <>
      <PageHeader
        back={back}
        title={title}
        description={t('detail.description', {
          kind: tEnum(`defectKind.${defect.kind as DefectKind}`),
          stage: defect.stageName,
          touchpoint: defect.touchpointName,
          when: format.dateTime(defect.occurredAt, 'dateTime'),
        })}
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
                {t('workflow.title')}
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
                  {t('detail.followOnly')}{' '}
                  {defect.ownerName ? t('detail.worksIt', { name: defect.ownerName }) : t('detail.managerWillAssign')}
                </p>
              )}
            </Card>

            <Card aria-labelledby="details-heading">
              <h2 id="details-heading" className="mb-2 text-lg font-semibold">
                {t('detail.details')}
              </h2>
              <dl>
                <Detail term={t('field.customer')}>
                  {defect.customerId ? (
                    <>
                      {defect.customerName} ·{' '}
                      <Link
                        href={`/customers/${defect.customerId}`}
                        className="text-primary underline underline-offset-2"
                      >
                        {t('detail.timeline')}
                      </Link>
                    </>
                  ) : (
                    <span className="text-muted">{t('detail.noneRecorded')}</span>
                  )}
                </Detail>
                <Detail term={t('detail.interaction')}>
                  {defect.interactionId ? (
                    <>
                      <Link
                        href={`/interactions/${defect.interactionId}`}
                        className="text-primary underline underline-offset-2"
                      >
                        {format.dateTime(defect.interactionOccurredAt!, 'dateTime')}
                      </Link>{' '}
                      · {tEnum(`outcome.${defect.interactionOutcome as Outcome}`)}
                      {defect.interactionSaleValue !== null
                        ? ` · ${t('detail.saleValue', { value: format.number(Number(defect.interactionSaleValue), 'money') })}`
                        : ''}
                    </>
                  ) : (
                    <span className="text-muted">{t('detail.recordedByHand')}</span>
                  )}
                </Detail>
                <Detail term={t('field.category')}>{defect.categoryName}</Detail>
                <Detail term={t('field.caseId')}>
                  {defect.caseId ? (
                    <Link href={`/cases/${defect.caseId}`} className="text-primary underline-offset-2 hover:underline">
                      {t('detail.caseLink', { number: defect.caseNumber ?? '' })}
                    </Link>
                  ) : (
                    <span className="text-muted">{t('detail.notLinked')}</span>
                  )}
                </Detail>
                <Detail term={t('field.severity')}>{tEnum(`severity.${defect.severity as Severity}`)}</Detail>
                <Detail term={t('field.lostRevenue')}>{format.number(defect.lostRevenue, 'money')}</Detail>
                <Detail term={t('field.owner')}>
                  {defect.ownerName ?? <span className="text-muted">{t('nobodyYet')}</span>}
                </Detail>
                <Detail term={t('field.dueOn')}>
                  {defect.dueOn ? (
                    <span className={defect.overdue ? 'font-semibold text-danger' : undefined}>
                      {format.dateTime(new Date(dayToTime(defect.dueOn)), 'day')}
                    </span>
                  ) : (
                    <span className="text-muted">{t('detail.notSet')}</span>
                  )}
                </Detail>
                <Detail term={t('detail.source')}>
                  {defect.autoRule
                    ? t('detail.sourceRule', {
                        rule: tEnum(`autoRule.${defect.autoRule as AutoRule}`),
                        touched: defect.touched ? 'yes' : 'no',
                      })
                    : t('detail.manual')}
                </Detail>
                {defect.description ? (
                  <Detail term={t('field.description')}>
                    <span className="whitespace-pre-line">{defect.description}</span>
                  </Detail>
                ) : null}
                <Detail term={t('field.rootCause')}>
                  {steps.length > 1 ? (
                    <ol className="list-decimal pl-5">
                      {steps.map((step, i) => (
                        <li key={i}>{step}</li>
                      ))}
                    </ol>
                  ) : (
                    (steps[0] ?? <span className="text-muted">{t('detail.notFoundYet')}</span>)
                  )}
                </Detail>
                <Detail term={t('field.correctiveAction')}>
                  {defect.correctiveAction ? (
                    <span className="whitespace-pre-line">{defect.correctiveAction}</span>
                  ) : (
                    <span className="text-muted">{t('detail.noneYet')}</span>
                  )}
                </Detail>
                {defect.status === 'dismissed' ? (
                  <Detail term={t('detail.dismissedBecause')}>{defect.dismissReason}</Detail>
                ) : null}
              </dl>
            </Card>

            {mayWork ? (
              <Card aria-labelledby="edit-heading">
                <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
                  {triage ? t('detail.triageHeading') : t('detail.causeHeading')}
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
              {t('history.title')}
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
