import type { Metadata } from 'next';
import { ActionButton } from '@/components/admin/action-button';
import { CreateApiKeyForm } from '@/components/admin/create-api-key-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TableScroll } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/empty-state';
import { requirePermission } from '@/lib/auth/current-user';
import { formatDateTime } from '@/lib/format';
import { listApiKeys } from '@/lib/queries/admin';
import { revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await requirePermission('administer');
  const keys = await listApiKeys();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other systems write interactions and read the numbers through /api/v1. Only a hash of each is kept."
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_1fr]">
        <Card>
          {keys.length === 0 ? (
            <EmptyState>No API keys yet. Create one with the form beside this list.</EmptyState>
          ) : null}
          {keys.length > 0 ? (
            <TableScroll label="API keys">
              <table className="card-table w-full text-left text-sm">
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Name
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Key starts
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Scopes
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Created
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Last used
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.id} className="border-t border-border align-top">
                      <td className="py-2 pr-4 font-medium">{key.name}</td>
                      <td data-label="Key starts" className="py-2 pr-4 font-mono text-xs">
                        oi_{key.prefix}_…
                      </td>
                      <td data-label="Scopes" className="py-2 pr-4">
                        {key.scopes.join(', ')}
                      </td>
                      <td data-label="Created" className="py-2 pr-4 whitespace-nowrap">
                        {formatDateTime(key.createdAt)}
                        {key.createdBy ? <span className="block text-xs text-muted">by {key.createdBy}</span> : null}
                      </td>
                      <td data-label="Last used" className="py-2 pr-4 whitespace-nowrap">
                        {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span className="text-muted">Never</span>}
                      </td>
                      <td className="py-2">
                        {key.revokedAt ? (
                          <span className="text-danger">Revoked {formatDateTime(key.revokedAt)}</span>
                        ) : (
                          <ActionButton
                            action={revokeApiKeyAction}
                            input={{ keyId: key.id }}
                            variant="danger"
                            label={`Revoke ${key.name}`}
                            confirm={`Revoke the key “${key.name}”? Systems using it stop working at once.`}
                          >
                            Revoke
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
            New API key
          </h2>
          <CreateApiKeyForm />
        </Card>
      </div>
    </>
  );
}
