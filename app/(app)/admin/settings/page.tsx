import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CompanySettingsForm } from '@/components/settings/company-settings-form';
import { TimeZoneSettings } from '@/components/settings/time-zone-settings';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/current-user';
import { getCompanySettings } from '@/lib/settings/company';
import { isTimeZoneRebuildQueued } from '@/lib/settings/time-zone';
import { currencyOptions, localeOptions, timeZoneOptions, weekdayOptions } from '@/lib/settings/options';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.settings');
  return { title: t('title') };
}

/** The company's settings: name, currency, locale and week start; the time zone in its own card. */
export default async function CompanySettingsPage() {
  await requirePermission('administer');
  const [company, t, locale] = await Promise.all([
    getCompanySettings(),
    getTranslations('admin.settings'),
    getLocale(),
  ]);
  // After a failure: whether the job tries again by itself, or the admin must ask again.
  const retryQueued = company.rebuildError !== null && (await isTimeZoneRebuildQueued());
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="flex flex-col gap-6">
        <Card>
          <CompanySettingsForm
            settings={{
              name: company.name,
              currency: company.currency,
              locale: company.locale,
              weekStart: company.weekStart,
            }}
            currencies={currencyOptions(locale)}
            locales={localeOptions(locale)}
            weekdays={weekdayOptions(locale)}
          />
        </Card>
        <Card>
          <TimeZoneSettings
            state={{
              timeZone: company.timeZone,
              pendingTimeZone: company.pendingTimeZone,
              rebuildDone: company.rebuildDone,
              rebuildTotal: company.rebuildTotal,
              rebuildError: company.rebuildError,
              retryQueued,
            }}
            zones={timeZoneOptions()}
          />
        </Card>
      </div>
    </>
  );
}
