import { useFormatter, useTranslations } from 'next-intl';
import { translateMessage, type ValidationTranslator } from '@/lib/validation/messages';
import { dayToTime } from '@/lib/dates';
import type { CaseStatus } from '@/lib/enums';

export interface CaseHistoryEvent {
  id: string;
  type: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  comment: string | null;
  createdAt: Date;
  actorName: string | null;
}

const EVENTS = ['opened', 'signal', 'linked', 'updated', 'status', 'comment'] as const;
/** The history's field names are the edit's; their labels are the `cases.field` messages. */
const LABEL_KEYS = {
  status: 'status',
  title: 'title',
  ownerId: 'owner',
  rootCause: 'rootCause',
  correctiveAction: 'correctiveAction',
  effectiveOn: 'effectiveOn',
  closeReason: 'closeReason',
} as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T);
const isField = (field: string): field is keyof typeof LABEL_KEYS => field in LABEL_KEYS;

/** Every change and comment of a case; events without a person come from the monitored charts. */
export function CaseHistory({ events, names }: { events: CaseHistoryEvent[]; names: Map<string, string> }) {
  const t = useTranslations('cases');
  const tStatus = useTranslations('enums.caseStatus');
  const format = useFormatter();
  // What the system wrote is stored as message references (lib/validation/messages.ts); people's words pass as written.
  const tAll = useTranslations() as unknown as ValidationTranslator;

  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const text = String(value);
    if (field === 'status') return tStatus.has(text as CaseStatus) ? tStatus(text as CaseStatus) : text;
    if (field === 'ownerId') return names.get(text) ?? t('history.noLongerListed');
    if (field === 'effectiveOn' && /^\d{4}-\d{2}-\d{2}$/.test(text))
      return format.dateTime(new Date(dayToTime(text)), 'day');
    return text.length > 140 ? `${text.slice(0, 140)}…` : text;
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
                  {isField(field) ? t(`field.${LABEL_KEYS[field]}`) : field}: {show(field, change.from)} →{' '}
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
