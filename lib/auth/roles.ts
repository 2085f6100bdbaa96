import type { Role } from '@/lib/enums';

/** Who may do what (docs/roles.md). Every edge asks this, whatever the UI shows. */
export const PERMISSIONS = {
  logInteraction: ['staff', 'manager', 'admin'],
  manageCustomers: ['staff', 'manager', 'admin'],
  viewOwnWork: ['staff', 'manager', 'admin'],
  viewDashboard: ['manager', 'admin'],
  triageDefects: ['manager', 'admin'],
  mergeCustomers: ['manager', 'admin'],
  editAnyInteraction: ['manager', 'admin'],
  importExport: ['manager', 'admin'],
  deleteRecords: ['admin'],
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return role === 'staff' ? '/my-work' : '/dashboard';
}
