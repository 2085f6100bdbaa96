import 'server-only';
import { getDb } from '@/db';
import { defineJob, registerSchedule } from '@/lib/jobs/registry';
import { nextDaily } from '@/lib/jobs/schedule';
import { evaluateCases } from './nightly';

export const EVALUATE_CASES = 'evaluate-cases';

// The nightly evaluation of the monitored charts and monitoring cases, run by the job runner once
// across all app instances. Each step is safe to repeat, so a retried job does no harm.
defineJob({
  kind: EVALUATE_CASES,
  async run() {
    await evaluateCases({ db: await getDb(), now: new Date() });
  },
});

// 00:30 in the company's zone, once its day has closed.
registerSchedule({
  name: EVALUATE_CASES,
  next: (after, { timeZone }) => nextDaily(after, { hour: 0, minute: 30 }, timeZone),
});
