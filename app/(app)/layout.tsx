import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/lib/auth/current-user';
import { countUnreadNotifications } from '@/lib/queries/notifications';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // The layout also wraps the change-password page, so the forced redirect happens in each page.
  const user = await requireUser({ allowPendingPasswordChange: true });
  const unread = await countUnreadNotifications({ userId: user.id });
  return (
    <AppShell user={user} unread={unread}>
      {children}
    </AppShell>
  );
}
