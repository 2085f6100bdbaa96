import type { Role } from '@/db/schema';
import { can, type Permission } from '@/lib/auth/roles';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// Only pages that exist are listed; each page checks the permission again itself.
export const NAV_ITEMS: NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', permission: 'viewDashboard' },
  { href: '/my-work', label: 'My work', permission: 'viewOwnWork' },
  { href: '/log', label: 'Log interaction', permission: 'logInteraction' },
  { href: '/interactions', label: 'Interactions', permission: 'logInteraction' },
  { href: '/customers', label: 'Customers', permission: 'manageCustomers' },
  { href: '/admin/users', label: 'Users', permission: 'administer' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
