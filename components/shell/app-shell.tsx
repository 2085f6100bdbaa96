import { signOutAction } from '@/app/(app)/actions';
import { ROLE_LABELS } from '@/lib/auth/roles';
import type { CurrentUser } from '@/lib/auth/current-user';
import { buttonClass } from '@/components/ui/button';
import { NavLink } from './nav-link';
import { navSectionsFor } from './nav-items';

export function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const sections = navSectionsFor(user.role);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <aside className="border-b border-border bg-surface md:sticky md:top-0 md:flex md:h-screen md:w-60 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between px-4 py-3 md:py-5">
          <span className="text-lg font-semibold text-primary">OutsideIn</span>
        </div>
        <nav aria-label="Main" className="px-2 pb-2 md:flex-1 md:overflow-y-auto">
          <div className="flex gap-3 overflow-x-auto md:flex-col md:gap-4">
            {sections.map(({ section, items }) => (
              <div key={section} className="flex shrink-0 items-center gap-1 md:block">
                <h2 className="hidden px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-muted md:block">{section}</h2>
                <ul className="flex gap-1 md:flex-col">
                  {items.map((item) => (
                    <li key={item.href} className="shrink-0">
                      <NavLink href={item.href}>{item.label}</NavLink>
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
            <p className="text-xs text-muted">{ROLE_LABELS[user.role]}</p>
          </div>
          <form action={signOutAction}>
            <button type="submit" className={buttonClass('secondary', 'w-full')}>
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
