import 'server-only';
import { cache } from 'react';
import { eq } from 'drizzle-orm';
import { redirect, forbidden } from 'next/navigation';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { auth } from './auth';
import { can, type Permission } from './roles';
import type { Role } from '@/lib/enums';
import { isLanguage, type Language } from '@/lib/i18n/languages';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  /** The chosen UI language; null follows the company's (lib/i18n/request.ts). */
  language: Language | null;
}

/**
 * The signed-in, still-active user, read fresh from the database once per request. A session
 * issued under an older session version (lib/auth/sessions.ts) counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
      language: users.language,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user || !user.active || user.sessionVersion !== session?.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    language: isLanguage(user.language) ? user.language : null,
  };
});

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * For pages: the signed-in user, or a redirect to sign-in. A user who still holds a one-time
 * password is sent to choose their own first; only that page passes allowPendingPasswordChange.
 */
export async function requireUser(options: { allowPendingPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** For pages: the signed-in user holding the permission, or a 403 page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
