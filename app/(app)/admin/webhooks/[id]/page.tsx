import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/admin/action-button';
import { TestPingButton } from '@/components/admin/test-ping-button';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { DELIVERY_LOG_SIZE, getWebhookEndpoint, listWebhookDeliveries } from '@/lib/queries/webhooks';
import { webhookIdSchema } from '@/lib/validation/webhooks';
import { deleteWebhookAction, redeliverAction, setWebhookActiveAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.webhooks');
  return { title: t('endpointTitle') };
}

const STATUS = {
  pending: 'neutral',
  succeeded: 'success',
  failed: 'warning',
  dead: 'danger',
} as const satisfies Record<string, BadgeTone>;
type DeliveryStatus = keyof typeof STATUS;

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('administer');
  const parsed = webhookIdSchema.safeParse({ endpointId: (await params).id });
  if (!parsed.success) notFound();
  const endpoint = await getWebhookEndpoint({ id: parsed.data.endpointId });
  if (!endpoint) notFound();
  const deliveries = await listWebhookDeliveries({ endpointId: endpoint.id });
  const t = await getTranslations('admin.webhooks');
  const tc = await getTranslations('admin.common');
  // Why it was switched off is stored as a message reference (lib/webhooks/manage-endpoints.ts).
  const validation = await getRequestValidationTranslator();
  const format = await getFormatter();
  const when = (value: Date) => format.dateTime(value, 'dateTime');
  const back = { href: '/admin/webhooks', label: t('title') };
  return (
    <>
      <PageHeader title={endpoint.url} description={endpoint.description ?? undefined} back={back}>
        <TestPingButton endpointId={endpoint.id} />
        <ActionButton action={setWebhookActiveAction} input={{ endpointId: endpoint.id, active: !endpoint.active }}>
          {endpoint.active ? t('switchOff') : t('switchOn')}
        </ActionButton>
        <ActionButton
          action={deleteWebhookAction}
          input={{ endpointId: endpoint.id }}
          variant="danger"
          confirm={t('confirmDelete', { url: endpoint.url })}
          redirectTo="/admin/webhooks"
        >
          {tc('delete')}
        </ActionButton>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <Card>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted">{t('state')}</dt>
            <dd>
              {endpoint.active ? <Badge tone="success">{t('on')}</Badge> : <Badge tone="danger">{t('off')}</Badge>}
              {endpoint.disabledReason ? (
                <span className="ml-2">{validation.message(endpoint.disabledReason)}</span>
              ) : null}
              {endpoint.active && endpoint.failingSince ? (
                <span className="ml-2 text-warning">{t('failingSince', { when: when(endpoint.failingSince) })}</span>
              ) : null}
            </dd>
            <dt className="text-muted">{t('events')}</dt>
            <dd>{endpoint.eventTypes.join(', ')}</dd>
            <dt className="text-muted">{t('added')}</dt>
            <dd>{when(endpoint.createdAt)}</dd>
          </dl>
        </Card>
        <Card aria-labelledby="deliveries-heading">
          <h2 id="deliveries-heading" className="mb-3 text-lg font-semibold">
            {t('deliveryLog')}
          </h2>
          <p className="mb-3 text-sm text-muted">{t('deliveryLogNote', { size: DELIVERY_LOG_SIZE })}</p>
          {deliveries.length === 0 ? <EmptyState>{t('noDeliveries')}</EmptyState> : null}
          {deliveries.length > 0 ? (
            <TableScroll label={t('deliveries')}>
              <table className="w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('event')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('status')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('response')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('latency')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('lastAttempt')}
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      <span className="sr-only">{tc('actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((d) => (
                    <tr key={d.id} className="border-t border-border align-top">
                      <td className="py-2 pr-4">
                        <span className="font-medium">{d.eventType}</span>
                        <code className="block text-xs text-muted">{d.eventId}</code>
                      </td>
                      <td className="py-2 pr-4">
                        <Badge tone={STATUS[d.status as DeliveryStatus]}>
                          {t(`deliveryStatus.${d.status as DeliveryStatus}`)}
                        </Badge>
                        <span className="block text-xs text-muted">{t('attempts', { count: d.attempts })}</span>
                      </td>
                      <td className="max-w-xs py-2 pr-4">
                        {d.responseStatus ? (
                          <span className="font-medium">{t('http', { status: d.responseStatus })}</span>
                        ) : null}
                        {d.error ? (
                          <span className="block text-xs text-danger">{validation.message(d.error)}</span>
                        ) : null}
                        {d.responseExcerpt ? (
                          <code className="block truncate text-xs text-muted" title={d.responseExcerpt}>
                            {d.responseExcerpt}
                          </code>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {d.latencyMs === null ? '–' : t('ms', { ms: d.latencyMs })}
                      </td>
                      <td className="py-2 pr-4 whitespace-nowrap">{d.lastAttemptAt ? when(d.lastAttemptAt) : '–'}</td>
                      <td className="py-2">
                        {d.eventType === 'webhook.test' ? null : (
                          <ActionButton
                            action={redeliverAction}
                            input={{ deliveryId: d.id }}
                            label={t('redeliverNamed', { type: d.eventType, id: d.eventId })}
                            successMessage={t('queuedAgain')}
                          >
                            {t('redeliver')}
                          </ActionButton>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </Card>
      </div>
    </>
  );
}
