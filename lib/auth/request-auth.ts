import 'server-only';
import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, auditEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { clientAddress } from './client-address';
import { problem } from '@/lib/api/problem';
import { getCurrentUser, type CurrentUser } from './current-user';
import { hashApiKey, type ApiScope } from './api-keys';
import { can, type Permission } from './roles';
import type { Role } from '@/lib/enums';

export const API_KEY_REJECTED = 'api.key_rejected';
export const KEY_REJECTION_WINDOW_MINUTES = 15;
/** Keys carry 192 random bits, so this is about load and noise, not guessing: a client with a stale key soon stops. */
export const MAX_KEY_REJECTIONS_PER_ADDRESS = 20;

/** Unknown or revoked keys sent from this address in the window; the audit log is the memory. */
async function recentKeyRejections(ip: string | null): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, API_KEY_REJECTED),
        ip ? eq(auditEvents.ip, ip) : isNull(auditEvents.ip),
        gt(auditEvents.createdAt, sql`now() - make_interval(mins => ${KEY_REJECTION_WINDOW_MINUTES})`),
      ),
    );
  return row?.n ?? 0;
}

export type Principal =
  | { kind: 'api_key'; keyId: string; name: string; scopes: string[] }
  | { kind: 'user'; userId: string; email: string; role: Role };

/**
 * For route handlers: a Bearer API key holding `scope`, or a signed-in user whose role holds
 * `permission`. Returns the principal, or the problem response to send back (401 or 403).
 */
export async function authorizeRequest(
  request: Request,
  { scope, permission }: { scope: ApiScope; permission: Permission },
): Promise<{ principal: Principal } | { response: Response }> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      return { response: problem(401, 'Unauthorized', 'Send the API key as "Authorization: Bearer <key>".') };
    const db = await getDb();
    const ip = clientAddress(request.headers);
    if ((await recentKeyRejections(ip)) >= MAX_KEY_REJECTIONS_PER_ADDRESS) {
      const response = problem(
        429,
        'Too Many Requests',
        'Too many unknown API keys from this address. Wait and retry.',
      );
      response.headers.set('retry-after', String(KEY_REJECTION_WINDOW_MINUTES * 60));
      return { response };
    }
    const [key] = await db
      .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes })
      .from(apiKeys)
      .where(and(eq(apiKeys.secretHash, hashApiKey(match[1])), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (!key) {
      await recordAudit(db, { actorLabel: 'API key', action: API_KEY_REJECTED, entityType: 'api_key', ip });
      return { response: problem(401, 'Unauthorized', 'The API key is unknown or has been revoked.') };
    }
    if (!key.scopes.includes(scope))
      return { response: problem(403, 'Forbidden', `The API key lacks the "${scope}" scope.`) };
    // "Last used" to the minute is enough, and spares a write on every call of a busy integration.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiKeys.id, key.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
    return { principal: { kind: 'api_key', keyId: key.id, name: key.name, scopes: key.scopes } };
  }

  const session = await authorizeSession(permission, {
    unauthorized: 'Sign in, or send an API key as "Authorization: Bearer <key>".',
  });
  if ('response' in session) return session;
  const { user } = session;
  return { principal: { kind: 'user', userId: user.id, email: user.email, role: user.role } };
}

/**
 * For route handlers that serve signed-in users only: the user whose role holds `permission`, or
 * the problem response to send (401, or 403 for a missing permission or a one-time password that
 * must be changed first — the same rules as lib/action.ts for server actions).
 */
export async function authorizeSession(
  permission: Permission,
  messages: { unauthorized?: string; forbidden?: string } = {},
): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: problem(401, 'Unauthorized', messages.unauthorized ?? 'Sign in again.') };
  if (user.mustChangePassword) return { response: problem(403, 'Forbidden', 'Choose a new password first.') };
  if (!can(user.role, permission))
    return { response: problem(403, 'Forbidden', messages.forbidden ?? 'Your role does not allow this.') };
  return { user };
}
