import 'server-only';
import type { DbOrTx } from '@/db';
import { evaluateMonitoredCharts, type EvaluationSummary } from './evaluate-charts';
import { evaluateMonitoringCases } from './proof';

export interface NightlySummary {
  charts: EvaluationSummary;
  monitoring: Awaited<ReturnType<typeof evaluateMonitoringCases>>;
}

/**
 * What runs when a day closes (and on demand): the monitored charts open or feed cases, then every
 * monitoring case is judged. Each step is safe to repeat.
 */
export async function evaluateCases({ db, now }: { db: DbOrTx; now: Date }): Promise<NightlySummary> {
  const charts = await evaluateMonitoredCharts({ db, now });
  const monitoring = await evaluateMonitoringCases({ db, now });
  return { charts, monitoring };
}
