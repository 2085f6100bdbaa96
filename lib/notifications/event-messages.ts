import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { defectCategories, defects, touchpoints, users, type OutboxEvent } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import type { EmailContent } from '@/lib/mail/render';
import type { NotificationType } from './kinds';
import { SEVERITY_LABELS, DEFECT_STATUS_LABELS, type DefectStatus } from '@/lib/enums';

/** What one event tells people: the in-app line, the link, and the mail body. */
export interface EventMessage {
  type: NotificationType;
  recipientIds: string[];
  title: string;
  body: string;
  href: string;
  email: Omit<EmailContent, 'unsubscribe'>;
  /** Who the mail's footer says it is about ("mail about …"). */
  what: string;
}

const str = (value: unknown) => (typeof value === 'string' ? value : null);

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

async function nameOf(tx: DbOrTx, id: string | null): Promise<string> {
  if (!id) return 'The system';
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? 'Someone';
}

async function activeLeads(tx: DbOrTx, roles: ('admin' | 'manager')[]): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, roles)));
  return rows.map((u) => u.id);
}

/** The people an event concerns and what to tell them; null when it concerns nobody. */
export async function describeEvent(tx: DbOrTx, event: OutboxEvent): Promise<EventMessage | null> {
  const p = event.payload;
  const actorId = str(p.actorId);
  const notActor = (ids: (string | null)[]) => ids.filter((id): id is string => Boolean(id) && id !== actorId);

  switch (event.type) {
    case 'defect.assigned':
    case 'defect.status_changed':
    case 'defect.created': {
      const defect = await defectSummary(tx, String(p.defectId));
      if (!defect) return null;
      const name = defect.title ?? `${defect.category} at ${defect.touchpoint}`;
      const href = `/defects/${defect.id}`;
      const actor = await nameOf(tx, actorId);
      const facts = `${SEVERITY_LABELS[defect.severity]} · ${defect.touchpoint} · ${DEFECT_STATUS_LABELS[defect.status]}${defect.dueOn ? ` · due ${defect.dueOn}` : ''}`;
      if (event.type === 'defect.assigned') {
        return {
          type: 'defect.assigned',
          recipientIds: notActor([str(p.ownerId)]),
          title: `Assigned to you: ${name}`,
          body: `${actor} assigned you this defect. ${facts}`,
          href,
          what: 'mail about defects assigned to you',
          email: {
            subject: `Defect assigned to you: ${name}`,
            heading: 'A defect was assigned to you',
            paragraphs: [
              `${actor} assigned you “${name}”.`,
              facts,
              'Find its cause, record the corrective action, and move it on.',
            ],
            action: { label: 'Open the defect', href: appUrl(href) },
          },
        };
      }
      if (event.type === 'defect.status_changed') {
        const to = DEFECT_STATUS_LABELS[p.to as DefectStatus] ?? String(p.to);
        const from = DEFECT_STATUS_LABELS[p.from as DefectStatus] ?? String(p.from);
        return {
          type: 'defect.status_changed',
          recipientIds: notActor([str(p.ownerId)]),
          title: `${name}: ${from} → ${to}`,
          body: `${actor} moved a defect you own. ${facts}`,
          href,
          what: 'mail about status changes of your defects',
          email: {
            subject: `Your defect moved to ${to}: ${name}`,
            heading: `A defect you own is now ${to}`,
            paragraphs: [`${actor} moved “${name}” from ${from} to ${to}.`, facts],
            action: { label: 'Open the defect', href: appUrl(href) },
          },
        };
      }
      return {
        type: 'defect.created',
        recipientIds: notActor(await activeLeads(tx, ['manager', 'admin'])),
        title: `New defect: ${name}`,
        body: facts,
        href,
        what: 'mail about every new defect',
        email: {
          subject: `New defect: ${name}`,
          heading: 'A defect was raised',
          paragraphs: [`“${name}” was raised.`, facts],
          action: { label: 'Open the defect', href: appUrl(href) },
        },
      };
    }
    case 'feedback.received': {
      const href = `/interactions/${String(p.interactionId)}`;
      const [tp] = await tx
        .select({ name: touchpoints.name })
        .from(touchpoints)
        .where(eq(touchpoints.id, String(p.touchpointId)));
      const scores = [
        p.csat != null ? `CSAT ${String(p.csat)}` : null,
        p.nps != null ? `NPS ${String(p.nps)}` : null,
        p.experience != null ? `experience ${String(p.experience)}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      const title = `Feedback on ${tp?.name ?? 'a touchpoint'}${scores ? `: ${scores}` : ''}`;
      return {
        type: 'feedback.received',
        recipientIds: await activeLeads(tx, ['manager', 'admin']),
        title,
        body: str(p.comment) ?? 'No comment.',
        href,
        what: 'mail about feedback from the public page',
        email: {
          subject: title,
          heading: 'A customer sent feedback',
          paragraphs: [title, str(p.comment) ? `“${str(p.comment)}”` : 'They left no comment.'],
          action: { label: 'Open the interaction', href: appUrl(href) },
        },
      };
    }
    case 'case.opened':
    case 'case.proved': {
      // Emitted by the cases feature, which names who is told (the touchpoint's owners).
      const recipients = Array.isArray(p.recipientIds) ? p.recipientIds.map(String) : [];
      const title = str(p.title) ?? 'A case';
      const touchpoint = str(p.touchpointName) ?? 'your touchpoint';
      const href = str(p.href) ?? '/dashboard';
      const opened = event.type === 'case.opened';
      return {
        type: event.type,
        recipientIds: notActor(recipients),
        title: opened ? `Case opened on ${touchpoint}: ${title}` : `Case proved on ${touchpoint}: ${title}`,
        body: str(p.summary) ?? '',
        href,
        what: opened ? 'mail about cases opened on your touchpoints' : 'mail about cases proved on your touchpoints',
        email: {
          subject: opened ? `Case opened on ${touchpoint}: ${title}` : `Case proved on ${touchpoint}: ${title}`,
          heading: opened ? `A case was opened on ${touchpoint}` : `A case on ${touchpoint} was proved`,
          paragraphs: [
            `“${title}”`,
            ...(str(p.summary) ? [str(p.summary)!] : []),
            opened
              ? 'You are told because you own this touchpoint. Look at the evidence and plan the improvement.'
              : 'The improvement held: the chart shows the change is real.',
          ],
          action: { label: 'Open the case', href: appUrl(href) },
        },
      };
    }
    case 'account.password_reset': {
      const actor = await nameOf(tx, actorId);
      return {
        type: 'account.password_reset',
        recipientIds: [String(p.userId)],
        title: 'Your password was reset',
        body: `${actor} reset your password.`,
        href: '/account/password',
        what: 'mail about password resets on your account',
        email: {
          subject: 'Your OutsideIn password was reset',
          heading: 'Your password was reset by an admin',
          paragraphs: [
            `${actor} reset the password of your OutsideIn account. They will give you a one-time password; sign in with it and choose a new one.`,
            'If you did not ask for this, tell your admin at once.',
          ],
          action: { label: 'Sign in', href: appUrl('/login') },
        },
      };
    }
    case 'webhook.disabled': {
      const href = `/admin/webhooks/${String(p.endpointId)}`;
      const url = str(p.url) ?? 'an endpoint';
      return {
        type: 'webhook.disabled',
        recipientIds: await activeLeads(tx, ['admin']),
        title: `Webhook switched off: ${url}`,
        body: str(p.reason) ?? '',
        href,
        what: 'mail about webhook endpoints switched off',
        email: {
          subject: `Webhook endpoint switched off: ${url}`,
          heading: 'A webhook endpoint was switched off',
          paragraphs: [
            `Deliveries to ${url} kept failing, so OutsideIn stopped sending to it.`,
            str(p.reason) ?? '',
            'Fix the receiver, then switch the endpoint on again and redeliver what it missed.',
          ].filter(Boolean),
          action: { label: 'Open the endpoint', href: appUrl(href) },
        },
      };
    }
    default:
      return null;
  }
}
