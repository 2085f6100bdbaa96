import 'server-only';
import { defineJob, registerSchedule } from '@/lib/jobs/registry';
import { nextDaily } from '@/lib/jobs/schedule';
import { applySilenceRules } from './apply-lifecycle';

export const LIFECYCLE_SILENCE = 'lifecycle-silence';

// Silence is noticed once a day: customers without contact for the configured days move to at
// risk, then to churned (docs/lifecycle.md).
defineJob({
  kind: LIFECYCLE_SILENCE,
  transactional: true,
  async run(_payload, { db }) {
    await applySilenceRules(db);
  },
});

registerSchedule({
  name: LIFECYCLE_SILENCE,
  next: (after, { timeZone }) => nextDaily(after, { hour: 2, minute: 15 }, timeZone),
});
