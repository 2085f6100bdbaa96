import 'server-only';
import { defineJob, registerSchedule } from '@/lib/jobs/registry';
import { nextWeekly } from '@/lib/jobs/schedule';
import { queueMail } from '@/lib/mail/queue-mail';
import { renderEmail } from '@/lib/mail/render';
import { unsubscribeUrl } from '@/lib/mail/unsubscribe-token';
import { channelsFor } from '@/lib/notifications/preferences';
import { buildWeeklyDigest, digestRecipients, weeklyDigestEmail } from './weekly-digest';

export const WEEKLY_DIGEST = 'weekly-digest';

// Builds the figures once and queues one message per manager or admin who wants it, in the job's
// transaction, so a retried job never sends a digest twice.
defineJob({
  kind: WEEKLY_DIGEST,
  transactional: true,
  async run(_payload, { db }) {
    const recipients = await digestRecipients(db);
    const channels = await channelsFor(
      db,
      recipients.map((r) => r.id),
      'digest.weekly',
    );
    const wanting = recipients.filter((r) => channels.get(r.id)?.email);
    if (wanting.length === 0) return;
    const content = weeklyDigestEmail(await buildWeeklyDigest(db, new Date()));
    for (const recipient of wanting) {
      const url = unsubscribeUrl(recipient.id, 'digest.weekly');
      await queueMail(db, {
        ...renderEmail({ ...content, unsubscribe: { url, what: 'the weekly digest' } }),
        to: recipient.email,
        userId: recipient.id,
        kind: 'digest.weekly',
        unsubscribeUrl: url,
      });
    }
  },
});

// Mondays at 07:00 UTC, for the week that ended on Sunday.
registerSchedule({ name: WEEKLY_DIGEST, next: (after) => nextWeekly(after, { weekday: 1, hour: 7 }) });
