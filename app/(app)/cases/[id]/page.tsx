import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { PChart } from '@/components/charts/p-chart';
import { EvaluateCaseButton } from '@/components/cases/case-buttons';
import { CaseForm } from '@/components/cases/case-form';
import { CaseHistory } from '@/components/cases/case-history';
import { CaseStatusBadge } from '@/components/cases/case-status-badge';
import { StagedPChart, type StagedDatum } from '@/components/cases/staged-p-chart';
import { StatusBadge } from '@/components/defects/status-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/roles';
import { getChartSeries, lastClosedSubgroup } from '@/lib/cases/charts';
import { WINDOW_SUBGROUPS } from '@/lib/cases/evaluate-charts';
import { caseChartRef, getCaseProof, type CaseProof, type StageFigures } from '@/lib/cases/proof';
import { caseMovesFor } from '@/lib/cases/workflow';
import { metricFormatter } from '@/lib/metrics/format';
import { pChart, type SignalRule } from '@/lib/metrics/p-chart';
import { pValueRef, reasonRef, verdictRef } from '@/lib/metrics/proof';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import { getCase, listCaseDefects, listCaseEvents, listCaseOwnerOptions, listCaseSignals } from '@/lib/queries/cases';
import { addDays, dayToTime, todayInZone } from '@/lib/dates';
import { getCompanySettings } from '@/lib/settings/company';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cases.detail');
  return { title: t('title') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAGES = ['before', 'after'] as const;
const SIGNAL_RULES: readonly SignalRule[] = [
  'beyond-3-sigma',
  'two-of-three-beyond-2-sigma',
  'four-of-five-beyond-1-sigma',
  'eight-on-one-side',
];

/** The page's words and formats: shares as percentages ("–" for none), days as days. */
async function caseIntl() {
  const t = await getTranslations('cases');
  const tDashboard = await getTranslations('dashboard.pChart');
  const format = await getFormatter();
  const tAll = (await getTranslations()) as unknown as ValidationTranslator;
  /** A message reference (the proof's verdict, reasons and p-values) in the reader's language. */
  const words = (reference: string) => translateMessage(reference, tAll);
  const m = metricFormatter(await getTranslations('metrics'), format);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : format.number(v, 'percent'));
  const day = (d: string) => format.dateTime(new Date(dayToTime(d)), 'day');
  const shortDay = (d: string) => format.dateTime(new Date(dayToTime(d)), 'dayShort');
  /** A Western Electric rule's explanation, as the dashboard words it. */
  const signalText = (rule: string | null, side: string | null) =>
    rule && SIGNAL_RULES.includes(rule as SignalRule)
      ? tDashboard(`signal.${rule as SignalRule}`, { side: side ?? 'above' })
      : (rule ?? '');
  return { t, format, m, pct, day, shortDay, signalText, words };
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 border-t border-border py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm text-muted sm:w-44 sm:shrink-0">{term}</dt>
      <dd className="text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function stagedData(proof: CaseProof, shortDay: (day: string) => string): StagedDatum[] {
  const rows = (stage: 'before' | 'after') => {
    const chart = proof.staged[stage];
    return chart.points.map((p) => ({
      label: shortDay(p.period),
      stage,
      p: p.p === null ? null : p.p * 100,
      centre: chart.centre === null ? null : chart.centre * 100,
      ucl: p.ucl === null ? null : p.ucl * 100,
      lcl: p.lcl === null ? null : p.lcl * 100,
      signal: p.signals.length > 0,
    }));
  };
  return [...rows('before'), ...rows('after')];
}

async function ProofSection({ proof }: { proof: CaseProof }) {
  const { t, format, m, pct, day, shortDay, signalText, words } = await caseIntl();
  const tone =
    proof.decision.outcome === 'proved' ? 'success' : proof.decision.outcome === 'not_effective' ? 'danger' : 'info';
  const { counts, test, decision } = proof;
  // The plain-language verdict and reasons, worded from the proof's numbers (the stored ones may be English).
  const verdict = words(verdictRef(counts, test, decision));
  const noData = t('detail.noData');
  const figureRows: { key: string; label: string; value: (s: StageFigures) => string }[] = [
    {
      key: 'days',
      label: t('detail.row.days'),
      value: (s) => t('detail.dayRange', { from: day(s.from), to: day(s.to) }),
    },
    {
      key: 'interactions',
      label: t('detail.row.interactions'),
      value: (s) => format.number(s.interactions, 'integer'),
    },
    {
      key: 'defectiveShare',
      label: t('detail.row.defectiveShare'),
      value: (s) => (s.interactions ? pct(s.defectiveInteractions / s.interactions) : noData),
    },
    { key: 'dpmo', label: t('detail.row.dpmo'), value: (s) => m.metric(s.dpmo, 'dpmo') },
    { key: 'sigma', label: t('detail.row.sigma'), value: (s) => m.metric(s.sigma, 'sigma') },
    { key: 'fpy', label: t('detail.row.firstPassYield'), value: (s) => m.metric(s.firstPassYield, 'share') },
    {
      key: 'copq',
      label: t('detail.row.costOfPoorQuality'),
      value: (s) => format.number(s.costOfPoorQuality, 'money'),
    },
    {
      key: 'per100',
      label: t('detail.row.costPer100'),
      value: (s) => (s.costPer100Interactions === null ? noData : format.number(s.costPer100Interactions, 'money')),
    },
  ];
  return (
    <>
      <Card aria-labelledby="verdict-heading">
        <h2 id="verdict-heading" className="mb-2 text-lg font-semibold">
          {t('detail.proofTitle')}
        </h2>
        <p className="text-base">
          <Badge tone={tone} className="mr-2">
            {t(`outcome.${decision.outcome}`)}
          </Badge>
          <span data-testid="verdict">{verdict}</span>
        </p>
        {decision.why.length ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-muted">
            {decision.why.map((r) => (
              <li key={r.kind}>{words(reasonRef(r))}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 text-sm text-muted">
          {test
            ? t('detail.test', {
                test: test.test === 'fisher-exact' ? 'fisher' : 'z',
                d0: counts.d0,
                n0: counts.n0,
                d1: counts.d1,
                n1: counts.n1,
                hasZ: test.statistic !== null ? 'yes' : 'no',
                z: test.statistic ?? 0,
                p: words(pValueRef(test.pValue)),
              })
            : t('detail.noSideData')}{' '}
          {t('detail.provedNeeds')}
        </p>
        <TableScroll label={t('detail.beforeAfter')}>
          <table className={`${tableClass} mt-3`}>
            <thead>
              <tr>
                <th scope="col">{t('detail.measure')}</th>
                <th scope="col">{t('detail.beforeT')}</th>
                <th scope="col">{t('detail.fromT')}</th>
              </tr>
            </thead>
            <tbody>
              {figureRows.map((row) => (
                <tr key={row.key}>
                  {/* A measure's name breaks between words (or hyphenates), never inside one: "Interaktionen". */}
                  <th scope="row" className="text-left font-normal hyphens-auto [overflow-wrap:normal]!">
                    {row.label}
                  </th>
                  <td>{row.value(proof.before)}</td>
                  <td>{row.value(proof.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
      <ChartFrame
        id="staged-chart"
        title={t('detail.stagedTitle')}
        description={t('detail.stagedDescription', { day: day(proof.effectiveOn), subgroup: proof.subgroup })}
        summary={t('detail.stagedSummary', {
          before: pct(proof.staged.before.centre),
          after: pct(proof.staged.after.centre),
        })}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{t('detail.column.subgroup')}</th>
                <th scope="col">{t('detail.column.stage')}</th>
                <th scope="col">{t('detail.column.n')}</th>
                <th scope="col">{t('detail.column.defective')}</th>
                <th scope="col">{t('detail.column.p')}</th>
                <th scope="col">{t('detail.column.lcl')}</th>
                <th scope="col">{t('detail.column.ucl')}</th>
                <th scope="col">{t('detail.column.signals')}</th>
              </tr>
            </thead>
            <tbody>
              {STAGES.flatMap((stage) =>
                proof.staged[stage].points.map((p) => (
                  <tr key={`${stage}-${p.period}`}>
                    <th scope="row">{day(p.period)}</th>
                    <td>{stage === 'before' ? t('detail.stageBefore') : t('detail.stageAfter')}</td>
                    <td>{format.number(p.n, 'integer')}</td>
                    <td>{format.number(p.d, 'integer')}</td>
                    <td>{pct(p.p)}</td>
                    <td>{pct(p.lcl)}</td>
                    <td>{pct(p.ucl)}</td>
                    <td>
                      {p.signals.map((s) => signalText(s.rule, s.side)).join(' ') ||
                        (p.p === null ? t('detail.gap') : t('detail.inControl'))}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        }
      >
        <StagedPChart
          data={stagedData(proof, shortDay)}
          effectiveLabel={proof.staged.after.points[0] ? shortDay(proof.staged.after.points[0].period) : null}
        />
      </ChartFrame>
    </>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('viewOwnWork');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const row = await getCase({ id, viewer: { id: user.id, role: user.role } });
  if (!row) notFound();
  const manager = can(user.role, 'triageDefects');
  const mayWork = manager || row.ownerId === user.id;
  const db = await getDb();
  const ref = caseChartRef(row);
  // Today in the company's zone; weeks start on its first day of the week.
  const calendar = await getCompanySettings();
  const today = todayInZone(calendar.timeZone);
  const last = lastClosedSubgroup(today, row.subgroup, calendar.weekStart);
  const span = row.subgroup === 'day' ? 1 : 7;
  const [events, signals, linked, people, proof, series] = await Promise.all([
    listCaseEvents({ caseId: id }),
    listCaseSignals({ caseId: id }),
    listCaseDefects({ caseId: id }),
    listCaseOwnerOptions(),
    getCaseProof(db, row, new Date(), calendar),
    row.effectiveOn
      ? null
      : getChartSeries(
          db,
          ref,
          addDays(last.from, -(WINDOW_SUBGROUPS[row.subgroup] - 1) * span),
          last.to,
          calendar.weekStart,
        ),
  ]);
  const chart = series ? pChart(series) : null;
  const names = new Map(people.map((p) => [p.id, p.name] as const));
  const { t, format, pct, day, shortDay, signalText } = await caseIntl();
  const back = { href: '/cases', label: t('title') };
  const where = t('detail.where', {
    scope: row.scope,
    touchpoint: row.touchpointName ?? '',
    stage: row.stageName ?? '',
  });

  return (
    <>
      <PageHeader
        back={back}
        title={t('detail.heading', { number: row.number ?? '', title: row.title })}
        description={t('detail.description', {
          where,
          hasCategory: row.categoryName ? 'yes' : 'no',
          category: row.categoryName ?? '',
          subgroup: row.subgroup,
          origin: row.origin,
          when: format.dateTime(row.createdAt, 'dateTime'),
        })}
      >
        <CaseStatusBadge status={row.status} />
      </PageHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          {proof ? <ProofSection proof={proof} /> : null}
          {chart ? (
            <ChartFrame
              id="case-chart"
              title={t('detail.chartTitle')}
              description={t('detail.chartDescription')}
              summary={t('detail.chartSummary', { centre: pct(chart.centre) })}
              table={
                <table className={tableClass}>
                  <thead>
                    <tr>
                      <th scope="col">{t('detail.column.subgroup')}</th>
                      <th scope="col">{t('detail.column.n')}</th>
                      <th scope="col">{t('detail.column.p')}</th>
                      <th scope="col">{t('detail.column.ucl')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {chart.points.map((p) => (
                      <tr key={p.period}>
                        <th scope="row">{day(p.period)}</th>
                        <td>{format.number(p.n, 'integer')}</td>
                        <td>{pct(p.p)}</td>
                        <td>{pct(p.ucl)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <PChart
                centre={chart.centre === null ? null : chart.centre * 100}
                data={chart.points.map((p) => ({
                  label: shortDay(p.period),
                  p: p.p === null ? null : p.p * 100,
                  ucl: p.ucl === null ? null : p.ucl * 100,
                  lcl: p.lcl === null ? null : p.lcl * 100,
                  signal: p.signals.length > 0,
                  hollow: p.hollow !== null,
                }))}
              />
            </ChartFrame>
          ) : null}

          {mayWork ? (
            <Card aria-labelledby="work-heading">
              <h2 id="work-heading" className="mb-3 text-lg font-semibold">
                {t('detail.work')}
              </h2>
              <CaseForm
                value={{
                  id: row.id,
                  version: row.version,
                  status: row.status,
                  title: row.title,
                  ownerId: row.ownerId,
                  rootCause: row.rootCause,
                  correctiveAction: row.correctiveAction,
                  effectiveOn: row.effectiveOn,
                  closeReason: row.closeReason,
                }}
                moves={caseMovesFor(user.role, row.status)}
                manager={manager}
                people={people}
              />
              {row.effectiveOn && row.status !== 'closed' ? (
                <div className="mt-4 border-t border-border pt-4">
                  <p className="mb-2 text-sm text-muted">{t('detail.monitoringNote')}</p>
                  <EvaluateCaseButton id={row.id} />
                </div>
              ) : null}
            </Card>
          ) : null}

          <Card aria-labelledby="linked-heading">
            <h2 id="linked-heading" className="mb-3 text-lg font-semibold">
              {t('detail.linked', { count: linked.total })}
            </h2>
            {linked.rows.length === 0 ? (
              <p className="text-sm text-muted">{t('detail.noneLinked')}</p>
            ) : (
              <TableScroll label={t('detail.linkedTable')}>
                <table className={tableClass}>
                  <thead>
                    <tr>
                      <th scope="col">{t('detail.occurred')}</th>
                      <th scope="col">{t('detail.touchpoint')}</th>
                      <th scope="col">{t('detail.category')}</th>
                      <th scope="col">{t('field.status')}</th>
                      <th scope="col">{t('detail.lostRevenue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {linked.rows.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <Link className={linkClass} href={`/defects/${d.id}`}>
                            {format.dateTime(d.occurredAt, 'dateTime')}
                          </Link>
                        </td>
                        <td>{d.touchpointName}</td>
                        <td>{d.categoryName}</td>
                        <td>
                          <StatusBadge status={d.status} />
                        </td>
                        <td>{format.number(d.lostRevenue, 'money')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </Card>
        </div>

        <div className="flex flex-col gap-6 self-start">
          <Card aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="mb-2 text-lg font-semibold">
              {t('detail.facts')}
            </h2>
            <dl>
              <Detail term={t('field.owner')}>
                {row.ownerName ?? <span className="text-muted">{t('managersQueue')}</span>}
              </Detail>
              {row.signal ? (
                <Detail term={t('detail.signal')}>
                  {t('detail.signalText', {
                    period: day(row.signal.period),
                    p: pct(row.signal.p),
                    ucl: pct(row.signal.ucl),
                    centre: pct(row.signal.centre),
                    d: row.signal.d,
                    n: row.signal.n,
                  })}
                  {row.signal.rule ? ` · ${signalText(row.signal.rule, row.signal.side)}` : ''}
                </Detail>
              ) : null}
              {signals.length > 1 ? (
                <Detail term={t('detail.allSignals')}>
                  <ul>
                    {signals.map((s) => (
                      <li key={s.period}>
                        {t('detail.signalShort', {
                          period: day(s.period),
                          p: pct(s.signal.p),
                          ucl: pct(s.signal.ucl),
                        })}
                      </li>
                    ))}
                  </ul>
                </Detail>
              ) : null}
              <Detail term={t('field.rootCause')}>
                {row.rootCause ? (
                  <span className="whitespace-pre-line">{row.rootCause}</span>
                ) : (
                  <span className="text-muted">{t('detail.notFoundYet')}</span>
                )}
              </Detail>
              <Detail term={t('field.correctiveAction')}>
                {row.correctiveAction ? (
                  <span className="whitespace-pre-line">{row.correctiveAction}</span>
                ) : (
                  <span className="text-muted">{t('detail.noneYet')}</span>
                )}
              </Detail>
              <Detail term={t('field.effectiveOn')}>
                {row.effectiveOn ? day(row.effectiveOn) : <span className="text-muted">{t('detail.notSet')}</span>}
              </Detail>
              {row.closeReason ? <Detail term={t('detail.closedBecause')}>{row.closeReason}</Detail> : null}
            </dl>
          </Card>
          <Card aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              {t('history.title')}
            </h2>
            <CaseHistory events={events} names={names} />
          </Card>
        </div>
      </div>
    </>
  );
}
