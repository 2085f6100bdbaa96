import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CaseStatusBadge } from '@/components/cases/case-status-badge';
import { defectTitle } from '@/components/defects/defects-table';
import { StatusBadge } from '@/components/defects/status-badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { dayToTime } from '@/lib/dates';
import { getBacklogHealth, listTriageQueue } from '@/lib/queries/backlog';
import { listCases } from '@/lib/queries/cases';

const link = 'text-primary underline-offset-2 hover:underline';

/** A manager's triage queue: new cases, unassigned defects and overdue defects, oldest first. */
export async function TriageQueue() {
  const [queue, health, fresh] = await Promise.all([
    listTriageQueue({ limit: 8 }),
    getBacklogHealth(),
    listCases({ viewer: { id: '', role: 'manager' }, params: { status: ['open'], page: 1 } }),
  ]);
  const t = await getTranslations('cases');
  const format = await getFormatter();
  return (
    <Card id="triage" aria-labelledby="triage-heading" className="mb-6">
      <h2 id="triage-heading" className="mb-3 text-lg font-semibold">
        {t('triage.title')}
      </h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <section aria-labelledby="triage-cases">
          <h3 id="triage-cases" className="text-sm font-semibold">
            {t('triage.newCases', { count: fresh.total })}
          </h3>
          {fresh.rows.length === 0 ? (
            <EmptyState>{t('triage.noNewCases')}</EmptyState>
          ) : (
            <ul className="mt-2 flex flex-col gap-2 text-sm">
              {fresh.rows.slice(0, 8).map((c) => (
                <li key={c.id}>
                  <Link className={link} href={`/cases/${c.id}`}>
                    {t('caseLink', { number: c.number ?? '', title: c.title })}
                  </Link>
                  <p className="text-xs text-muted">
                    {c.ownerName ?? t('managersQueue')} · {format.dateTime(c.createdAt, 'dateTime')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="triage-unassigned">
          <h3 id="triage-unassigned" className="text-sm font-semibold">
            <Link
              className={link}
              href="/defects?status=open&status=investigating&status=action&status=verified&unassigned=1"
            >
              {t('triage.unassigned', { count: health.defects.unassigned })}
            </Link>
          </h3>
          <DefectList rows={queue.unassigned} empty={t('triage.everyOwned')} />
        </section>
        <section aria-labelledby="triage-overdue">
          <h3 id="triage-overdue" className="text-sm font-semibold">
            <Link className={link} href="/defects?overdue=1">
              {t('triage.overdue', { count: health.defects.overdue })}
            </Link>
          </h3>
          <DefectList rows={queue.overdue} empty={t('triage.nothingOverdue')} />
        </section>
      </div>
    </Card>
  );
}

async function DefectList({
  rows,
  empty,
}: {
  rows: Awaited<ReturnType<typeof listTriageQueue>>['unassigned'];
  empty: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  const t = await getTranslations('cases.triage');
  const tDefects = await getTranslations('defects');
  const format = await getFormatter();
  return (
    <ul className="mt-2 flex flex-col gap-2 text-sm">
      {rows.map((d) => (
        <li key={d.id} className="flex items-center justify-between gap-2">
          <span className="min-w-0">
            <Link className={link} href={`/defects/${d.id}`}>
              {defectTitle({ title: d.title, kind: d.kind, touchpointName: d.touchpointName }, tDefects)}
            </Link>
            <span className="block text-xs text-muted">
              {d.dueOn
                ? t('due', { day: format.dateTime(new Date(dayToTime(d.dueOn)), 'day') })
                : format.dateTime(d.occurredAt, 'dateTime')}
            </span>
          </span>
          <StatusBadge status={d.status} />
        </li>
      ))}
    </ul>
  );
}

/** The cases a person owns and has still to work. */
export async function MyCases({ userId }: { userId: string }) {
  const { rows } = await listCases({
    viewer: { id: userId, role: 'staff' },
    params: { status: ['open', 'investigating', 'action', 'not_effective'], owner: userId, page: 1 },
  });
  if (rows.length === 0) return null;
  const t = await getTranslations('cases');
  return (
    <Card aria-labelledby="my-cases-heading" className="mb-6">
      <h2 id="my-cases-heading" className="mb-3 text-lg font-semibold">
        {t('triage.myCases')}
      </h2>
      <ul className="flex flex-col divide-y divide-border text-sm">
        {rows.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 py-2">
            <Link className={link} href={`/cases/${c.id}`}>
              {t('caseLink', { number: c.number ?? '', title: c.title })}
            </Link>
            <CaseStatusBadge status={c.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
