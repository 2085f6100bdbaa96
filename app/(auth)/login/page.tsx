import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { homePathFor } from '@/lib/auth/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('title') };
}

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user.role));
  const t = await getTranslations('auth.signIn');
  const tCommon = await getTranslations('common');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-surface p-6 shadow-sm sm:p-8">
        <div className="mb-6">
          <p className="text-sm font-semibold tracking-wide text-primary">{tCommon('appName')}</p>
          <h1 className="mt-1 text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted">{t('tagline')}</p>
        </div>
        <LoginForm />
      </div>
    </main>
  );
}
