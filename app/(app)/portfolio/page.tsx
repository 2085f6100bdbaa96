import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { ShareLineChart } from '@/components/charts/portfolio-charts';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { addDays, daySchema, isoDay } from '@/lib/dates';
import { formatInteger, formatMoney } from '@/lib/format';
import { defectsHref } from '@/lib/metrics/drill-down';
import { listSegments } from '@/lib/queries/customers';
import {
  getDefectionByMonth,
  getJourneyFunnel,
  getPortfolioCells,
  getRetentionCohorts,
  type LifecycleName,
} from '@/lib/queries/portfolio';
import { paramsToObject } from '@/lib/validation/filters';
import { LIFECYCLE_LABELS, LIFECYCLES } from '@/lib/enums';

export const metadata: Metadata = { title: 'Customer portfolio' };

const periodSchema = z.object({
  segment: z
    .preprocess(
      (v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v),
      z.union([z.uuid(), z.literal('none')]).optional(),
    )
    .catch(undefined),
  from: z
    .preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), daySchema.optional())
    .catch(undefined),
  to: z.preprocess((v) => (v === '' ? undefined : Array.isArray(v) ? v[0] : v), daySchema.optional()).catch(undefined),
});

const RETENTION_MONTHS = 12;
const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const monthName = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('viewDashboard');
  const raw = periodSchema.parse(paramsToObject(await searchParams));
  const to = raw.to ?? isoDay(new Date());
  const from = raw.from && raw.from <= to ? raw.from : addDays(to, -364);
  const period = { from, to };
  const [cells, defection, cohorts, funnel, segmentChoices] = await Promise.all([
    getPortfolioCells(period),
    getDefectionByMonth(period),
    getRetentionCohorts(period, RETENTION_MONTHS),
    getJourneyFunnel({ ...period, segment: raw.segment }),
    listSegments(),
  ]);
  const funnelScope = { from, to, touchpoint: [], stage: [], channel: [], segment: raw.segment ? [raw.segment] : [] };

  const segmentRows = [...new Map(cells.map((c) => [c.segmentId ?? 'none', c.segmentName])).entries()];
  const cellOf = (segment: string, lifecycle: LifecycleName) =>
    cells.find((c) => (c.segmentId ?? 'none') === segment && c.lifecycle === lifecycle);
  const customersHref = (segment: string, lifecycle: LifecycleName) =>
    `/customers?${new URLSearchParams({ segment, lifecycle }).toString()}`;
  // Mean retention k months after first contact, over the cohorts that have reached month k.
  const meanRetention = Array.from({ length: RETENTION_MONTHS }, (_, k) => {
    const reached = cohorts.filter((c) => c.retained[k] !== null && c.retained[k] !== undefined);
    const customers = reached.reduce((n, c) => n + c.customers, 0);
    return customers ? reached.reduce((s, c) => s + (c.retained[k] ?? 0) * c.customers, 0) / customers : null;
  });

  return (
    <>
      <PageHeader
        title="Customer portfolio"
        description={`Who the company does business with: segments by lifecycle now, with the revenue won, lost revenue and NPS of ${from} to ${to}.`}
      />
      <Card className="mb-4">
        <form method="get" action="/portfolio" className="flex flex-wrap items-end gap-3" aria-label="Portfolio period">
          <Field label="From" name="from" type="date" defaultValue={from} />
          <Field label="To" name="to" type="date" defaultValue={to} />
          <SelectField label="Journey funnel: segment" name="segment" defaultValue={raw.segment ?? ''}>
            <option value="">Every segment</option>
            {segmentChoices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value="none">No segment</option>
          </SelectField>
          <button type="submit" className={buttonClass('primary')}>
            Apply
          </button>
        </form>
      </Card>

      <section aria-labelledby="cells-title" className="mb-6 rounded-lg border border-border bg-surface p-4 shadow-sm">
        <h2 id="cells-title" className="text-lg font-semibold">
          Segments by lifecycle
        </h2>
        <p className="mt-1 text-sm text-muted">
          Each cell: the customers there now (select to list them), then the period&apos;s revenue won, lost revenue
          (defects) and NPS of their answers.
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className={`card-table ${tableClass}`}>
            <caption className="sr-only">Customers by segment and lifecycle</caption>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                {LIFECYCLES.map((l) => (
                  <th key={l} scope="col">
                    {LIFECYCLE_LABELS[l]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {segmentRows.map(([segment, name]) => (
                <tr key={segment}>
                  <th scope="row" className="text-left font-normal">
                    {name}
                  </th>
                  {LIFECYCLES.map((l) => {
                    const cell = cellOf(segment, l);
                    return (
                      <td key={l} data-label={LIFECYCLE_LABELS[l]} className="align-top">
                        {cell ? (
                          <>
                            <Link
                              className={linkClass}
                              href={customersHref(segment, l)}
                              aria-label={`${formatInteger(cell.customers)} customers, ${name}, ${LIFECYCLE_LABELS[l]}`}
                            >
                              {formatInteger(cell.customers)}
                            </Link>
                            <span className="block text-xs text-muted">
                              won {formatMoney(cell.revenueWon)} · lost {formatMoney(cell.lostRevenue)}
                            </span>
                            <span className="block text-xs text-muted">
                              {cell.nps === null
                                ? 'NPS: no answers'
                                : `NPS ${cell.nps.toFixed(0)} (${formatInteger(cell.npsResponses)})`}
                            </span>
                          </>
                        ) : (
                          <span className="text-muted">0</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="flex flex-col gap-4">
        <ChartFrame
          id="defection"
          title="Defection rate per month"
          description="Customers who moved to churned in the month, over those with contact in the year before it began."
          summary={`Defection rate for ${defection.length} months, from ${pct(defection[0]?.rate ?? null)} to ${pct(defection.at(-1)?.rate ?? null)}.`}
          table={
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Customers with contact in the year before</th>
                  <th scope="col">Churned in the month</th>
                  <th scope="col">Defection rate</th>
                </tr>
              </thead>
              <tbody>
                {defection.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="text-left font-normal">
                      {monthName(m.month)}
                    </th>
                    <td>{formatInteger(m.base)}</td>
                    <td>{formatInteger(m.churned)}</td>
                    <td>{pct(m.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ShareLineChart
            name="Defection rate"
            xLabel="month"
            data={defection.map((m) => ({ label: monthName(m.month), value: m.rate === null ? null : m.rate * 100 }))}
          />
        </ChartFrame>
        <ChartFrame
          id="retention"
          title="Retention by month of first contact"
          description="Of the customers first in contact in a month (a cohort), the share in contact again each month after; the chart shows the mean over the cohorts."
          summary={`Mean retention one month after first contact: ${pct(meanRetention[1] ?? null)}.`}
          table={
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Months since first contact</th>
                  <th scope="col">Mean retention</th>
                </tr>
              </thead>
              <tbody>
                {meanRetention.map((value, k) => (
                  <tr key={k}>
                    <th scope="row" className="text-left font-normal">{`+${k}`}</th>
                    <td>{pct(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ShareLineChart
            name="Mean retention"
            xLabel="months since first contact"
            data={meanRetention.map((value, k) => ({ label: `+${k}`, value: value === null ? null : value * 100 }))}
          />
        </ChartFrame>
      </div>
      <section
        aria-labelledby="cohorts-title"
        className="mt-6 rounded-lg border border-border bg-surface p-4 shadow-sm"
      >
        <h2 id="cohorts-title" className="text-lg font-semibold">
          Retention of each cohort
        </h2>
        <p className="mt-1 text-sm text-muted">
          Customers first in contact in the month, and the share of them in contact again +1 … +11 months later (— : not
          reached yet).
        </p>
        <div className="mt-3">
          <table className={`card-table ${tableClass}`}>
            <caption className="sr-only">Retention of each cohort, month by month</caption>
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Customers</th>
                {Array.from({ length: RETENTION_MONTHS }, (_, k) => (
                  <th key={k} scope="col">{`+${k}`}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.cohort}>
                  <th scope="row" className="text-left font-normal">
                    {monthName(c.cohort)}
                  </th>
                  <td data-label="Customers">{formatInteger(c.customers)}</td>
                  {Array.from({ length: RETENTION_MONTHS }, (_, k) => (
                    <td key={k} data-label={`+${k}`}>
                      {pct(c.retained[k] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="funnel-title" className="mt-6 rounded-lg border border-border bg-surface p-4 shadow-sm">
        <h2 id="funnel-title" className="text-lg font-semibold">
          Journey funnel
        </h2>
        <p className="mt-1 text-sm text-muted">
          Customers who reached each journey stage in the period (an interaction there or at a later stage), where they
          stopped, and the defects met at each stage
          {raw.segment ? `, for ${segmentChoices.find((s) => s.id === raw.segment)?.name ?? 'no segment'}` : ''}.
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className={`card-table ${tableClass}`}>
            <caption className="sr-only">Customers reaching each stage, in journey order</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Customers who reached it</th>
                <th scope="col">Went no further</th>
                <th scope="col">Defects at the stage</th>
              </tr>
            </thead>
            <tbody>
              {funnel.map((stage) => (
                <tr key={stage.stageId}>
                  <th scope="row" className="text-left font-normal">
                    {stage.name}
                  </th>
                  <td data-label="Customers who reached it">
                    <Link
                      className={linkClass}
                      href={`/customers?${new URLSearchParams({
                        reached: stage.stageId,
                        from,
                        to,
                        ...(raw.segment ? { segment: raw.segment } : {}),
                      }).toString()}`}
                    >
                      {formatInteger(stage.reached)}
                    </Link>
                  </td>
                  <td data-label="Went no further">
                    {formatInteger(stage.stopped)}
                    {stage.reached ? ` (${pct(stage.stopped / stage.reached)})` : ''}
                  </td>
                  <td data-label="Defects at the stage">
                    <Link className={linkClass} href={defectsHref({ ...funnelScope, stage: [stage.stageId] })}>
                      {formatInteger(stage.defects)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
