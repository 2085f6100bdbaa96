import type { Role } from '@/lib/enums';

/**
 * What a person can be told about, who may choose it, and how it reaches them unless they change it.
 * Its name on screen is the message notifications.kinds.<type>.
 */
export interface NotificationKind {
  type: string;
  roles: readonly Role[];
  /** `null`: this kind has no such channel (a digest is only mail). */
  inApp: boolean | null;
  email: boolean | null;
}

const everyone = ['admin', 'manager', 'staff'] as const;
const leads = ['admin', 'manager'] as const;

export const NOTIFICATION_KINDS = [
  { type: 'defect.assigned', roles: everyone, inApp: true, email: true },
  { type: 'defect.status_changed', roles: everyone, inApp: true, email: false },
  { type: 'defect.created', roles: leads, inApp: false, email: false },
  {
    type: 'feedback.received',
    roles: leads,
    inApp: false,
    email: false,
  },
  { type: 'case.opened', roles: everyone, inApp: true, email: true },
  { type: 'case.proved', roles: everyone, inApp: true, email: false },
  { type: 'digest.weekly', roles: leads, inApp: null, email: true },
  { type: 'account.password_reset', roles: everyone, inApp: null, email: true },
  {
    type: 'webhook.disabled',
    roles: ['admin'],
    inApp: true,
    email: true,
  },
] as const satisfies readonly NotificationKind[];

export type NotificationType = (typeof NOTIFICATION_KINDS)[number]['type'];

export const NOTIFICATION_TYPES = NOTIFICATION_KINDS.map((k) => k.type) as [NotificationType, ...NotificationType[]];

export function notificationKind(type: string): NotificationKind | undefined {
  return NOTIFICATION_KINDS.find((k) => k.type === type);
}

export const kindsForRole = (role: Role) =>
  NOTIFICATION_KINDS.filter((k) => (k.roles as readonly Role[]).includes(role));
