import type { Metadata } from 'next';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listPreferences } from '@/lib/notifications/preferences';

export const metadata: Metadata = { title: 'Notification settings' };

export default async function NotificationSettingsPage() {
  const user = await requirePermission('viewOwnWork');
  const preferences = await listPreferences({ userId: user.id, role: user.role });
  return (
    <>
      <PageHeader
        title="Notification settings"
        description={`Choose what you are told about, in the app (the bell) or by email to ${user.email}.`}
      />
      <Card className="max-w-3xl">
        <PreferencesForm preferences={preferences} />
      </Card>
    </>
  );
}
