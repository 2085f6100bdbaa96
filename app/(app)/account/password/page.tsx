import type { Metadata } from 'next';
import { signOutAction } from '@/app/(app)/actions';
import { ChangePasswordForm } from '@/components/admin/change-password-form';
import { Button } from '@/components/ui/button';
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
      <Card className="mt-6 max-w-md">
        <h2 className="text-base font-semibold">Sign out everywhere</h2>
        <p className="mt-1 text-sm text-muted">
          Ends every session of yours, on this device and any other: a lost phone or a shared computer included. Signing
          out anywhere does the same.
        </p>
        <form action={signOutAction} className="mt-3">
          <Button type="submit" variant="secondary">
            Sign out everywhere
          </Button>
        </form>
      </Card>
    </>
  );
}
