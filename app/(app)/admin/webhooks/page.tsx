import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.webhooks');
  return { title: t('title') };
}

export default async function WebhooksPage() {
  await requirePermission('administer');
  const [endpoints, allowPrivate] = await Promise.all([listWebhookEndpoints(), allowsPrivateWebhookTargets()]);
  const t = await getTranslations('admin.webhooks');
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card>
          {endpoints.length === 0 ? <EmptyState>{t('empty')}</EmptyState> : null}
          {endpoints.length > 0 ? (
            <TableScroll label={t('tableLabel')}>
              <table className="w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('endpoint')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('events')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('last24h')}
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      {t('state')}
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
                        {t('delivered', {
                          count: endpoint.succeeded,
                          shown: format.number(endpoint.succeeded, 'integer'),
                        })}
                        {endpoint.failing ? (
                          <span className="block text-danger">
                            {t('failing', {
                              count: endpoint.failing,
                              shown: format.number(endpoint.failing, 'integer'),
                            })}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2">
                        {endpoint.active ? (
                          endpoint.failingSince ? (
                            <Badge tone="warning">{t('stateFailing')}</Badge>
                          ) : (
                            <Badge tone="success">{t('on')}</Badge>
                          )
                        ) : (
                          <Badge tone="danger">{t('off')}</Badge>
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
              {t('new')}
            </h2>
            <CreateWebhookForm />
          </Card>
          <Card aria-labelledby="webhook-settings-heading">
            <h2 id="webhook-settings-heading" className="mb-3 text-lg font-semibold">
              {t('settings')}
            </h2>
            <WebhookSettingsForm allowPrivateTargets={allowPrivate} />
          </Card>
        </div>
      </div>
    </>
  );
}
