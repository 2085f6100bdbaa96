import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { PChart } from '@/components/charts/p-chart';
import { shortDay } from '@/components/charts/theme';
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
import { formatDateTime, formatInteger, formatMoney, formatPercent } from '@/lib/format';
import { formatMetric } from '@/lib/metrics/format';
import { pValueText } from '@/lib/metrics/proof';
import { pChart } from '@/lib/metrics/p-chart';
import { getCase, listCaseDefects, listCaseEvents, listCaseOwnerOptions, listCaseSignals } from '@/lib/queries/cases';
import { addDays, isoDay } from '@/lib/dates';

export const metadata: Metadata = { title: 'Case' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatPercent(v));

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 border-t border-border py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm text-muted sm:w-44 sm:shrink-0">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function stagedData(proof: CaseProof): StagedDatum[] {
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

const FIGURE_ROWS: { label: string; value: (s: StageFigures) => string }[] = [
  { label: 'Days', value: (s) => `${s.from} – ${s.to}` },
  { label: 'Interactions', value: (s) => formatInteger(s.interactions) },
  {
    label: 'Defective share',
    value: (s) => (s.interactions ? pct(s.defectiveInteractions / s.interactions) : 'no data'),
  },
  { label: 'DPMO', value: (s) => formatMetric(s.dpmo, 'dpmo') },
  { label: 'Sigma level', value: (s) => formatMetric(s.sigma, 'sigma') },
  { label: 'First-pass yield', value: (s) => formatMetric(s.firstPassYield, 'share') },
  { label: 'Cost of poor quality', value: (s) => formatMoney(s.costOfPoorQuality) },
  {
    label: 'Cost per 100 interactions',
    value: (s) => (s.costPer100Interactions === null ? 'no data' : formatMoney(s.costPer100Interactions)),
  },
];

function ProofSection({ proof }: { proof: CaseProof }) {
  const tone =
    proof.decision.outcome === 'proved' ? 'success' : proof.decision.outcome === 'not_effective' ? 'danger' : 'info';
  const testName = proof.test?.test === 'fisher-exact' ? 'Fisher’s exact test' : 'two-proportion z-test';
  return (
    <>
      <Card aria-labelledby="verdict-heading">
        <h2 id="verdict-heading" className="mb-2 text-lg font-semibold">
          Proof of the fix
        </h2>
        <p className="text-base">
          <Badge tone={tone} className="mr-2">
            {proof.decision.outcome === 'proved'
              ? 'Proved'
              : proof.decision.outcome === 'not_effective'
                ? 'Not effective'
                : 'Not yet decided'}
          </Badge>
          <span data-testid="verdict">{proof.verdict}</span>
        </p>
        {proof.decision.reasons.length ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-muted">
            {proof.decision.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 text-sm text-muted">
          {proof.test
            ? `One-sided ${testName} of “the defective share fell”: ${formatInteger(proof.counts.d0)} of ${formatInteger(proof.counts.n0)} before T, ${formatInteger(proof.counts.d1)} of ${formatInteger(proof.counts.n1)} after${proof.test.statistic !== null ? `; z = ${proof.test.statistic.toFixed(2)}` : ''}; ${pValueText(proof.test.pValue)}.`
            : 'No interactions on one side of T yet.'}{' '}
          Proved needs p &lt; 0.05, at least 8 subgroups on each side of T, and no out-of-control point after T.
        </p>
        <TableScroll label="Before and after">
          <table className={`${tableClass} mt-3`}>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Before T</th>
                <th scope="col">From T on</th>
              </tr>
            </thead>
            <tbody>
              {FIGURE_ROWS.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="text-left font-normal">
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
        title="Staged p-chart"
        description={`Limits computed per stage: before T and from T (${proof.effectiveOn}) on, ${proof.subgroup === 'day' ? 'daily' : 'weekly'} subgroups.`}
        summary={`Defective share before T: ${pct(proof.staged.before.centre)}; from T on: ${pct(proof.staged.after.centre)}.`}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">Subgroup</th>
                <th scope="col">Stage</th>
                <th scope="col">n</th>
                <th scope="col">Defective</th>
                <th scope="col">p</th>
                <th scope="col">LCL</th>
                <th scope="col">UCL</th>
                <th scope="col">Signals</th>
              </tr>
            </thead>
            <tbody>
              {(['before', 'after'] as const).flatMap((stage) =>
                proof.staged[stage].points.map((p) => (
                  <tr key={`${stage}-${p.period}`}>
                    <th scope="row" className="text-left font-normal">
                      {p.period}
                    </th>
                    <td>{stage === 'before' ? 'before T' : 'from T'}</td>
                    <td>{formatInteger(p.n)}</td>
                    <td>{formatInteger(p.d)}</td>
                    <td>{pct(p.p)}</td>
                    <td>{pct(p.lcl)}</td>
                    <td>{pct(p.ucl)}</td>
                    <td>{p.signals.map((s) => s.explanation).join(' ') || (p.p === null ? 'gap' : 'in control')}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        }
      >
        <StagedPChart
          data={stagedData(proof)}
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
  const today = isoDay(new Date());
  const last = lastClosedSubgroup(today, row.subgroup);
  const span = row.subgroup === 'day' ? 1 : 7;
  const [events, signals, linked, people, proof, series] = await Promise.all([
    listCaseEvents({ caseId: id }),
    listCaseSignals({ caseId: id }),
    listCaseDefects({ caseId: id }),
    listCaseOwnerOptions(),
    getCaseProof(db, row),
    row.effectiveOn
      ? null
      : getChartSeries(db, ref, addDays(last.from, -(WINDOW_SUBGROUPS[row.subgroup] - 1) * span), last.to),
  ]);
  const chart = series ? pChart(series) : null;
  const names = new Map(people.map((p) => [p.id, p.name] as const));
  const where =
    row.scope === 'touchpoint'
      ? `${row.touchpointName} (touchpoint)`
      : row.scope === 'stage'
        ? `${row.stageName} (stage)`
        : 'the whole company';

  return (
    <>
      <PageHeader
        back={{ href: '/cases', label: 'Cases' }}
        title={`Case #${row.number}: ${row.title}`}
        description={`Chart: ${where}${row.categoryName ? `, ${row.categoryName} only` : ''} · ${row.subgroup === 'day' ? 'daily' : 'weekly'} subgroups · ${row.origin === 'signal' ? 'opened by a signal' : 'opened by a manager'} ${formatDateTime(row.createdAt)}`}
      >
        <CaseStatusBadge status={row.status} />
      </PageHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          {proof ? <ProofSection proof={proof} /> : null}
          {chart ? (
            <ChartFrame
              id="case-chart"
              title="The chart"
              description="The monitored p-chart of this case’s scope over its latest window. Give the corrective action an effective date to see the staged chart and its proof."
              summary={`Defective share, centre line ${pct(chart.centre)}.`}
              table={
                <table className={tableClass}>
                  <thead>
                    <tr>
                      <th scope="col">Subgroup</th>
                      <th scope="col">n</th>
                      <th scope="col">p</th>
                      <th scope="col">UCL</th>
                    </tr>
                  </thead>
                  <tbody>
                    {chart.points.map((p) => (
                      <tr key={p.period}>
                        <th scope="row" className="text-left font-normal">
                          {p.period}
                        </th>
                        <td>{formatInteger(p.n)}</td>
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
                Investigation and action
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
                  <p className="mb-2 text-sm text-muted">
                    Monitoring cases are judged every night; evaluate now to see today’s verdict.
                  </p>
                  <EvaluateCaseButton id={row.id} />
                </div>
              ) : null}
            </Card>
          ) : null}

          <Card aria-labelledby="linked-heading">
            <h2 id="linked-heading" className="mb-3 text-lg font-semibold">
              Linked defects ({formatInteger(linked.total)})
            </h2>
            {linked.rows.length === 0 ? (
              <p className="text-sm text-muted">
                No defects linked yet. Select defects in the Defects list and link them to this case.
              </p>
            ) : (
              <TableScroll label="Linked defects">
                <table className={tableClass}>
                  <thead>
                    <tr>
                      <th scope="col">Occurred</th>
                      <th scope="col">Touchpoint</th>
                      <th scope="col">Category</th>
                      <th scope="col">Status</th>
                      <th scope="col">Lost revenue</th>
                    </tr>
                  </thead>
                  <tbody>
                    {linked.rows.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <Link className={linkClass} href={`/defects/${d.id}`}>
                            {formatDateTime(d.occurredAt)}
                          </Link>
                        </td>
                        <td>{d.touchpointName}</td>
                        <td>{d.categoryName}</td>
                        <td>
                          <StatusBadge status={d.status} />
                        </td>
                        <td>{formatMoney(d.lostRevenue)}</td>
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
              Facts
            </h2>
            <dl>
              <Detail term="Owner">{row.ownerName ?? <span className="text-muted">Managers’ queue</span>}</Detail>
              {row.signal ? (
                <Detail term="Signal">
                  {row.signal.period}: p = {pct(row.signal.p)} against UCL {pct(row.signal.ucl)} (centre{' '}
                  {pct(row.signal.centre)}; {formatInteger(row.signal.d)} of {formatInteger(row.signal.n)} defective)
                  {row.signal.rule ? ` · ${row.signal.rule}` : ''}
                </Detail>
              ) : null}
              {signals.length > 1 ? (
                <Detail term="All signals">
                  <ul>
                    {signals.map((s) => (
                      <li key={s.period}>
                        {s.period}: {pct(s.signal.p)} vs UCL {pct(s.signal.ucl)}
                      </li>
                    ))}
                  </ul>
                </Detail>
              ) : null}
              <Detail term="Root cause">
                {row.rootCause ? (
                  <span className="whitespace-pre-line">{row.rootCause}</span>
                ) : (
                  <span className="text-muted">Not found yet</span>
                )}
              </Detail>
              <Detail term="Corrective action">
                {row.correctiveAction ? (
                  <span className="whitespace-pre-line">{row.correctiveAction}</span>
                ) : (
                  <span className="text-muted">None yet</span>
                )}
              </Detail>
              <Detail term="Effective date (T)">
                {row.effectiveOn ?? <span className="text-muted">Not set</span>}
              </Detail>
              {row.closeReason ? <Detail term="Closed because">{row.closeReason}</Detail> : null}
            </dl>
          </Card>
          <Card aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">
              History
            </h2>
            <CaseHistory events={events} names={names} />
          </Card>
        </div>
      </div>
    </>
  );
}
