import { useFormatter, useTranslations } from 'next-intl';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import type { DefectKind, DefectStatus, Severity } from '@/lib/enums';

export interface HistoryEvent {
  id: string;
  type: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  comment: string | null;
  createdAt: Date;
  actorName: string | null;
}

const EVENTS = ['created', 'updated', 'assigned', 'status', 'reopened', 'comment', 'case'] as const;
const FIELDS = [
  'status',
  'categoryId',
  'kind',
  'severity',
  'lostRevenue',
  'ownerId',
  'dueOn',
  'title',
  'description',
  'rootCause',
  'correctiveAction',
  'dismissReason',
  'caseId',
] as const;
/** The history's field names are the edit's; their labels are the `defects.field` messages. */
const LABEL_KEYS = {
  status: 'status',
  categoryId: 'category',
  kind: 'kind',
  severity: 'severity',
  lostRevenue: 'lostRevenue',
  ownerId: 'owner',
  dueOn: 'dueOn',
  title: 'title',
  description: 'description',
  rootCause: 'rootCause',
  correctiveAction: 'correctiveAction',
  dismissReason: 'dismissReason',
  caseId: 'caseId',
} as const satisfies Record<(typeof FIELDS)[number], string>;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T);

export function DefectHistory({ events, names }: { events: HistoryEvent[]; names: Map<string, string> }) {
  const t = useTranslations('defects');
  const tEnum = useTranslations('enums');
  const format = useFormatter();
  // What the system wrote is stored as message references (lib/validation/messages.ts); people's words pass as written.
  const tAll = useTranslations() as unknown as ValidationTranslator;

  /** A changed value as people read it: names for ids, labels for codes. */
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const text = String(value);
    switch (field) {
      case 'status':
        return tEnum.has(`defectStatus.${text as DefectStatus}`) ? tEnum(`defectStatus.${text as DefectStatus}`) : text;
      case 'kind':
        return tEnum.has(`defectKind.${text as DefectKind}`) ? tEnum(`defectKind.${text as DefectKind}`) : text;
      case 'severity':
        return tEnum.has(`severity.${text as Severity}`) ? tEnum(`severity.${text as Severity}`) : text;
      case 'lostRevenue':
        return format.number(Number(value), 'money');
      case 'ownerId':
      case 'categoryId':
        return names.get(text) ?? t('history.noLongerListed');
      case 'caseId':
        return t('history.aCase');
      default:
        return text.length > 140 ? `${text.slice(0, 140)}…` : text;
    }
  };

  if (events.length === 0) return <p className="text-sm text-muted">{t('history.empty')}</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label={t('history.title')}>
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-border pl-3 text-sm">
          <p>
            <span className="font-medium">{event.actorName ?? t('history.system')}</span>{' '}
            {isOneOf(EVENTS, event.type) ? t(`history.event.${event.type}`) : event.type}{' '}
            <time className="text-muted" dateTime={event.createdAt.toISOString()}>
              · {format.dateTime(event.createdAt, 'dateTime')}
            </time>
          </p>
          {event.changes ? (
            <ul className="mt-1 text-muted">
              {Object.entries(event.changes).map(([field, change]) => (
                <li key={field}>
                  {isOneOf(FIELDS, field) ? t(`field.${LABEL_KEYS[field]}`) : field}: {show(field, change.from)} →{' '}
                  <span className="text-foreground">{show(field, change.to)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {event.comment ? (
            <p className="mt-1 whitespace-pre-line rounded-md bg-background p-2">
              {translateMessage(event.comment, tAll)}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
