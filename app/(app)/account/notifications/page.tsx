import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PreferencesForm } from '@/components/notifications/preferences-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { listPreferences } from '@/lib/notifications/preferences';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications.settings');
  return { title: t('title') };
}

export default async function NotificationSettingsPage() {
  const user = await requirePermission('viewOwnWork');
  const preferences = await listPreferences({ userId: user.id, role: user.role });
  const t = await getTranslations('notifications.settings');
  return (
    <>
      <PageHeader title={t('title')} description={t('description', { email: user.email })} />
      <Card className="max-w-3xl">
        <PreferencesForm preferences={preferences} />
      </Card>
    </>
  );
}
