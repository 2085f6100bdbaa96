import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserActiveToggle } from '@/components/admin/user-active-toggle';
import { UserRowActions } from '@/components/admin/user-row-actions';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { listUsers } from '@/lib/queries/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await requirePermission('administer');
  const rows = await listUsers();
  return (
    <>
      <PageHeader title="Users" description="Everyone who can sign in, their role, and whether they still may. There is always at least one active admin." />
      <div className="grid gap-6 xl:grid-cols-[3fr_1fr]">
        <Card>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Email</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-border align-top">
                    <td className="py-2 pr-4 font-medium">{row.name}</td>
                    <td className="py-2 pr-4 break-all">{row.email}</td>
                    <td className="py-2 pr-4">
                      <UserRowActions userId={row.id} userName={row.name} role={row.role} />
                      <span className="sr-only">Current role: {ROLE_LABELS[row.role]}</span>
                    </td>
                    <td className="py-2 pr-4">
                      {row.active ? 'Active' : <span className="text-danger">Deactivated</span>}
                      {row.mustChangePassword ? <p className="text-xs text-muted">Must choose a new password</p> : null}
                    </td>
                    <td className="py-2">
                      <UserActiveToggle userId={row.id} userName={row.name} active={row.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card aria-labelledby="new-user-heading" className="self-start">
          <h2 id="new-user-heading" className="mb-3 text-lg font-semibold">
            New user
          </h2>
          <CreateUserForm />
        </Card>
      </div>
    </>
  );
}
