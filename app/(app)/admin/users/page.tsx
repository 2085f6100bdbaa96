import type { Metadata } from 'next';
import { UserActiveToggle } from '@/components/admin/user-active-toggle';
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
      <PageHeader title="Users" description="Everyone who can sign in, their role, and whether they still may." />
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
                  <td className="py-2 pr-4">{row.email}</td>
                  <td className="py-2 pr-4">{ROLE_LABELS[row.role]}</td>
                  <td className="py-2 pr-4">{row.active ? 'Active' : <span className="text-danger">Deactivated</span>}</td>
                  <td className="py-2">
                    <UserActiveToggle userId={row.id} userName={row.name} active={row.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
