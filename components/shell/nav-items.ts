import { can, type Permission } from '@/lib/auth/roles';
import type { Role } from '@/lib/enums';

import type messages from '@/messages/en';

export interface NavItem {
  href: string;
  /** Its name in the shell.nav messages. */
  label: keyof (typeof messages)['shell']['nav'];
  permission: Permission;
  section: NavSection;
}

export type NavSection = 'Work' | 'Admin' | 'Account';

// Only pages that exist are listed; each page checks the permission again itself.
export const NAV_ITEMS: NavItem[] = [
  { href: '/dashboard', label: 'dashboard', permission: 'viewDashboard', section: 'Work' },
  { href: '/portfolio', label: 'portfolio', permission: 'viewDashboard', section: 'Work' },
  { href: '/my-work', label: 'myWork', permission: 'viewOwnWork', section: 'Work' },
  { href: '/log', label: 'log', permission: 'logInteraction', section: 'Work' },
  { href: '/interactions', label: 'interactions', permission: 'logInteraction', section: 'Work' },
  { href: '/customers', label: 'customers', permission: 'manageCustomers', section: 'Work' },
  { href: '/defects', label: 'defects', permission: 'viewOwnWork', section: 'Work' },
  { href: '/cases', label: 'cases', permission: 'viewOwnWork', section: 'Work' },
  { href: '/inbox', label: 'inbox', permission: 'triageDefects', section: 'Work' },
  { href: '/admin/stages', label: 'stages', permission: 'administer', section: 'Admin' },
  { href: '/admin/touchpoints', label: 'touchpoints', permission: 'administer', section: 'Admin' },
  { href: '/admin/categories', label: 'categories', permission: 'administer', section: 'Admin' },
  { href: '/admin/segments', label: 'segments', permission: 'administer', section: 'Admin' },
  { href: '/admin/lifecycle', label: 'lifecycle', permission: 'administer', section: 'Admin' },
  { href: '/admin/settings', label: 'settings', permission: 'administer', section: 'Admin' },
  { href: '/admin/users', label: 'users', permission: 'administer', section: 'Admin' },
  { href: '/admin/feedback', label: 'feedback', permission: 'administer', section: 'Admin' },
  { href: '/admin/api-keys', label: 'apiKeys', permission: 'administer', section: 'Admin' },
  { href: '/admin/webhooks', label: 'webhooks', permission: 'administer', section: 'Admin' },
  { href: '/admin/mail', label: 'mail', permission: 'administer', section: 'Admin' },
  { href: '/admin/jobs', label: 'jobs', permission: 'administer', section: 'Admin' },
  { href: '/admin/audit', label: 'audit', permission: 'administer', section: 'Admin' },
  { href: '/notifications', label: 'notifications', permission: 'viewOwnWork', section: 'Account' },
  { href: '/account/notifications', label: 'notificationSettings', permission: 'viewOwnWork', section: 'Account' },
  { href: '/account/password', label: 'password', permission: 'viewOwnWork', section: 'Account' },
];

/** The role's navigation, grouped by section in a fixed order. */
export function navSectionsFor(role: Role): { section: NavSection; items: NavItem[] }[] {
  const items = NAV_ITEMS.filter((item) => can(role, item.permission));
  return (['Work', 'Admin', 'Account'] as const)
    .map((section) => ({ section, items: items.filter((item) => item.section === section) }))
    .filter((group) => group.items.length > 0);
}
