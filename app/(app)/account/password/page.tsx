import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/admin/change-password-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage() {
  // The one page a user who must change their password may see.
  const user = await requireUser({ allowPendingPasswordChange: true });
  return (
    <>
      <PageHeader
        title="Change password"
        description={
          user.mustChangePassword
            ? 'Before you go on, replace the one-time password you were given with one only you know.'
            : 'Choose a new password. You need your current one to do it.'
        }
      />
      <Card className="max-w-md">
        <ChangePasswordForm forced={user.mustChangePassword} />
      </Card>
    </>
  );
}
