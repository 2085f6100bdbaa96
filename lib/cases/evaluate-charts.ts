import 'server-only';
import { sql } from 'drizzle-orm';
import { msg, ref as messageRef, sentences } from '@/lib/validation/messages';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { caseEvents, caseSignals, cases, type CaseSignal } from '@/db/schema';
import { pChart, type PChart, type PChartPoint, type Subgroup } from '@/lib/metrics/p-chart';
import { addDays, todayInZone } from '@/lib/dates';
import { companyCalendar } from '@/lib/settings/company';
import { linkSubgroupDefects, ownerForChart, chartTitle } from './case-records';
import { emitCaseEvent } from './case-notices';
import {
  chartKeyOf,
  lastClosedSubgroup,
  listMonitoredSeries,
  parentKeyOf,
  type ChartRef,
  type SubgroupSize,
} from './charts';

/** Subgroups each monitored chart computes its limits from. */
export const WINDOW_SUBGROUPS: Record<SubgroupSize, number> = { day: 28, week: 12 };
/** How far back a signal is still news: a missed night or two is caught up, old history is not. */
export const RECENT_SUBGROUPS: Record<SubgroupSize, number> = { day: 7, week: 2 };

const EVALUATION_LOCK = sql`hashtext('outsidein:evaluate-monitored-charts')`;

/**
 * The normal approximation behind the limits needs n·p̄ ≥ 5 and n·(1 − p̄) ≥ 5; a subgroup short of
 * that is hollow and raises no signal (docs/cases.md, "Monitored charts").
 */
export function isJudgeable(point: Pick<PChartPoint, 'n'>, centre: number | null): boolean {
  return centre !== null && point.n * centre >= 5 && point.n * (1 - centre) >= 5;
}

/**
 * Daily subgroups where a typical day holds enough interactions for n·p̄ ≥ 5 (and n·(1 − p̄) ≥ 5),
 * weekly otherwise.
 */
export function chooseSubgroup(daily: Subgroup[]): SubgroupSize {
  const withData = daily.filter((g) => g.n > 0);
  if (withData.length === 0) return 'day';
  const n = withData.reduce((s, g) => s + g.n, 0);
  const d = withData.reduce((s, g) => s + g.d, 0);
  const meanN = n / withData.length;
  const centre = d / n;
  return meanN * centre >= 5 && meanN * (1 - centre) >= 5 ? 'day' : 'week';
}

/** The points of a chart that open or feed a case: recent, judgeable, above the centre line. */
export function newSignals(chart: PChart, recentFrom: string): PChartPoint[] {
  return chart.points.filter(
    (p) =>
      p.period >= recentFrom && isJudgeable(p, chart.centre) && p.signals.some((signal) => signal.side === 'above'),
  );
}

export function signalOf(point: PChartPoint, centre: number | null): CaseSignal {
  const first = point.signals.find((s) => s.side === 'above') ?? point.signals[0];
  return {
    period: point.period,
    rule: first?.rule ?? null,
    side: first?.side ?? null,
    n: point.n,
    d: point.d,
    p: point.p,
    centre,
    ucl: point.ucl,
    lcl: point.lcl,
  };
}

export interface EvaluationSummary {
  charts: number;
  signals: number;
  opened: number;
  added: number;
}

/** The window of closed subgroups each chart is judged on, ending with the last whole one. */
function windowOf(today: string, subgroup: SubgroupSize, weekStart: number) {
  const last = lastClosedSubgroup(today, subgroup, weekStart);
  const span = subgroup === 'day' ? 1 : 7;
  return {
    from: addDays(last.from, -(WINDOW_SUBGROUPS[subgroup] - 1) * span),
    to: last.to,
    recentFrom: addDays(last.from, -(RECENT_SUBGROUPS[subgroup] - 1) * span),
    subgroup,
    weekStart,
  };
}

/**
 * Evaluates every monitored chart on the subgroups closed before `now` (days in the company's zone,
 * weeks from its first day of the week, both read in the evaluation's transaction): a new signal
 * above the centre line opens a case on its chart, or adds to the case already open there, and
 * links the defects of the signalling subgroups. One evaluation at a time across instances (an
 * advisory lock inside the transaction); running it twice records nothing twice.
 */
export async function evaluateMonitoredCharts({ db, now }: { db: DbOrTx; now: Date }): Promise<EvaluationSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EVALUATION_LOCK})`);
    const { timeZone, weekStart } = await companyCalendar(tx);
    const today = todayInZone(timeZone, now);
    const daily = windowOf(today, 'day', weekStart);
    const weekly = windowOf(today, 'week', weekStart);
    const [byDay, byWeek] = await Promise.all([listMonitoredSeries(tx, daily), listMonitoredSeries(tx, weekly)]);
    const weeklyByKey = new Map(byWeek.map((s) => [s.key, s]));
    const summary: EvaluationSummary = { charts: 0, signals: 0, opened: 0, added: 0 };
    // Each chart's case for a period, so a stage or the company signalling at the same subgroup
    // as a chart inside it joins that chart's case: one special cause, one case.
    const recorded = await recordedSignals(tx, daily.from < weekly.from ? daily.from : weekly.from);
    const order = { touchpoint: 0, stage: 1, company: 2 } as const;
    const ordered = [...byDay].sort((a, b) => order[a.ref.scope] - order[b.ref.scope]);

    for (const series of ordered) {
      const subgroup = chooseSubgroup(series.subgroups);
      const chosen = subgroup === 'day' ? series : weeklyByKey.get(series.key);
      if (!chosen) continue;
      summary.charts += 1;
      const window = subgroup === 'day' ? daily : weekly;
      const chart = pChart(chosen.subgroups);
      const seen = recorded.get(series.key);
      const signals = newSignals(chart, window.recentFrom)
        .filter((p) => !seen?.has(p.period))
        .map((p) => signalOf(p, chart.centre));
      if (signals.length === 0) continue;
      summary.signals += signals.length;
      const parent = parentKeyOf(series.ref);
      const explained = signals.map((s) => recorded.get(`inner:${series.key}`)?.get(s.period));
      const caseId = explained.find((id) => id !== undefined);
      const outcome = await recordSignals(tx, {
        now,
        key: series.key,
        ref: { ...series.ref, subgroup },
        signals,
        caseId,
      });
      if (outcome.opened) summary.opened += 1;
      else summary.added += 1;
      for (const signal of signals) {
        remember(recorded, series.key, signal.period, outcome.caseId);
        if (parent) {
          remember(recorded, `inner:${parent}`, signal.period, outcome.caseId);
          const grandparent = parent === 'company' ? null : 'company';
          if (grandparent) remember(recorded, `inner:${grandparent}`, signal.period, outcome.caseId);
        }
      }
    }
    return summary;
  });
}

type Recorded = Map<string, Map<string, string>>;

function remember(recorded: Recorded, key: string, period: string, caseId: string): void {
  const periods = recorded.get(key) ?? new Map<string, string>();
  if (!periods.has(period)) periods.set(period, caseId);
  recorded.set(key, periods);
}

/**
 * The signals already recorded since `from`: by chart key, and under "inner:<key>" for the charts
 * that contain the signalling one (its stage, the company).
 */
async function recordedSignals(tx: DbOrTx, from: string): Promise<Recorded> {
  const rows = await selectRows<{ chart_key: string; period: string; case_id: string; stage_id: string | null }>(
    tx,
    sql`select s.chart_key, to_char(s.period, 'YYYY-MM-DD') as period, s.case_id, c.stage_id
        from case_signals s join cases c on c.id = s.case_id
        where s.period >= ${from}::date
        order by s.created_at`,
  );
  const recorded: Recorded = new Map();
  for (const row of rows) {
    remember(recorded, row.chart_key, row.period, row.case_id);
    if (row.chart_key.startsWith('touchpoint:') && row.stage_id)
      remember(recorded, `inner:${chartKeyOf({ scope: 'stage', stageId: row.stage_id })}`, row.period, row.case_id);
    if (row.chart_key !== 'company') remember(recorded, 'inner:company', row.period, row.case_id);
  }
  return recorded;
}

/** Adds the signals to the chart's active case, or opens one; links the signalling subgroups' defects. */
async function recordSignals(
  tx: DbOrTx,
  {
    now,
    key,
    ref,
    signals,
    caseId: explainedBy,
  }: { now: Date; key: string; ref: ChartRef; signals: CaseSignal[]; caseId: string | undefined },
): Promise<{ opened: boolean; caseId: string }> {
  const [active] = explainedBy
    ? [{ id: explainedBy }]
    : await selectRows<{ id: string }>(
        tx,
        sql`select id from cases where chart_key = ${key} and status <> 'closed' order by created_at limit 1 for update`,
      );
  const latest = signals[signals.length - 1]!;
  // The history's note, as message references (lib/validation/messages.ts) its readers see in their language.
  // The rule is worded as the dashboard's p-chart words it.
  const signalRefs = signals.map((s) =>
    msg('historySignal', {
      period: s.period,
      p: s.p ?? 0,
      ucl: s.ucl ?? 0,
      rule: s.rule ? messageRef('dashboard.pChart', `signal.${s.rule}`, { side: s.side ?? 'above' }) : 'none',
    }),
  );
  let caseId: string;
  let opened: boolean;
  if (active) {
    caseId = active.id;
    opened = false;
    await tx.insert(caseEvents).values({
      caseId,
      actorId: null,
      type: 'signal',
      comment: sentences(
        msg('historyNewSignal', explainedBy ? { wider: 'yes', chart: await chartTitle(tx, ref) } : { wider: 'no' }),
        ...signalRefs,
      ),
      createdAt: now,
    });
  } else {
    const [created] = await tx
      .insert(cases)
      .values({
        title: await chartTitle(tx, ref),
        chartKey: key,
        scope: ref.scope,
        stageId: ref.stageId ?? null,
        touchpointId: ref.touchpointId ?? null,
        subgroup: ref.subgroup,
        origin: 'signal',
        signal: latest,
        ownerId: await ownerForChart(tx, ref),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    caseId = created!.id;
    opened = true;
    await tx.insert(caseEvents).values({
      caseId,
      actorId: null,
      type: 'opened',
      comment: sentences(msg('historyOpenedBySignal'), ...signalRefs),
      createdAt: now,
    });
    await emitCaseEvent(tx, 'case.opened', { caseId, summary: sentences(msg('historyOpenedBySignal'), ...signalRefs) });
  }
  await tx
    .insert(caseSignals)
    .values(signals.map((signal) => ({ caseId, chartKey: key, period: signal.period, signal, createdAt: now })))
    .onConflictDoNothing();
  // A wider chart's signal explained by an inner chart adds no defects: the inner chart linked its own.
  if (!explainedBy)
    for (const signal of signals)
      await linkSubgroupDefects(tx, { caseId, ref, period: signal.period, actorId: null, at: now });
  return { opened, caseId };
}
