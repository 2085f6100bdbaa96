import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { defectCategories, defects, touchpoints, users, type OutboxEvent } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import type { ServerFormatter, ServerTranslator } from '@/lib/i18n/server-formatter';
import type { EmailContent } from '@/lib/mail/render';
import { DEFECT_STATUSES, SEVERITIES, type DefectStatus, type Severity } from '@/lib/enums';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import type { NotificationType } from './kinds';

/*
 * An event becomes facts (who is told, where the link goes, and the values the texts need: names,
 * codes, numbers) and then texts in each reader's language. The facts are stored with an in-app
 * notification (notifications.params), so the list shows it in whatever language its reader reads
 * now; the mail is written once, in the recipient's language when it is queued.
 */

/** The values an event's texts are written from: names as they are, enum codes, numbers. */
export type EventParams = Record<string, string | number | null>;

export interface EventFacts {
  type: NotificationType;
  recipientIds: string[];
  href: string;
  params: EventParams;
}

/** What one event tells a reader: the in-app line and the mail. */
export interface EventTexts {
  title: string;
  body: string;
  email: Omit<EmailContent, 'unsubscribe' | 'lang' | 'brand'>;
  /** Who the mail's footer says it is about ("mail about …"). */
  what: string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : null);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

async function defectSummary(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({
      id: defects.id,
      title: defects.title,
      severity: defects.severity,
      status: defects.status,
      dueOn: defects.dueOn,
      ownerId: defects.ownerId,
      category: defectCategories.name,
      touchpoint: touchpoints.name,
    })
    .from(defects)
    .innerJoin(defectCategories, eq(defectCategories.id, defects.categoryId))
    .innerJoin(touchpoints, eq(touchpoints.id, defects.touchpointId))
    .where(eq(defects.id, id));
  return row;
}

/** Who did it: a name, or the system (no actor), or someone no longer known. */
async function actorOf(tx: DbOrTx, id: string | null): Promise<EventParams> {
  if (!id) return { actor: null, actorKind: 'system' };
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row ? { actor: row.name, actorKind: 'user' } : { actor: null, actorKind: 'unknown' };
}

async function activeLeads(tx: DbOrTx, roles: ('admin' | 'manager')[]): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, roles)));
  return rows.map((u) => u.id);
}

/** The people an event concerns and the facts to tell them; null when it concerns nobody. */
export async function describeEvent(tx: DbOrTx, event: OutboxEvent): Promise<EventFacts | null> {
  const p = event.payload;
  const actorId = str(p.actorId);
  const notActor = (ids: (string | null)[]) => ids.filter((id): id is string => Boolean(id) && id !== actorId);

  switch (event.type) {
    case 'defect.assigned':
    case 'defect.status_changed':
    case 'defect.created': {
      const defect = await defectSummary(tx, String(p.defectId));
      if (!defect) return null;
      const params: EventParams = {
        title: defect.title,
        category: defect.category,
        touchpoint: defect.touchpoint,
        severity: defect.severity,
        status: defect.status,
        dueOn: defect.dueOn,
        ...(await actorOf(tx, actorId)),
      };
      const href = `/defects/${defect.id}`;
      if (event.type === 'defect.assigned')
        return { type: event.type, recipientIds: notActor([str(p.ownerId)]), href, params };
      if (event.type === 'defect.status_changed')
        return {
          type: event.type,
          recipientIds: notActor([str(p.ownerId)]),
          href,
          params: { ...params, from: str(p.from), to: str(p.to) },
        };
      return { type: event.type, recipientIds: notActor(await activeLeads(tx, ['manager', 'admin'])), href, params };
    }
    case 'feedback.received': {
      const [tp] = await tx
        .select({ name: touchpoints.name })
        .from(touchpoints)
        .where(eq(touchpoints.id, String(p.touchpointId)));
      return {
        type: 'feedback.received',
        recipientIds: await activeLeads(tx, ['manager', 'admin']),
        href: `/interactions/${String(p.interactionId)}`,
        params: {
          touchpoint: tp?.name ?? null,
          csat: num(p.csat),
          nps: num(p.nps),
          experience: num(p.experience),
          comment: str(p.comment),
        },
      };
    }
    case 'case.opened':
    case 'case.proved': {
      // Emitted by the cases feature, which names who is told (the touchpoint's owners).
      const recipients = Array.isArray(p.recipientIds) ? p.recipientIds.map(String) : [];
      return {
        type: event.type,
        recipientIds: notActor(recipients),
        href: str(p.href) ?? '/dashboard',
        params: { title: str(p.title), touchpoint: str(p.touchpointName), summary: str(p.summary) },
      };
    }
    case 'account.password_reset':
      return {
        type: 'account.password_reset',
        recipientIds: [String(p.userId)],
        href: '/account/password',
        params: await actorOf(tx, actorId),
      };
    case 'webhook.disabled':
      return {
        type: 'webhook.disabled',
        recipientIds: await activeLeads(tx, ['admin']),
        href: `/admin/webhooks/${String(p.endpointId)}`,
        params: { url: str(p.url), reason: str(p.reason) },
      };
    default:
      return null;
  }
}

const isSeverity = (value: unknown): value is Severity => (SEVERITIES as readonly unknown[]).includes(value);
const isStatus = (value: unknown): value is DefectStatus => (DEFECT_STATUSES as readonly unknown[]).includes(value);

/** The in-app title and body of a notification, in the translator's language. */
export function notificationTexts(
  t: ServerTranslator,
  format: ServerFormatter,
  type: string,
  params: EventParams,
): { title: string; body: string } | null {
  const texts = eventTexts(t, format, type, params, '');
  return texts ? { title: texts.title, body: texts.body } : null;
}

/** Every text of an event for one reader: the notification's line and the mail. */
export function eventTexts(
  t: ServerTranslator,
  format: ServerFormatter,
  type: string,
  params: EventParams,
  href: string,
): EventTexts | null {
  const text = (key: string) => str(params[key]);
  // A parameter stored as a message reference (a case's summary, a webhook's failure), said in
  // the reader's language; plain text passes unchanged.
  const said = (key: string) => {
    const raw = text(key);
    return raw ? translateMessage(raw, t as unknown as ValidationTranslator) : undefined;
  };
  const actor = () =>
    params.actorKind === 'user' && text('actor')
      ? text('actor')!
      : params.actorKind === 'system'
        ? t('notifications.actor.system')
        : t('notifications.actor.someone');
  const status = (key: string) => {
    const code = params[key];
    return isStatus(code) ? t(`enums.defectStatus.${code}`) : String(code ?? '');
  };
  const action = (label: string) => ({ label, href: appUrl(href) });

  switch (type) {
    case 'defect.assigned':
    case 'defect.status_changed':
    case 'defect.created': {
      const name =
        text('title') ??
        t('notifications.defectName', { category: text('category') ?? '', touchpoint: text('touchpoint') ?? '' });
      const severity = isSeverity(params.severity) ? t(`enums.severity.${params.severity}`) : '';
      const due = text('dueOn');
      const facts = due
        ? t('notifications.defectFactsDue', {
            severity,
            touchpoint: text('touchpoint') ?? '',
            status: status('status'),
            due: format.dateTime(new Date(`${due}T00:00:00Z`), 'day'),
          })
        : t('notifications.defectFacts', { severity, touchpoint: text('touchpoint') ?? '', status: status('status') });
      const open = action(t('emails.openDefect'));
      if (type === 'defect.assigned')
        return {
          title: t('notifications.events.defectAssigned.title', { name }),
          body: t('notifications.events.defectAssigned.body', { actor: actor(), facts }),
          what: t('emails.what.defectAssigned'),
          email: {
            subject: t('emails.defectAssigned.subject', { name }),
            heading: t('emails.defectAssigned.heading'),
            paragraphs: [
              t('emails.defectAssigned.intro', { actor: actor(), name }),
              facts,
              t('emails.defectAssigned.ask'),
            ],
            action: open,
          },
        };
      if (type === 'defect.status_changed') {
        const from = status('from');
        const to = status('to');
        return {
          title: t('notifications.events.defectStatusChanged.title', { name, from, to }),
          body: t('notifications.events.defectStatusChanged.body', { actor: actor(), facts }),
          what: t('emails.what.defectStatusChanged'),
          email: {
            subject: t('emails.defectStatusChanged.subject', { name, to }),
            heading: t('emails.defectStatusChanged.heading', { to }),
            paragraphs: [t('emails.defectStatusChanged.intro', { actor: actor(), name, from, to }), facts],
            action: open,
          },
        };
      }
      return {
        title: t('notifications.events.defectCreated.title', { name }),
        body: facts,
        what: t('emails.what.defectCreated'),
        email: {
          subject: t('emails.defectCreated.subject', { name }),
          heading: t('emails.defectCreated.heading'),
          paragraphs: [t('emails.defectCreated.intro', { name }), facts],
          action: open,
        },
      };
    }
    case 'feedback.received': {
      const scores = [
        params.csat != null ? t('notifications.scores.csat', { value: Number(params.csat) }) : null,
        params.nps != null ? t('notifications.scores.nps', { value: Number(params.nps) }) : null,
        params.experience != null ? t('notifications.scores.experience', { value: Number(params.experience) }) : null,
      ]
        .filter(Boolean)
        .join(', ');
      const touchpoint = text('touchpoint') ?? t('notifications.aTouchpoint');
      const title = scores
        ? t('notifications.events.feedbackReceived.titleScores', { touchpoint, scores })
        : t('notifications.events.feedbackReceived.title', { touchpoint });
      const comment = text('comment');
      return {
        title,
        body: comment ?? t('notifications.events.feedbackReceived.noComment'),
        what: t('emails.what.feedbackReceived'),
        email: {
          subject: title,
          heading: t('emails.feedbackReceived.heading'),
          paragraphs: [title, comment ? t('emails.quoted', { text: comment }) : t('emails.feedbackReceived.noComment')],
          action: action(t('emails.openInteraction')),
        },
      };
    }
    case 'case.opened':
    case 'case.proved': {
      const title = text('title') ?? t('notifications.aCase');
      // The scope (when not a touchpoint) and the summary are message references (lib/cases).
      const touchpoint = said('touchpoint') ?? t('notifications.yourTouchpoint');
      const summary = said('summary');
      const opened = type === 'case.opened';
      const key = opened ? 'caseOpened' : 'caseProved';
      return {
        title: t(`notifications.events.${key}.title`, { touchpoint, title }),
        body: summary ?? '',
        what: t(`emails.what.${key}`),
        email: {
          subject: t(`notifications.events.${key}.title`, { touchpoint, title }),
          heading: t(`emails.${key}.heading`, { touchpoint }),
          paragraphs: [t('emails.quoted', { text: title }), ...(summary ? [summary] : []), t(`emails.${key}.note`)],
          action: action(t('emails.openCase')),
        },
      };
    }
    case 'account.password_reset':
      return {
        title: t('notifications.events.passwordReset.title'),
        body: t('notifications.events.passwordReset.body', { actor: actor() }),
        what: t('emails.what.passwordReset'),
        email: {
          subject: t('emails.passwordReset.subject'),
          heading: t('emails.passwordReset.heading'),
          paragraphs: [t('emails.passwordReset.intro', { actor: actor() }), t('emails.passwordReset.warning')],
          action: { label: t('emails.signIn'), href: appUrl('/login') },
        },
      };
    case 'webhook.disabled': {
      const url = text('url') ?? t('notifications.anEndpoint');
      // A message reference (lib/webhooks/attempt-delivery.ts).
      const reason = said('reason');
      return {
        title: t('notifications.events.webhookDisabled.title', { url }),
        body: reason ?? '',
        what: t('emails.what.webhookDisabled'),
        email: {
          subject: t('emails.webhookDisabled.subject', { url }),
          heading: t('emails.webhookDisabled.heading'),
          paragraphs: [
            t('emails.webhookDisabled.intro', { url }),
            ...(reason ? [reason] : []),
            t('emails.webhookDisabled.fix'),
          ],
          action: action(t('emails.openEndpoint')),
        },
      };
    }
    default:
      return null;
  }
}
