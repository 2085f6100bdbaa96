import Link from 'next/link';
import { CaseStatusBadge } from '@/components/cases/case-status-badge';
import { defectTitle } from '@/components/defects/defects-table';
import { StatusBadge } from '@/components/defects/status-badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime, formatInteger } from '@/lib/format';
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
  return (
    <Card id="triage" aria-labelledby="triage-heading" className="mb-6">
      <h2 id="triage-heading" className="mb-3 text-lg font-semibold">
        Triage queue
      </h2>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <section aria-labelledby="triage-cases">
          <h3 id="triage-cases" className="text-sm font-semibold">
            New cases ({formatInteger(fresh.total)})
          </h3>
          {fresh.rows.length === 0 ? (
            <EmptyState>No new cases.</EmptyState>
          ) : (
            <ul className="mt-2 flex flex-col gap-2 text-sm">
              {fresh.rows.slice(0, 8).map((c) => (
                <li key={c.id}>
                  <Link className={link} href={`/cases/${c.id}`}>
                    #{c.number} {c.title}
                  </Link>
                  <p className="text-xs text-muted">
                    {c.ownerName ?? 'Managers’ queue'} · {formatDateTime(c.createdAt)}
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
              Unassigned defects ({formatInteger(health.defects.unassigned)})
            </Link>
          </h3>
          <DefectList rows={queue.unassigned} empty="Every open defect has an owner." />
        </section>
        <section aria-labelledby="triage-overdue">
          <h3 id="triage-overdue" className="text-sm font-semibold">
            <Link className={link} href="/defects?overdue=1">
              Overdue defects ({formatInteger(health.defects.overdue)})
            </Link>
          </h3>
          <DefectList rows={queue.overdue} empty="Nothing is overdue." />
        </section>
      </div>
    </Card>
  );
}

function DefectList({
  rows,
  empty,
}: {
  rows: Awaited<ReturnType<typeof listTriageQueue>>['unassigned'];
  empty: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="mt-2 flex flex-col gap-2 text-sm">
      {rows.map((d) => (
        <li key={d.id} className="flex items-center justify-between gap-2">
          <span className="min-w-0">
            <Link className={link} href={`/defects/${d.id}`}>
              {defectTitle({ title: d.title, kind: d.kind, touchpointName: d.touchpointName })}
            </Link>
            <span className="block text-xs text-muted">
              {d.dueOn ? `due ${d.dueOn}` : formatDateTime(d.occurredAt)}
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
  return (
    <Card aria-labelledby="my-cases-heading" className="mb-6">
      <h2 id="my-cases-heading" className="mb-3 text-lg font-semibold">
        My cases
      </h2>
      <ul className="flex flex-col divide-y divide-border text-sm">
        {rows.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 py-2">
            <Link className={link} href={`/cases/${c.id}`}>
              #{c.number} {c.title}
            </Link>
            <CaseStatusBadge status={c.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
