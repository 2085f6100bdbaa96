import 'server-only';
import { defineJob, registerSchedule } from '@/lib/jobs/registry';
import { nextWeekly } from '@/lib/jobs/schedule';
import { companyFormatting, readerLanguage, serverIntl } from '@/lib/i18n/server-formatter';
import { companyName, composeEmail } from '@/lib/mail/compose';
import { queueMail } from '@/lib/mail/queue-mail';
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
    const digest = await buildWeeklyDigest(db, new Date());
    const [company, brand] = await Promise.all([companyFormatting(db), companyName(db)]);
    // The figures once; the words once per language its readers read.
    const byLanguage = new Map<
      string,
      { intl: Awaited<ReturnType<typeof serverIntl>>; content: ReturnType<typeof weeklyDigestEmail> }
    >();
    for (const recipient of wanting) {
      const language = readerLanguage(recipient.language, company);
      if (!byLanguage.has(language)) {
        const intl = await serverIntl(language, company);
        byLanguage.set(language, { intl, content: weeklyDigestEmail(digest, intl, brand) });
      }
      const { intl, content } = byLanguage.get(language)!;
      const url = unsubscribeUrl(recipient.id, 'digest.weekly');
      await queueMail(db, {
        ...composeEmail(intl, content, { url, what: intl.t('emails.what.digest'), brand }),
        to: recipient.email,
        userId: recipient.id,
        kind: 'digest.weekly',
        unsubscribeUrl: url,
      });
    }
  },
});

// 07:00 in the company's zone on the first day of its week, for the week that has just ended.
registerSchedule({
  name: WEEKLY_DIGEST,
  next: (after, { timeZone, weekStart }) => nextWeekly(after, { weekday: weekStart, hour: 7 }, timeZone),
});
