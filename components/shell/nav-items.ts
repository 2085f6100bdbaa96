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
  // Everyone sees the list; staff see only the defects assigned to them (enforced in the query).
  { href: '/defects', label: 'Defects', permission: 'viewOwnWork' },
  { href: '/admin/users', label: 'Users', permission: 'administer' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
