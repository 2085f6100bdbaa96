import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/actions';
import { ChangePasswordForm } from '@/components/admin/change-password-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.password');
  return { title: t('title') };
}

export default async function ChangePasswordPage() {
  // The one page a user who must change their password may see.
  const user = await requireUser({ allowPendingPasswordChange: true });
  const t = await getTranslations('account.password');
  return (
    <>
      <PageHeader title={t('title')} description={t(user.mustChangePassword ? 'descriptionForced' : 'description')} />
      <Card className="max-w-md">
        <ChangePasswordForm forced={user.mustChangePassword} />
      </Card>
      <Card className="mt-6 max-w-md">
        <h2 className="text-base font-semibold">{t('signOutEverywhere')}</h2>
        <p className="mt-1 text-sm text-muted">{t('signOutEverywhereBody')}</p>
        <form action={signOutAction} className="mt-3">
          <Button type="submit" variant="secondary">
            {t('signOutEverywhere')}
          </Button>
        </form>
      </Card>
      {user.mustChangePassword ? null : (
        <p className="mt-6 text-sm">
          <Link href="/account/language" className="text-primary underline underline-offset-2">
            {t('languageLink')}
          </Link>
        </p>
      )}
    </>
  );
}
