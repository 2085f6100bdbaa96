import 'server-only';
// Every job kind and schedule the runner knows, registered by importing its module. To add a
// scheduled job (e.g. a nightly chart evaluation): defineJob({ kind, run }) and
// registerSchedule({ name: kind, next: (after, { timeZone }) => nextDaily(after, { hour: 2 }, timeZone) }) in its own
// module, then import that module here. See docs/notifications.md.
import '@/lib/notifications/dispatch-event-job';
import '@/lib/mail/send-mail-job';
import '@/lib/webhooks/deliver-webhook-job';
import '@/lib/digest/weekly-digest-job';
import '@/lib/cases/nightly-job';
import '@/lib/customers/lifecycle-job';
import '@/lib/voice/analyse-comments-job';
import '@/lib/voice/reindex-comment-search-job';
import '@/lib/settings/rebuild-time-zone-job';
import './fold-rollups-job';
import './purge-job';
