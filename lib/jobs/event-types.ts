// The events the app emits (docs/notifications.md). Webhook endpoints subscribe to these; users
// choose which of them reach them, and how, in their notification preferences.
export const EVENT_TYPES = [
  'defect.created',
  'defect.assigned',
  'defect.status_changed',
  'interaction.created',
  'feedback.received',
  'case.opened',
  'case.proved',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Events only people are told about, never sent to webhooks. */
export const INTERNAL_EVENT_TYPES = ['account.password_reset', 'webhook.disabled'] as const;
export type InternalEventType = (typeof INTERNAL_EVENT_TYPES)[number];

export type AnyEventType = EventType | InternalEventType;

export const EVENT_LABELS: Record<EventType, string> = {
  'defect.created': 'A defect is raised',
  'defect.assigned': 'A defect is assigned',
  'defect.status_changed': 'A defect changes status',
  'interaction.created': 'An interaction is recorded',
  'feedback.received': 'Feedback arrives from the public page',
  'case.opened': 'A case is opened',
  'case.proved': 'A case is proved',
};
