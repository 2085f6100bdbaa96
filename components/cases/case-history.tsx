import { formatDateTime } from '@/lib/format';
import { CASE_STATUS_LABELS, type CaseStatus } from '@/lib/enums';

export interface CaseHistoryEvent {
  id: string;
  type: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  comment: string | null;
  createdAt: Date;
  actorName: string | null;
}

const EVENT_LABELS: Record<string, string> = {
  opened: 'opened the case',
  signal: 'recorded a signal',
  linked: 'linked defects',
  updated: 'edited',
  status: 'moved',
  comment: 'commented',
};

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  title: 'Title',
  ownerId: 'Owner',
  rootCause: 'Root cause',
  correctiveAction: 'Corrective action',
  effectiveOn: 'Effective date (T)',
  closeReason: 'Reason for closing',
};

function show(field: string, value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  if (field === 'status') return CASE_STATUS_LABELS[text as CaseStatus] ?? text;
  if (field === 'ownerId') return names.get(text) ?? 'someone no longer listed';
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** Every change and comment of a case; events without a person come from the monitored charts. */
export function CaseHistory({ events, names }: { events: CaseHistoryEvent[]; names: Map<string, string> }) {
  if (events.length === 0) return <p className="text-sm text-muted">No changes or comments yet.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="History">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-border pl-3 text-sm">
          <p>
            <span className="font-medium">{event.actorName ?? 'The monitored charts'}</span>{' '}
            {EVENT_LABELS[event.type] ?? event.type}{' '}
            <time className="text-muted" dateTime={event.createdAt.toISOString()}>
              · {formatDateTime(event.createdAt)}
            </time>
          </p>
          {event.changes ? (
            <ul className="mt-1 text-muted">
              {Object.entries(event.changes).map(([field, change]) => (
                <li key={field}>
                  {FIELD_LABELS[field] ?? field}: {show(field, change.from, names)} →{' '}
                  <span className="text-foreground">{show(field, change.to, names)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {event.comment ? (
            <p className="mt-1 whitespace-pre-line rounded-md bg-background p-2">{event.comment}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
