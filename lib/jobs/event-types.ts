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

// Their names on screen are the messages admin.webhooks.eventType.<type>.
