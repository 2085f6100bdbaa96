import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/admin/action-button';
import { TestPingButton } from '@/components/admin/test-ping-button';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { DELIVERY_LOG_SIZE, getWebhookEndpoint, listWebhookDeliveries } from '@/lib/queries/webhooks';
import { webhookIdSchema } from '@/lib/validation/webhooks';
import { deleteWebhookAction, redeliverAction, setWebhookActiveAction } from '../actions';

export const metadata: Metadata = { title: 'Webhook endpoint' };

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Queued', tone: 'neutral' },
  succeeded: { label: 'Delivered', tone: 'success' },
  failed: { label: 'Failed, retrying', tone: 'warning' },
  dead: { label: 'Gave up', tone: 'danger' },
};

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('administer');
  const parsed = webhookIdSchema.safeParse({ endpointId: (await params).id });
  if (!parsed.success) notFound();
  const endpoint = await getWebhookEndpoint({ id: parsed.data.endpointId });
  if (!endpoint) notFound();
  const deliveries = await listWebhookDeliveries({ endpointId: endpoint.id });
  return (
    <>
      <PageHeader
        title={endpoint.url}
        description={endpoint.description ?? undefined}
        back={{ href: '/admin/webhooks', label: 'Webhooks' }}
      >
        <TestPingButton endpointId={endpoint.id} />
        <ActionButton action={setWebhookActiveAction} input={{ endpointId: endpoint.id, active: !endpoint.active }}>
          {endpoint.active ? 'Switch off' : 'Switch on'}
        </ActionButton>
        <ActionButton
          action={deleteWebhookAction}
          input={{ endpointId: endpoint.id }}
          variant="danger"
          confirm={`Delete the endpoint ${endpoint.url} and its delivery log?`}
          redirectTo="/admin/webhooks"
        >
          Delete
        </ActionButton>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <Card>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted">State</dt>
            <dd>
              {endpoint.active ? <Badge tone="success">On</Badge> : <Badge tone="danger">Off</Badge>}
              {endpoint.disabledReason ? <span className="ml-2">{endpoint.disabledReason}</span> : null}
              {endpoint.active && endpoint.failingSince ? (
                <span className="ml-2 text-warning">
                  Failing since {formatDateTime(endpoint.failingSince)}; switched off after 24 hours of failures.
                </span>
              ) : null}
            </dd>
            <dt className="text-muted">Events</dt>
            <dd>{endpoint.eventTypes.join(', ')}</dd>
            <dt className="text-muted">Added</dt>
            <dd>{formatDateTime(endpoint.createdAt)}</dd>
          </dl>
        </Card>
        <Card aria-labelledby="deliveries-heading">
          <h2 id="deliveries-heading" className="mb-3 text-lg font-semibold">
            Delivery log
          </h2>
          <p className="mb-3 text-sm text-muted">
            The latest {DELIVERY_LOG_SIZE} deliveries. The webhook-id is the event id, the same on every retry.
          </p>
          {deliveries.length === 0 ? (
            <EmptyState>Nothing sent yet. Send a test ping to try the endpoint.</EmptyState>
          ) : null}
          {deliveries.length > 0 ? (
            <TableScroll label="Deliveries">
              <table className="w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Event
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Response
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Latency
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Last attempt
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      <span className="sr-only">Actions</span>
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
                        <Badge tone={STATUS[d.status]!.tone}>{STATUS[d.status]!.label}</Badge>
                        <span className="block text-xs text-muted">
                          {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                        </span>
                      </td>
                      <td className="max-w-xs py-2 pr-4">
                        {d.responseStatus ? <span className="font-medium">HTTP {d.responseStatus}</span> : null}
                        {d.error ? <span className="block text-xs text-danger">{d.error}</span> : null}
                        {d.responseExcerpt ? (
                          <code className="block truncate text-xs text-muted" title={d.responseExcerpt}>
                            {d.responseExcerpt}
                          </code>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {d.latencyMs === null ? '–' : `${d.latencyMs} ms`}
                      </td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '–'}
                      </td>
                      <td className="py-2">
                        {d.eventType === 'webhook.test' ? null : (
                          <ActionButton
                            action={redeliverAction}
                            input={{ deliveryId: d.id }}
                            label={`Redeliver ${d.eventType} ${d.eventId}`}
                            successMessage="Queued again."
                          >
                            Redeliver
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
