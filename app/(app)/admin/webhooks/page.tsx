import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateWebhookForm } from '@/components/admin/create-webhook-form';
import { WebhookSettingsForm } from '@/components/admin/webhook-settings-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { listWebhookEndpoints } from '@/lib/queries/webhooks';
import { allowsPrivateWebhookTargets } from '@/lib/webhooks/settings';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  await requirePermission('administer');
  const [endpoints, allowPrivate] = await Promise.all([listWebhookEndpoints(), allowsPrivateWebhookTargets()]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Other systems are told as things happen: each event is POSTed, signed by the Standard Webhooks specification, and retried for 24 hours."
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card>
          {endpoints.length === 0 ? (
            <EmptyState>No endpoints yet. Add one with the form beside this list.</EmptyState>
          ) : null}
          {endpoints.length > 0 ? (
            <TableScroll label="Webhook endpoints">
              <table className="w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Endpoint
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Events
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Last 24 h
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      State
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {endpoints.map((endpoint) => (
                    <tr key={endpoint.id} className="border-t border-border align-top">
                      <td className="py-2 pr-4">
                        <Link
                          href={`/admin/webhooks/${endpoint.id}`}
                          className="break-all font-medium text-primary hover:underline"
                        >
                          {endpoint.url}
                        </Link>
                        {endpoint.description ? (
                          <span className="block text-xs text-muted">{endpoint.description}</span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-4 text-xs">{endpoint.eventTypes.join(', ')}</td>
                      <td className="py-2 pr-4 whitespace-nowrap">
                        {endpoint.succeeded} delivered
                        {endpoint.failing ? (
                          <span className="block text-danger">{endpoint.failing} failing</span>
                        ) : null}
                      </td>
                      <td className="py-2">
                        {endpoint.active ? (
                          endpoint.failingSince ? (
                            <Badge tone="warning">Failing</Badge>
                          ) : (
                            <Badge tone="success">On</Badge>
                          )
                        ) : (
                          <Badge tone="danger">Off</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </Card>
        <div className="flex flex-col gap-6">
          <Card aria-labelledby="new-webhook-heading">
            <h2 id="new-webhook-heading" className="mb-3 text-lg font-semibold">
              New endpoint
            </h2>
            <CreateWebhookForm />
          </Card>
          <Card aria-labelledby="webhook-settings-heading">
            <h2 id="webhook-settings-heading" className="mb-3 text-lg font-semibold">
              Settings
            </h2>
            <WebhookSettingsForm allowPrivateTargets={allowPrivate} />
          </Card>
        </div>
      </div>
    </>
  );
}
