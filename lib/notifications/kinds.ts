import type { Role } from '@/lib/enums';

/** What a person can be told about, who may choose it, and how it reaches them unless they change it. */
export interface NotificationKind {
  type: string;
  label: string;
  roles: readonly Role[];
  /** `null`: this kind has no such channel (a digest is only mail). */
  inApp: boolean | null;
  email: boolean | null;
}

const everyone = ['admin', 'manager', 'staff'] as const;
const leads = ['admin', 'manager'] as const;

export const NOTIFICATION_KINDS = [
  { type: 'defect.assigned', label: 'A defect is assigned to me', roles: everyone, inApp: true, email: true },
  { type: 'defect.status_changed', label: 'A defect I own changes status', roles: everyone, inApp: true, email: false },
  { type: 'defect.created', label: 'Any new defect is raised', roles: leads, inApp: false, email: false },
  {
    type: 'feedback.received',
    label: 'Feedback arrives from the public page',
    roles: leads,
    inApp: false,
    email: false,
  },
  { type: 'case.opened', label: 'A case is opened on my touchpoint', roles: everyone, inApp: true, email: true },
  { type: 'case.proved', label: 'A case on my touchpoint is proved', roles: everyone, inApp: true, email: false },
  { type: 'digest.weekly', label: 'The weekly digest', roles: leads, inApp: null, email: true },
  { type: 'account.password_reset', label: 'An admin resets my password', roles: everyone, inApp: null, email: true },
  {
    type: 'webhook.disabled',
    label: 'A webhook endpoint is switched off after failures',
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
