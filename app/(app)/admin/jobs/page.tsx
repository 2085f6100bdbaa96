import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { getRunnerHealth } from '@/lib/queries/jobs';

export const metadata: Metadata = { title: 'Background jobs' };
export const dynamic = 'force-dynamic';

export default async function JobsPage() {
  await requirePermission('administer');
  const { lease, queue, failures, schedules } = await getRunnerHealth();
  const sum = (key: 'due' | 'waiting' | 'running' | 'retrying' | 'dead' | 'doneToday') =>
    queue.reduce((total, row) => total + row[key], 0);
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="The runner delivers events, mail and webhooks and runs the scheduled jobs. One app instance runs it at a time."
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="runner-heading">
          <h2 id="runner-heading" className="mb-3 text-lg font-semibold">
            Runner
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <div className="rounded-lg border border-border bg-surface p-4 shadow-sm">
              <dt className="text-sm text-muted">State</dt>
              <dd className="mt-1">
                {lease?.live ? <Badge tone="success">Running</Badge> : <Badge tone="danger">Not running</Badge>}
              </dd>
              {lease ? <dd className="mt-1 break-all text-xs text-muted">{lease.holder}</dd> : null}
            </div>
            <Stat label="Last run" value={lease?.lastRunAt ? formatDateTime(lease.lastRunAt) : 'Never'} />
            <Stat label="Queue depth (due now)" value={String(sum('due') + sum('running'))} />
            <Stat label="Retrying" value={String(sum('retrying'))} />
            <Stat label="Failed for good" value={String(sum('dead'))} />
          </dl>
        </Card>
        <Card aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
            Queue by kind
          </h2>
          {queue.length === 0 ? <EmptyState>No jobs yet.</EmptyState> : null}
          {queue.length > 0 ? (
            <TableScroll label="Table of the queue by kind">
              <table className="card-table w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    {['Kind', 'Due', 'Scheduled later', 'Running', 'Retrying', 'Failed for good', 'Done in 24 h'].map(
                      (h) => (
                        <th key={h} scope="col" className="py-2 pr-4 font-medium">
                          {h}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {queue.map((row) => (
                    <tr key={row.kind} className="border-t border-border">
                      <td data-label="Kind" className="py-2 pr-4 font-mono text-xs">
                        {row.kind}
                      </td>
                      <td data-label="Due" className="py-2 pr-4">
                        {row.due}
                      </td>
                      <td data-label="Scheduled later" className="py-2 pr-4">
                        {row.waiting}
                      </td>
                      <td data-label="Running" className="py-2 pr-4">
                        {row.running}
                      </td>
                      <td data-label="Retrying" className="py-2 pr-4">
                        {row.retrying}
                      </td>
                      <td data-label="Failed for good" className={row.dead ? 'py-2 pr-4 text-danger' : 'py-2 pr-4'}>
                        {row.dead}
                      </td>
                      <td data-label="Done in 24 h" className="py-2 pr-4">
                        {row.doneToday}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </Card>
        <Card aria-labelledby="failures-heading">
          <h2 id="failures-heading" className="mb-3 text-lg font-semibold">
            Recent failures
          </h2>
          {failures.length === 0 ? <EmptyState>No job is failing.</EmptyState> : null}
          {failures.length > 0 ? (
            <TableScroll label="Table of recent failures">
              <table className="card-table w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    {['Kind', 'State', 'Attempts', 'Error', 'Next try'].map((h) => (
                      <th key={h} scope="col" className="py-2 pr-4 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {failures.map((job) => (
                    <tr key={job.id} className="border-t border-border align-top">
                      <td data-label="Kind" className="py-2 pr-4 font-mono text-xs">
                        {job.kind}
                      </td>
                      <td data-label="State" className="py-2 pr-4">
                        {job.status === 'dead' ? (
                          <Badge tone="danger">Gave up</Badge>
                        ) : (
                          <Badge tone="warning">Retrying</Badge>
                        )}
                      </td>
                      <td data-label="Attempts" className="py-2 pr-4">
                        {job.attempts}
                      </td>
                      <td data-label="Error" className="max-w-md py-2 pr-4 text-xs">
                        {job.lastError}
                      </td>
                      <td data-label="Next try" className="py-2 pr-4 whitespace-nowrap">
                        {job.status === 'dead' ? '–' : formatDateTime(job.runAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </Card>
        <Card aria-labelledby="schedules-heading">
          <h2 id="schedules-heading" className="mb-3 text-lg font-semibold">
            Scheduled jobs
          </h2>
          {schedules.length === 0 ? <EmptyState>The runner has not started yet.</EmptyState> : null}
          <ul className="flex flex-col gap-1 text-sm">
            {schedules.map((s) => (
              <li key={s.name}>
                <span className="font-mono text-xs">{s.name}</span>: next {formatDateTime(s.nextRunAt)}
                {s.lastRunAt ? `, last ${formatDateTime(s.lastRunAt)}` : ', not run yet'}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
