import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { TableScroll } from '@/components/ui/table';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ChartFrame, linkClass, tableClass } from '@/components/charts/chart-frame';
import { ShareLineChart } from '@/components/charts/portfolio-charts';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/form-fields';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { addDays, daySchema } from '@/lib/dates';
import { getCompanyToday } from '@/lib/settings/company';
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
import { LIFECYCLES } from '@/lib/enums';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portfolio');
  return { title: t('title') };
}

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
const NONE = '—';
const plusMonths = (k: number) => `+${k}`;

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('viewDashboard');
  const raw = periodSchema.parse(paramsToObject(await searchParams));
  const to = raw.to ?? (await getCompanyToday());
  const from = raw.from && raw.from <= to ? raw.from : addDays(to, -364);
  const period = { from, to };
  const [cells, defection, cohorts, funnel, segmentChoices] = await Promise.all([
    getPortfolioCells(period),
    getDefectionByMonth(period),
    getRetentionCohorts(period, RETENTION_MONTHS),
    getJourneyFunnel({ ...period, segment: raw.segment }),
    listSegments(),
  ]);
  const [t, tLifecycle, format] = await Promise.all([
    getTranslations('portfolio'),
    getTranslations('enums.lifecycle'),
    getFormatter(),
  ]);
  const pct = (share: number | null) => (share === null ? NONE : format.number(share, 'percent'));
  const integer = (n: number) => format.number(n, 'integer');
  const money = (n: number) => format.number(n, 'money');
  const monthName = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), 'month');
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), 'day');
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
      <PageHeader title={t('title')} description={t('description', { from: day(from), to: day(to) })} />
      <Card className="mb-4">
        <form method="get" action="/portfolio" className="flex flex-wrap items-end gap-3" aria-label={t('form.label')}>
          <Field label={t('form.from')} name="from" type="date" defaultValue={from} />
          <Field label={t('form.to')} name="to" type="date" defaultValue={to} />
          <SelectField label={t('form.segment')} name="segment" defaultValue={raw.segment ?? ''}>
            <option value="">{t('form.everySegment')}</option>
            {segmentChoices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value="none">{t('noSegment')}</option>
          </SelectField>
          <button type="submit" className={buttonClass('primary')}>
            {t('form.apply')}
          </button>
        </form>
      </Card>

      <section aria-labelledby="cells-title" className="mb-6 rounded-lg border border-border bg-surface p-4 shadow-sm">
        <h2 id="cells-title" className="text-lg font-semibold">
          {t('cells.title')}
        </h2>
        <p className="mt-1 text-sm text-muted">{t('cells.description')}</p>
        <div className="mt-3 overflow-x-auto">
          <table className={`card-table ${tableClass}`}>
            <caption className="sr-only">{t('cells.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cells.segment')}</th>
                {LIFECYCLES.map((l) => (
                  <th key={l} scope="col">
                    {tLifecycle(l)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {segmentRows.map(([segment, segmentName]) => {
                const name = segment === 'none' ? t('noSegment') : segmentName;
                return (
                  <tr key={segment}>
                    <th scope="row">{name}</th>
                    {LIFECYCLES.map((l) => {
                      const cell = cellOf(segment, l);
                      return (
                        <td key={l} data-label={tLifecycle(l)} className="align-top">
                          {cell ? (
                            <>
                              <Link
                                className={linkClass}
                                href={customersHref(segment, l)}
                                aria-label={t('cells.link', {
                                  count: cell.customers,
                                  segment: name,
                                  lifecycle: tLifecycle(l),
                                })}
                              >
                                {integer(cell.customers)}
                              </Link>
                              <span className="block text-xs text-muted">
                                {t('cells.money', { won: money(cell.revenueWon), lost: money(cell.lostRevenue) })}
                              </span>
                              <span className="block text-xs text-muted">
                                {cell.nps === null
                                  ? t('cells.npsNone')
                                  : t('cells.nps', { nps: integer(cell.nps), count: cell.npsResponses })}
                              </span>
                            </>
                          ) : (
                            <span className="text-muted">0</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <div className="flex flex-col gap-4">
        <ChartFrame
          id="defection"
          title={t('defection.title')}
          description={t('defection.description')}
          summary={t('defection.summary', {
            count: defection.length,
            first: pct(defection[0]?.rate ?? null),
            last: pct(defection.at(-1)?.rate ?? null),
          })}
          table={
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{t('defection.month')}</th>
                  <th scope="col">{t('defection.base')}</th>
                  <th scope="col">{t('defection.churned')}</th>
                  <th scope="col">{t('defection.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {defection.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthName(m.month)}</th>
                    <td>{integer(m.base)}</td>
                    <td>{integer(m.churned)}</td>
                    <td>{pct(m.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ShareLineChart
            name={t('defection.rate')}
            xLabel={t('defection.axis')}
            data={defection.map((m) => ({ label: monthName(m.month), value: m.rate === null ? null : m.rate * 100 }))}
          />
        </ChartFrame>
        <ChartFrame
          id="retention"
          title={t('retention.title')}
          description={t('retention.description')}
          summary={t('retention.summary', { value: pct(meanRetention[1] ?? null) })}
          table={
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{t('retention.months')}</th>
                  <th scope="col">{t('retention.mean')}</th>
                </tr>
              </thead>
              <tbody>
                {meanRetention.map((value, k) => (
                  <tr key={k}>
                    <th scope="row">{plusMonths(k)}</th>
                    <td>{pct(value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ShareLineChart
            name={t('retention.mean')}
            xLabel={t('retention.axis')}
            data={meanRetention.map((value, k) => ({
              label: plusMonths(k),
              value: value === null ? null : value * 100,
            }))}
          />
        </ChartFrame>
      </div>
      <section
        aria-labelledby="cohorts-title"
        className="mt-6 rounded-lg border border-border bg-surface p-4 shadow-sm"
      >
        <h2 id="cohorts-title" className="text-lg font-semibold">
          {t('cohorts.title')}
        </h2>
        <p className="mt-1 text-sm text-muted">{t('cohorts.description')}</p>
        {/* A year of monthly columns: below a wide screen (or in German's wider percentages) it scrolls. */}
        <TableScroll label={t('cohorts.caption')} className="mt-3">
          <table className={`card-table ${tableClass}`}>
            <caption className="sr-only">{t('cohorts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.cohort')}</th>
                <th scope="col">{t('cohorts.customers')}</th>
                {Array.from({ length: RETENTION_MONTHS }, (_, k) => (
                  <th key={k} scope="col">
                    {plusMonths(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.cohort}>
                  <th scope="row">{monthName(c.cohort)}</th>
                  <td data-label={t('cohorts.customers')}>{integer(c.customers)}</td>
                  {Array.from({ length: RETENTION_MONTHS }, (_, k) => (
                    <td key={k} data-label={plusMonths(k)}>
                      {pct(c.retained[k] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="funnel-title" className="mt-6 rounded-lg border border-border bg-surface p-4 shadow-sm">
        <h2 id="funnel-title" className="text-lg font-semibold">
          {t('funnel.title')}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {raw.segment
            ? t('funnel.descriptionFor', {
                segment: segmentChoices.find((s) => s.id === raw.segment)?.name ?? t('funnel.noSegment'),
              })
            : t('funnel.description')}
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className={`card-table ${tableClass}`}>
            <caption className="sr-only">{t('funnel.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('funnel.stage')}</th>
                <th scope="col">{t('funnel.reached')}</th>
                <th scope="col">{t('funnel.stopped')}</th>
                <th scope="col">{t('funnel.defects')}</th>
              </tr>
            </thead>
            <tbody>
              {funnel.map((stage) => (
                <tr key={stage.stageId}>
                  <th scope="row">{stage.name}</th>
                  <td data-label={t('funnel.reached')}>
                    <Link
                      className={linkClass}
                      href={`/customers?${new URLSearchParams({
                        reached: stage.stageId,
                        from,
                        to,
                        ...(raw.segment ? { segment: raw.segment } : {}),
                      }).toString()}`}
                    >
                      {integer(stage.reached)}
                    </Link>
                  </td>
                  <td data-label={t('funnel.stopped')}>
                    {stage.reached
                      ? t('funnel.stoppedShare', {
                          count: integer(stage.stopped),
                          share: pct(stage.stopped / stage.reached),
                        })
                      : integer(stage.stopped)}
                  </td>
                  <td data-label={t('funnel.defects')}>
                    <Link className={linkClass} href={defectsHref({ ...funnelScope, stage: [stage.stageId] })}>
                      {integer(stage.defects)}
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
