import { can, type Permission } from '@/lib/auth/roles';
import type { Role } from '@/lib/enums';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  section: NavSection;
}

export type NavSection = 'Work' | 'Admin' | 'Account';

// Only pages that exist are listed; each page checks the permission again itself.
export const NAV_ITEMS: NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', permission: 'viewDashboard', section: 'Work' },
  { href: '/portfolio', label: 'Portfolio', permission: 'viewDashboard', section: 'Work' },
  { href: '/my-work', label: 'My work', permission: 'viewOwnWork', section: 'Work' },
  { href: '/log', label: 'Log interaction', permission: 'logInteraction', section: 'Work' },
  { href: '/interactions', label: 'Interactions', permission: 'logInteraction', section: 'Work' },
  { href: '/customers', label: 'Customers', permission: 'manageCustomers', section: 'Work' },
  { href: '/defects', label: 'Defects', permission: 'viewOwnWork', section: 'Work' },
  { href: '/cases', label: 'Cases', permission: 'viewOwnWork', section: 'Work' },
  { href: '/inbox', label: 'Feedback inbox', permission: 'triageDefects', section: 'Work' },
  { href: '/admin/stages', label: 'Stages', permission: 'administer', section: 'Admin' },
  { href: '/admin/touchpoints', label: 'Touchpoints', permission: 'administer', section: 'Admin' },
  { href: '/admin/categories', label: 'Categories', permission: 'administer', section: 'Admin' },
  { href: '/admin/segments', label: 'Segments', permission: 'administer', section: 'Admin' },
  { href: '/admin/lifecycle', label: 'Lifecycle rules', permission: 'administer', section: 'Admin' },
  { href: '/admin/users', label: 'Users', permission: 'administer', section: 'Admin' },
  { href: '/admin/feedback', label: 'Feedback links', permission: 'administer', section: 'Admin' },
  { href: '/admin/api-keys', label: 'API keys', permission: 'administer', section: 'Admin' },
  { href: '/admin/webhooks', label: 'Webhooks', permission: 'administer', section: 'Admin' },
  { href: '/admin/mail', label: 'Mail outbox', permission: 'administer', section: 'Admin' },
  { href: '/admin/jobs', label: 'Background jobs', permission: 'administer', section: 'Admin' },
  { href: '/admin/audit', label: 'Audit log', permission: 'administer', section: 'Admin' },
  { href: '/notifications', label: 'Notifications', permission: 'viewOwnWork', section: 'Account' },
  { href: '/account/notifications', label: 'Notification settings', permission: 'viewOwnWork', section: 'Account' },
  { href: '/account/password', label: 'Change password', permission: 'viewOwnWork', section: 'Account' },
];

/** The role's navigation, grouped by section in a fixed order. */
export function navSectionsFor(role: Role): { section: NavSection; items: NavItem[] }[] {
  const items = NAV_ITEMS.filter((item) => can(role, item.permission));
  return (['Work', 'Admin', 'Account'] as const)
    .map((section) => ({ section, items: items.filter((item) => item.section === section) }))
    .filter((group) => group.items.length > 0);
}
