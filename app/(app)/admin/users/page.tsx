import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserActiveToggle } from '@/components/admin/user-active-toggle';
import { UserRowActions } from '@/components/admin/user-row-actions';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/queries/users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.users');
  return { title: t('title') };
}

export default async function UsersPage() {
  await requirePermission('administer');
  const rows = await listUsers();
  const t = await getTranslations('admin.users');
  const tRole = await getTranslations('enums.role');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="flex flex-col">
        <Card aria-labelledby="new-user-heading" className="mb-6">
          <h2 id="new-user-heading" className="mb-3 text-lg font-semibold">
            {t('new')}
          </h2>
          <CreateUserForm />
        </Card>
        <Card aria-labelledby="users-heading">
          <h2 id="users-heading" className="mb-1 text-lg font-semibold">
            {t('everyone', { count: rows.length })}
          </h2>
          <ul className="flex flex-col">
            {rows.map((row) => (
              <li
                key={row.id}
                aria-label={row.name}
                className="grid gap-3 border-t border-border py-3 first:border-t-0 md:grid-cols-[minmax(0,1.2fr)_minmax(0,2fr)_auto] md:items-start"
              >
                <div className="min-w-0">
                  <p className="font-medium">{row.name}</p>
                  <p className="truncate text-sm text-muted" title={row.email}>
                    {row.email}
                  </p>
                  <p className="text-sm">
                    {tRole(row.role)} ·{' '}
                    {row.active ? t('active') : <span className="text-danger">{t('deactivated')}</span>}
                  </p>
                  {row.mustChangePassword ? <p className="text-xs text-muted">{t('mustChangePassword')}</p> : null}
                </div>
                <UserRowActions userId={row.id} userName={row.name} role={row.role} />
                <UserActiveToggle userId={row.id} userName={row.name} active={row.active} />
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
