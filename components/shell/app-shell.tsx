import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(app)/actions';
import type { CurrentUser } from '@/lib/auth/current-user';
import { buttonClass } from '@/components/ui/button';
import { NavLink } from './nav-link';
import { NavigationProgress } from './navigation-progress';
import { NavMenu } from './nav-menu';
import { NotificationBell } from './notification-bell';
import { navSectionsFor } from './nav-items';

export async function AppShell({
  user,
  unread,
  companyName,
  children,
}: {
  user: CurrentUser;
  /** Unread notifications when the page was rendered; the bell keeps it current. */
  unread: number;
  /** The company's name (admin settings), shown as the brand. */
  companyName: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations('shell');
  const tRole = await getTranslations('enums.role');
  const sections = navSectionsFor(user.role);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      {/* It reads the address, which a static render does not have. */}
      <Suspense fallback={null}>
        <NavigationProgress />
      </Suspense>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:border focus:border-border focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow"
      >
        {t('skipToContent')}
      </a>
      <aside className="sticky top-0 z-40 border-b border-border bg-surface md:flex md:h-screen md:w-60 md:shrink-0 md:flex-col md:border-b-0 md:border-r">
        <NavMenu
          brand={
            <div className="flex items-center gap-2">
              <span className="text-lg font-semibold text-primary">{companyName}</span>
              <NotificationBell initialUnread={unread} />
            </div>
          }
        >
          <nav
            aria-label={t('mainNav')}
            className="max-h-[calc(100dvh-9rem)] overflow-y-auto px-2 py-2 md:max-h-none md:flex-1 md:py-0"
          >
            <div className="flex flex-col gap-4">
              {sections.map(({ section, items }) => (
                <div key={section}>
                  <h2 className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-muted">
                    {t(`sections.${section}`)}
                  </h2>
                  <ul className="flex flex-col gap-0.5">
                    {items.map((item) => (
                      <li key={item.href}>
                        <NavLink href={item.href}>{t(`nav.${item.label}`)}</NavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </nav>
          <div className="flex items-center justify-between gap-2 border-t border-border px-4 py-3 md:flex-col md:items-stretch">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium" data-testid="current-user-name">
                {user.name}
              </p>
              <p className="text-xs text-muted">{tRole(user.role)}</p>
            </div>
            <form action={signOutAction}>
              <button type="submit" className={buttonClass('secondary', 'w-full')}>
                {t('signOut')}
              </button>
            </form>
          </div>
        </NavMenu>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none md:p-8">
        {children}
      </main>
    </div>
  );
}
