import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { getRunnerHealth } from '@/lib/queries/jobs';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.jobs');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

export default async function JobsPage() {
  await requirePermission('administer');
  const { lease, queue, failures, schedules } = await getRunnerHealth();
  const t = await getTranslations('admin.jobs');
  const format = await getFormatter();
  const when = (value: Date) => format.dateTime(value, 'dateTime');
  // A job's error may be a message reference (a webhook delivery's), said in the reader's language.
  const validation = await getRequestValidationTranslator();
  const n = (value: number) => format.number(value, 'integer');
  const sum = (key: 'due' | 'running' | 'retrying' | 'dead') => queue.reduce((total, row) => total + row[key], 0);
  const totals = { depth: sum('due') + sum('running'), retrying: sum('retrying'), dead: sum('dead') };
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="runner-heading">
          <h2 id="runner-heading" className="mb-3 text-lg font-semibold">
            {t('runner')}
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <div className="rounded-lg border border-border bg-surface p-4 shadow-sm">
              <dt className="text-sm text-muted">{t('state')}</dt>
              <dd className="mt-1">
                {lease?.live ? (
                  <Badge tone="success">{t('running')}</Badge>
                ) : (
                  <Badge tone="danger">{t('notRunning')}</Badge>
                )}
              </dd>
              {lease ? <dd className="mt-1 break-all text-xs text-muted">{lease.holder}</dd> : null}
            </div>
            <Stat label={t('lastRun')} value={lease?.lastRunAt ? when(lease.lastRunAt) : t('never')} />
            <Stat label={t('queueDepth')} value={n(totals.depth)} />
            <Stat label={t('retrying')} value={n(totals.retrying)} />
            <Stat label={t('dead')} value={n(totals.dead)} />
          </dl>
        </Card>
        <Card aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
            {t('queueByKind')}
          </h2>
          {queue.length === 0 ? <EmptyState>{t('noJobs')}</EmptyState> : null}
          {queue.length > 0 ? (
            <TableScroll label={t('queueTable')}>
              <table className="card-table w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    {[
                      t('kind'),
                      t('due'),
                      t('waiting'),
                      t('runningCount'),
                      t('retrying'),
                      t('dead'),
                      t('doneToday'),
                    ].map((h) => (
                      <th key={h} scope="col" className="py-2 pr-4 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {queue.map((row) => (
                    <tr key={row.kind} className="border-t border-border">
                      <td data-label={t('kind')} className="py-2 pr-4 font-mono text-xs">
                        {row.kind}
                      </td>
                      <td data-label={t('due')} className="py-2 pr-4">
                        {n(row.due)}
                      </td>
                      <td data-label={t('waiting')} className="py-2 pr-4">
                        {n(row.waiting)}
                      </td>
                      <td data-label={t('runningCount')} className="py-2 pr-4">
                        {n(row.running)}
                      </td>
                      <td data-label={t('retrying')} className="py-2 pr-4">
                        {n(row.retrying)}
                      </td>
                      <td data-label={t('dead')} className={row.dead ? 'py-2 pr-4 text-danger' : 'py-2 pr-4'}>
                        {n(row.dead)}
                      </td>
                      <td data-label={t('doneToday')} className="py-2 pr-4">
                        {n(row.doneToday)}
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
            {t('failures')}
          </h2>
          {failures.length === 0 ? <EmptyState>{t('noFailures')}</EmptyState> : null}
          {failures.length > 0 ? (
            <TableScroll label={t('failuresTable')}>
              <table className="card-table w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    {[t('kind'), t('state'), t('attempts'), t('error'), t('nextTry')].map((h) => (
                      <th key={h} scope="col" className="py-2 pr-4 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {failures.map((job) => (
                    <tr key={job.id} className="border-t border-border align-top">
                      <td data-label={t('kind')} className="py-2 pr-4 font-mono text-xs">
                        {job.kind}
                      </td>
                      <td data-label={t('state')} className="py-2 pr-4">
                        {job.status === 'dead' ? (
                          <Badge tone="danger">{t('gaveUp')}</Badge>
                        ) : (
                          <Badge tone="warning">{t('retrying')}</Badge>
                        )}
                      </td>
                      <td data-label={t('attempts')} className="py-2 pr-4">
                        {job.attempts}
                      </td>
                      <td data-label={t('error')} className="max-w-md py-2 pr-4 text-xs">
                        {job.lastError ? validation.message(job.lastError) : null}
                      </td>
                      <td data-label={t('nextTry')} className="py-2 pr-4 whitespace-nowrap">
                        {job.status === 'dead' ? '–' : when(job.runAt)}
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
            {t('schedules')}
          </h2>
          {schedules.length === 0 ? <EmptyState>{t('notStarted')}</EmptyState> : null}
          <ul className="flex flex-col gap-1 text-sm">
            {schedules.map((s) => (
              <li key={s.name}>
                {t.rich(s.lastRunAt ? 'scheduleLine' : 'scheduleLineNever', {
                  name: s.name,
                  next: when(s.nextRunAt),
                  last: s.lastRunAt ? when(s.lastRunAt) : '',
                  code: (chunks) => <span className="font-mono text-xs">{chunks}</span>,
                })}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
