import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { CreateApiKeyForm } from '@/components/admin/create-api-key-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { listApiKeys } from '@/lib/queries/admin';
import { revokeApiKeyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.apiKeys');
  return { title: t('title') };
}

export default async function ApiKeysPage() {
  await requirePermission('administer');
  const keys = await listApiKeys();
  const t = await getTranslations('admin.apiKeys');
  const tc = await getTranslations('admin.common');
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 xl:grid-cols-[3fr_1fr]">
        <Card>
          {keys.length === 0 ? <EmptyState>{t('empty')}</EmptyState> : null}
          {keys.length > 0 ? (
            <TableScroll label={t('title')}>
              <table className="card-table w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('name')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('keyStarts')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('scopes')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('created')}
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      {t('lastUsed')}
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      <span className="sr-only">{tc('actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.id} className="border-t border-border align-top">
                      <td className="py-2 pr-4 font-medium">{key.name}</td>
                      <td data-label={t('keyStarts')} className="py-2 pr-4 font-mono text-xs">
                        {t('keyPrefix', { prefix: key.prefix })}
                      </td>
                      <td data-label={t('scopes')} className="py-2 pr-4">
                        {key.scopes.join(', ')}
                      </td>
                      <td data-label={t('created')} className="py-2 pr-4 whitespace-nowrap">
                        {format.dateTime(key.createdAt, 'dateTime')}
                        {key.createdBy ? (
                          <span className="block text-xs text-muted">{t('by', { name: key.createdBy })}</span>
                        ) : null}
                      </td>
                      <td data-label={t('lastUsed')} className="py-2 pr-4 whitespace-nowrap">
                        {key.lastUsedAt ? (
                          format.dateTime(key.lastUsedAt, 'dateTime')
                        ) : (
                          <span className="text-muted">{t('never')}</span>
                        )}
                      </td>
                      <td className="py-2">
                        {key.revokedAt ? (
                          <span className="text-danger">
                            {t('revokedAt', { when: format.dateTime(key.revokedAt, 'dateTime') })}
                          </span>
                        ) : (
                          <ActionButton
                            action={revokeApiKeyAction}
                            input={{ keyId: key.id }}
                            variant="danger"
                            label={t('revokeNamed', { name: key.name })}
                            confirm={t('confirmRevoke', { name: key.name })}
                          >
                            {t('revoke')}
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
        <Card aria-labelledby="new-key-heading" className="self-start">
          <h2 id="new-key-heading" className="mb-3 text-lg font-semibold">
            {t('new')}
          </h2>
          <CreateApiKeyForm />
        </Card>
      </div>
    </>
  );
}
