import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { companySettings, defectCategories, defects, touchpoints, users } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import type { Kpis } from '@/lib/metrics/kpis';
import { changeDirection, type MetricKind } from '@/lib/metrics/format';
import { defectsHref } from '@/lib/metrics/drill-down';
import type { MetricValue, MissingReason } from '@/lib/metrics/value';
import type { Signal } from '@/lib/metrics/p-chart';
import type { NumberFormatOptions } from 'next-intl';
import type { ServerIntl } from '@/lib/i18n/server-formatter';
import { overdueDefect } from '@/lib/queries/filter-conditions';
import { getKpiSummary, getPareto, getTrend, pChartOf, type KpiSummary } from '@/lib/queries/metrics';
import type { EmailContent, EmailSection } from '@/lib/mail/render';
import { addDays, dayInZone, startOfWeek } from '@/lib/dates';
import type { MetricsFilters } from '@/lib/validation/metrics';

export interface WeeklyDigest {
  from: string;
  to: string;
  kpis: KpiSummary;
  signals: { day: string; p: number | null; explanation: string; rules: Pick<Signal, 'rule' | 'side'>[] }[];
  movers: { categoryId: string; name: string; now: number; before: number }[];
  overdue: {
    total: number;
    oldest: { id: string; name: string; touchpoint: string; dueOn: string; owner: string | null }[];
  };
}

const scope = (from: string, to: string, granularity: MetricsFilters['granularity'] = 'day'): MetricsFilters => ({
  from,
  to,
  granularity,
  touchpoint: [],
  stage: [],
  channel: [],
  segment: [],
});

/**
 * The last whole week before `now`, in the company's zone and starting on its first day of the
 * week (ISO 1 = Monday … 7 = Sunday; docs/settings.md).
 */
export function lastWeek(now: Date, zone = 'UTC', weekStart = 1): { from: string; to: string } {
  const thisWeek = startOfWeek(dayInZone(now, zone), weekStart);
  return { from: addDays(thisWeek, -7), to: addDays(thisWeek, -1) };
}

/** Every figure of the digest, from the same queries the dashboard asks. */
export async function buildWeeklyDigest(db: DbOrTx, now: Date): Promise<WeeklyDigest> {
  const [company] = await db
    .select({ timeZone: companySettings.timeZone, weekStart: companySettings.weekStart })
    .from(companySettings)
    .where(eq(companySettings.id, 1));
  const { from, to } = lastWeek(now, company?.timeZone, company?.weekStart);
  const kpis = await getKpiSummary(scope(from, to), db);

  // Signals: the p-chart over four weeks of days, so the week's points are judged against a baseline.
  const chart = pChartOf(await getTrend(scope(addDays(from, -21), to), db));
  const signals = chart.points
    .filter((p) => p.period >= from && p.signals.length > 0)
    .map((p) => ({
      day: p.period,
      p: p.p,
      explanation: p.signals.map((s) => s.explanation).join(' '),
      rules: p.signals.map(({ rule, side }) => ({ rule, side })),
    }));

  const [thisWeek, weekBefore] = await Promise.all([
    getPareto(scope(from, to), db),
    getPareto(scope(addDays(from, -7), addDays(from, -1)), db),
  ]);
  const before = new Map(weekBefore.map((r) => [r.key, r]));
  const names = new Map([...weekBefore, ...thisWeek].map((r) => [r.key, r.label]));
  const movers = [...names.keys()]
    .map((key) => ({
      categoryId: key,
      name: names.get(key)!,
      now: thisWeek.find((r) => r.key === key)?.count ?? 0,
      before: before.get(key)?.count ?? 0,
    }))
    .filter((m) => m.now !== m.before)
    .sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before) || a.name.localeCompare(b.name))
    .slice(0, 5);

  const owners = users;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(defects).where(overdueDefect);
  const oldest = await db
    .select({
      id: defects.id,
      title: defects.title,
      category: defectCategories.name,
      touchpoint: touchpoints.name,
      dueOn: defects.dueOn,
      owner: owners.name,
    })
    .from(defects)
    .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
    .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
    .leftJoin(owners, eq(owners.id, defects.ownerId))
    .where(overdueDefect)
    .orderBy(asc(defects.dueOn), asc(defects.id))
    .limit(5);

  return {
    from,
    to,
    kpis,
    signals,
    movers,
    overdue: {
      total,
      oldest: oldest.map((d) => ({
        id: d.id,
        name: d.title ?? d.category,
        touchpoint: d.touchpoint,
        dueOn: d.dueOn!,
        owner: d.owner,
      })),
    },
  };
}

const KPI_ROWS = [
  { key: 'interactions', kind: 'count', higherIsBetter: true },
  { key: 'defects', kind: 'count', higherIsBetter: false },
  { key: 'dpmo', kind: 'dpmo', higherIsBetter: false },
  { key: 'sigma', kind: 'sigma', higherIsBetter: true },
  { key: 'nps', kind: 'nps', higherIsBetter: true },
  { key: 'csat', kind: 'share', higherIsBetter: true },
  { key: 'ces', kind: 'mean', higherIsBetter: false },
  { key: 'costOfPoorQuality', kind: 'money', higherIsBetter: false },
] as const satisfies readonly { key: keyof Kpis & string; kind: MetricKind; higherIsBetter: boolean }[];

const MISSING: Record<MissingReason, 'noData' | 'noDefects' | 'allDefective' | 'moreDefects'> = {
  'no data': 'noData',
  'no defects': 'noDefects',
  'every opportunity defective': 'allDefective',
  'more defects than opportunities': 'moreDefects',
};

/** A KPI's value in the reader's locale and the company's currency. */
function metricText(intl: ServerIntl, metric: MetricValue | number, kind: MetricKind): string {
  const { t, format } = intl;
  const value = typeof metric === 'number' ? metric : metric.value;
  if (value === null) return t(`emails.digest.missing.${MISSING[(metric as MetricValue).reason!]}`);
  switch (kind) {
    case 'money':
      return format.number(value, 'money');
    case 'sigma':
      return t('emails.digest.sigma', { value: format.number(value, 'decimal2') });
    case 'share':
      return format.number(value, 'percent');
    case 'mean':
    case 'gap':
      return format.number(value, 'decimal2');
    case 'dpu':
      return format.number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    default:
      return format.number(value, 'integer');
  }
}

/** A change against the week before: relative for counts and money, in the KPI's own unit otherwise. */
function changeText(intl: ServerIntl, change: number | null, kind: MetricKind): string | null {
  if (change === null) return null;
  const { t, format } = intl;
  const signed = (value: number, options: NumberFormatOptions) =>
    format.number(value, { signDisplay: 'exceptZero', ...options });
  switch (kind) {
    case 'count':
    case 'money':
      return signed(change, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'dpmo':
      return t('emails.digest.dpmoChange', { value: signed(change, { maximumFractionDigits: 0 }) });
    case 'sigma':
      return t('emails.digest.sigma', {
        value: signed(change, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      });
    case 'share':
      return t('emails.digest.points', {
        value: signed(change * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      });
    case 'nps':
      return t('emails.digest.points', { value: signed(change, { maximumFractionDigits: 0 }) });
    default:
      return signed(change, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}

/** The digest as a message in the reader's language: every section links to the exact filtered view behind it. */
export function weeklyDigestEmail(
  digest: WeeklyDigest,
  intl: ServerIntl,
  /** The company's name, which the subject leads with. */
  company: string,
): Omit<EmailContent, 'unsubscribe' | 'lang' | 'brand'> {
  const { t, format } = intl;
  const { from, to, kpis } = digest;
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), 'day');
  const int = (value: number) => format.number(value, 'integer');
  const week = scope(from, to);
  const kpiRows = KPI_ROWS.map((row) => {
    const current = kpis.current[row.key] as MetricValue | number;
    const previous = kpis.previous[row.key] as MetricValue | number;
    const change = kpis.change[row.key as keyof typeof kpis.change] ?? null;
    const direction = changeDirection(change, row.kind);
    const better = direction === 'flat' ? null : (direction === 'up') === row.higherIsBetter;
    return [
      t(`emails.digest.kpi.${row.key}`),
      metricText(intl, current, row.kind),
      metricText(intl, previous, row.kind),
      {
        text: changeText(intl, change, row.kind) ?? '–',
        tone: better === null ? ('muted' as const) : better ? ('good' as const) : ('bad' as const),
      },
    ];
  });
  const dashboard = (f: string, t: string) => appUrl(`/dashboard?from=${f}&to=${t}`);
  const sections: EmailSection[] = [
    {
      title: t('emails.digest.keyFigures'),
      table: {
        columns: [
          t('emails.digest.kpiColumn'),
          t('emails.digest.thisWeek'),
          t('emails.digest.weekBefore'),
          t('emails.digest.change'),
        ],
        rows: kpiRows,
        numeric: [1, 2, 3],
      },
      link: { label: t('emails.digest.openDashboard'), href: dashboard(from, to) },
    },
    {
      title: t('emails.digest.signals'),
      text: digest.signals.length ? t('emails.digest.signalsNote') : undefined,
      empty: t('emails.digest.noSignals'),
      table: {
        columns: [t('emails.digest.day'), t('emails.digest.defectiveShare'), t('emails.digest.signal')],
        rows: digest.signals.map((s) => [
          { text: day(s.day), href: appUrl(`/interactions?from=${s.day}&to=${s.day}&hasDefects=1`) },
          s.p === null ? '–' : format.number(s.p, 'percent'),
          s.rules.map(({ rule, side }) => t(`emails.digest.rules.${rule}`, { side })).join(' '),
        ]),
        numeric: [1],
      },
      link: { label: t('emails.digest.openPChart'), href: dashboard(addDays(from, -21), to) },
    },
    {
      title: t('emails.digest.movers'),
      text: digest.movers.length ? t('emails.digest.moversNote') : undefined,
      empty: t('emails.digest.noMovers'),
      table: {
        columns: [
          t('emails.digest.category'),
          t('emails.digest.thisWeek'),
          t('emails.digest.weekBefore'),
          t('emails.digest.change'),
        ],
        rows: digest.movers.map((m) => [
          { text: m.name, href: appUrl(defectsHref(week, { category: [m.categoryId] })) },
          int(m.now),
          int(m.before),
          {
            text: format.number(m.now - m.before, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }),
            tone: m.now > m.before ? 'bad' : 'good',
          },
        ]),
        numeric: [1, 2, 3],
      },
      link: { label: t('emails.digest.openDefects'), href: appUrl(defectsHref(week)) },
    },
    {
      title: t('emails.digest.overdue', { total: digest.overdue.total }),
      text: digest.overdue.total ? t('emails.digest.overdueNote') : undefined,
      empty: t('emails.digest.noOverdue'),
      table: {
        columns: [
          t('emails.digest.defect'),
          t('emails.digest.touchpoint'),
          t('emails.digest.due'),
          t('emails.digest.owner'),
        ],
        rows: digest.overdue.oldest.map((d) => [
          { text: d.name, href: appUrl(`/defects/${d.id}`) },
          d.touchpoint,
          day(d.dueOn),
          d.owner ?? { text: t('emails.digest.unassigned'), tone: 'bad' },
        ]),
      },
      link: { label: t('emails.digest.openOverdue'), href: appUrl('/defects?overdue=1') },
    },
  ];
  const defectsChange = changeText(intl, kpis.change.defects, 'count');
  const counts = {
    interactions: Number(kpis.current.interactions),
    defects: Number(kpis.current.defects),
  };
  return {
    subject: t('emails.digest.subject', { company, from: day(from), to: day(to) }),
    heading: t('emails.digest.heading', { from: day(from), to: day(to) }),
    paragraphs: [
      defectsChange
        ? t('emails.digest.summaryChange', { ...counts, change: defectsChange })
        : t('emails.digest.summary', counts),
      t('emails.digest.summarySignals', { signals: digest.signals.length, overdue: digest.overdue.total }),
    ],
    sections,
  };
}

/** Managers and admins who are active: the people a digest may go to (their preferences decide). */
export async function digestRecipients(db: DbOrTx) {
  return db
    .select({ id: users.id, email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['manager', 'admin'])));
}
