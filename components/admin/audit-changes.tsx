import { useTranslations } from 'next-intl';

/** An audit event's before/after as one line per changed field. */
export function AuditChanges({
  before,
  after,
  names = new Map(),
}: {
  before: unknown;
  after: unknown;
  /** Names of the records whose ids appear, shown in place of the ids. */
  names?: Map<string, string>;
}) {
  const t = useTranslations('admin.audit');
  const show = (value: unknown) => showValue(value, names, t('none'));
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const all = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  // For an edit, only what changed; a create or delete shows every value it recorded.
  const isEdit = isRecord(before) && isRecord(after);
  const keys = isEdit ? all.filter((key) => show(b[key]) !== show(a[key])) : all;
  if (keys.length === 0) return <span className="text-muted">{isEdit ? t('noChange') : '—'}</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {keys.map((key) => {
        const from = key in b ? show(b[key]) : null;
        const to = key in a ? show(a[key]) : null;
        return (
          <div key={key} className="contents">
            <dt className="font-medium text-muted [overflow-wrap:anywhere]">{key}</dt>
            <dd className="break-all">
              {from !== null && to !== null && from !== to ? (
                <>
                  <del className="text-danger">{from}</del> <span aria-label={t('changedTo')}>→</span>{' '}
                  <ins className="text-success no-underline">{to}</ins>
                </>
              ) : (
                (to ?? from)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function showValue(value: unknown, names: Map<string, string>, none: string): string {
  if (value === null || value === undefined) return none;
  if (typeof value === 'string') return value === '' ? '""' : (names.get(value.toLowerCase()) ?? value);
  return JSON.stringify(value);
}
