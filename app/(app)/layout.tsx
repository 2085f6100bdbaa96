import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/lib/auth/current-user';
import { countUnreadNotifications } from '@/lib/queries/notifications';
import { getCompanySettings } from '@/lib/settings/company';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // The layout also wraps the change-password page, so the forced redirect happens in each page.
  const user = await requireUser({ allowPendingPasswordChange: true });
  const [unread, company] = await Promise.all([countUnreadNotifications({ userId: user.id }), getCompanySettings()]);
  return (
    <AppShell user={user} unread={unread} companyName={company.name}>
      {children}
    </AppShell>
  );
}
