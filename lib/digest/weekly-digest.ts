import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { defectCategories, defects, touchpoints, users } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import type { Kpis } from '@/lib/metrics/kpis';
import { formatChange, formatMetric, type MetricKind } from '@/lib/metrics/format';
import { defectsHref } from '@/lib/metrics/drill-down';
import type { MetricValue } from '@/lib/metrics/value';
import { overdueDefect } from '@/lib/queries/filter-conditions';
import { getKpiSummary, getPareto, getTrend, pChartOf, type KpiSummary } from '@/lib/queries/metrics';
import type { EmailContent, EmailSection } from '@/lib/mail/render';
import { addDays, isoDay } from '@/lib/dates';
import { subgroupStart, type MetricsFilters } from '@/lib/validation/metrics';

export interface WeeklyDigest {
  from: string;
  to: string;
  kpis: KpiSummary;
  signals: { day: string; p: number | null; explanation: string }[];
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

/** The last whole week (Monday to Sunday, UTC) before `now`. */
export function lastWeek(now: Date): { from: string; to: string } {
  const thisMonday = subgroupStart(isoDay(now), 'week');
  return { from: addDays(thisMonday, -7), to: addDays(thisMonday, -1) };
}

/** Every figure of the digest, from the same queries the dashboard asks. */
export async function buildWeeklyDigest(db: DbOrTx, now: Date): Promise<WeeklyDigest> {
  const { from, to } = lastWeek(now);
  const kpis = await getKpiSummary(scope(from, to), db);

  // Signals: the p-chart over four weeks of days, so the week's points are judged against a baseline.
  const chart = pChartOf(await getTrend(scope(addDays(from, -21), to), db));
  const signals = chart.points
    .filter((p) => p.period >= from && p.signals.length > 0)
    .map((p) => ({ day: p.period, p: p.p, explanation: p.signals.map((s) => s.explanation).join(' ') }));

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

const KPI_ROWS: { key: keyof Kpis & string; label: string; kind: MetricKind; higherIsBetter: boolean }[] = [
  { key: 'interactions', label: 'Interactions', kind: 'count', higherIsBetter: true },
  { key: 'defects', label: 'Defects', kind: 'count', higherIsBetter: false },
  { key: 'dpmo', label: 'DPMO', kind: 'dpmo', higherIsBetter: false },
  { key: 'sigma', label: 'Sigma level', kind: 'sigma', higherIsBetter: true },
  { key: 'nps', label: 'NPS', kind: 'nps', higherIsBetter: true },
  { key: 'csat', label: 'CSAT', kind: 'share', higherIsBetter: true },
  { key: 'ces', label: 'Customer effort (CES)', kind: 'mean', higherIsBetter: false },
  { key: 'costOfPoorQuality', label: 'Cost of poor quality', kind: 'money', higherIsBetter: false },
];

/** The digest as a message: every section links to the exact filtered view behind it. */
export function weeklyDigestEmail(digest: WeeklyDigest): Omit<EmailContent, 'unsubscribe'> {
  const { from, to, kpis } = digest;
  const week = scope(from, to);
  const kpiRows = KPI_ROWS.map((row) => {
    const current = kpis.current[row.key] as MetricValue | number;
    const previous = kpis.previous[row.key] as MetricValue | number;
    const change = kpis.change[row.key as keyof typeof kpis.change] ?? null;
    const better = change === null || change === 0 ? null : change > 0 === row.higherIsBetter;
    return [
      row.label,
      formatMetric(current, row.kind),
      formatMetric(previous, row.kind),
      {
        text: formatChange(change, row.kind) ?? '–',
        tone: better === null ? ('muted' as const) : better ? ('good' as const) : ('bad' as const),
      },
    ];
  });
  const dashboard = (f: string, t: string) => appUrl(`/dashboard?from=${f}&to=${t}`);
  const sections: EmailSection[] = [
    {
      title: 'Key figures',
      table: { columns: ['KPI', 'This week', 'Week before', 'Change'], rows: kpiRows, numeric: [1, 2, 3] },
      link: { label: 'Open the dashboard for this week', href: dashboard(from, to) },
    },
    {
      title: 'New signals',
      text: digest.signals.length
        ? 'Days when the share of defective interactions left its usual range (p-chart, four weeks of days).'
        : undefined,
      empty: 'No out-of-control signal this week.',
      table: {
        columns: ['Day', 'Defective share', 'Signal'],
        rows: digest.signals.map((s) => [
          { text: s.day, href: appUrl(`/interactions?from=${s.day}&to=${s.day}&hasDefects=1`) },
          s.p === null ? '–' : `${(s.p * 100).toFixed(1)} %`,
          s.explanation,
        ]),
        numeric: [1],
      },
      link: { label: 'Open the p-chart', href: dashboard(addDays(from, -21), to) },
    },
    {
      title: 'Pareto movers',
      text: digest.movers.length ? 'Defect categories that changed most against the week before.' : undefined,
      empty: 'No defect category moved this week.',
      table: {
        columns: ['Category', 'This week', 'Week before', 'Change'],
        rows: digest.movers.map((m) => [
          { text: m.name, href: appUrl(defectsHref(week, { category: [m.categoryId] })) },
          String(m.now),
          String(m.before),
          {
            text: `${m.now > m.before ? '+' : '−'}${Math.abs(m.now - m.before)}`,
            tone: m.now > m.before ? 'bad' : 'good',
          },
        ]),
        numeric: [1, 2, 3],
      },
      link: { label: 'Open this week’s defects', href: appUrl(defectsHref(week)) },
    },
    {
      title: `Overdue backlog: ${digest.overdue.total}`,
      text: digest.overdue.total ? 'Defects past their follow-up day that still need work, oldest first.' : undefined,
      empty: 'Nothing is overdue.',
      table: {
        columns: ['Defect', 'Touchpoint', 'Due', 'Owner'],
        rows: digest.overdue.oldest.map((d) => [
          { text: d.name, href: appUrl(`/defects/${d.id}`) },
          d.touchpoint,
          d.dueOn,
          d.owner ?? { text: 'Unassigned', tone: 'bad' },
        ]),
      },
      link: { label: 'Open every overdue defect', href: appUrl('/defects?overdue=1') },
    },
  ];
  const defectsChange = formatChange(kpis.change.defects, 'count');
  return {
    subject: `OutsideIn weekly digest, ${from} to ${to}`,
    heading: `Your week in customer experience: ${from} to ${to}`,
    paragraphs: [
      `${formatMetric(kpis.current.interactions, 'count')} interactions and ${formatMetric(kpis.current.defects, 'count')} new defects` +
        (defectsChange ? ` (${defectsChange} against the week before).` : '.') +
        ` ${digest.signals.length} signal${digest.signals.length === 1 ? '' : 's'}, ${digest.overdue.total} overdue.`,
    ],
    sections,
  };
}

/** Managers and admins who are active: the people a digest may go to (their preferences decide). */
export async function digestRecipients(db: DbOrTx) {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['manager', 'admin'])));
}
