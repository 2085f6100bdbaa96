import { formatDateTime, formatMoney } from '@/lib/format';
import { EVENT_LABELS } from '@/lib/defects/labels';
import { FIELD_LABELS } from '@/lib/defects/field-labels';
import { KIND_LABELS, SEVERITY_LABELS, DEFECT_STATUS_LABELS, type DefectStatus } from '@/lib/enums';

export interface HistoryEvent {
  id: string;
  type: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  comment: string | null;
  createdAt: Date;
  actorName: string | null;
}

/** A changed value as people read it: names for ids, labels for codes. */
function show(field: string, value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  switch (field) {
    case 'status':
      return DEFECT_STATUS_LABELS[text as DefectStatus] ?? text;
    case 'kind':
      return KIND_LABELS[text] ?? text;
    case 'severity':
      return SEVERITY_LABELS[text] ?? text;
    case 'lostRevenue':
      return formatMoney(Number(value));
    case 'ownerId':
    case 'categoryId':
      return names.get(text) ?? 'someone no longer listed';
    default:
      return text.length > 140 ? `${text.slice(0, 140)}…` : text;
  }
}

export function DefectHistory({ events, names }: { events: HistoryEvent[]; names: Map<string, string> }) {
  if (events.length === 0) return <p className="text-sm text-muted">No changes or comments yet.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="History">
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-border pl-3 text-sm">
          <p>
            <span className="font-medium">{event.actorName ?? 'The system'}</span>{' '}
            {EVENT_LABELS[event.type] ?? event.type}{' '}
            <time className="text-muted" dateTime={event.createdAt.toISOString()}>
              · {formatDateTime(event.createdAt)}
            </time>
          </p>
          {event.changes ? (
            <ul className="mt-1 text-muted">
              {Object.entries(event.changes).map(([field, change]) => (
                <li key={field}>
                  {FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field}: {show(field, change.from, names)} →{' '}
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
