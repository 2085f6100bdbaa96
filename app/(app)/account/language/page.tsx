import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LanguageForm } from '@/components/account/language-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { DEFAULT_LANGUAGE, languageOfLocale } from '@/lib/i18n/languages';
import { getCompanySettings } from '@/lib/settings/company';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.language');
  return { title: t('title') };
}

/** The user's own language: every role picks it here; the company's applies until they do. */
export default async function LanguagePage() {
  const [user, company, t] = await Promise.all([
    requireUser(),
    getCompanySettings(),
    getTranslations('account.language'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card className="max-w-md">
        <LanguageForm current={user.language} companyLanguage={languageOfLocale(company.locale) ?? DEFAULT_LANGUAGE} />
      </Card>
    </>
  );
}
