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
  { href: '/admin/stages', label: 'Stages', permission: 'administer' },
  { href: '/admin/touchpoints', label: 'Touchpoints', permission: 'administer' },
  { href: '/admin/categories', label: 'Categories', permission: 'administer' },
  { href: '/admin/segments', label: 'Segments', permission: 'administer' },
  { href: '/admin/users', label: 'Users', permission: 'administer' },
  { href: '/admin/feedback', label: 'Feedback links', permission: 'administer' },
  { href: '/admin/api-keys', label: 'API keys', permission: 'administer' },
  { href: '/admin/audit', label: 'Audit log', permission: 'administer' },
  { href: '/account/password', label: 'Change password', permission: 'viewOwnWork' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
