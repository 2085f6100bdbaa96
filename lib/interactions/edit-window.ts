import { can } from '@/lib/auth/roles';
import type { Role } from '@/lib/enums';

/** How long staff may edit an interaction they logged (docs/roles.md). */
export const STAFF_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a user may edit an interaction: managers and admins any, staff their own for 24 hours
 * after they logged it.
 */
export function canEditInteraction(
  user: { id: string; role: Role },
  interaction: { loggedById: string | null; createdAt: Date },
  now: Date = new Date(),
): boolean {
  if (can(user.role, 'editAnyInteraction')) return true;
  return interaction.loggedById === user.id && now.getTime() - interaction.createdAt.getTime() < STAFF_EDIT_WINDOW_MS;
}
