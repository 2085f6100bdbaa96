import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectPreparedRows } from '@/db/client';
import { apiKeys, auditEvents } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { clientAddress } from './client-address';
import { problem } from '@/lib/api/problem';
import { readerProblem } from '@/lib/api/reader-problem';
import { msg } from '@/lib/validation/messages';
import { getCurrentUser, type CurrentUser } from './current-user';
import { hashApiKey, type ApiScope } from './api-keys';
import { can, type Permission } from './roles';
import type { Role } from '@/lib/enums';

export const API_KEY_REJECTED = 'api.key_rejected';
export const KEY_REJECTION_WINDOW_MINUTES = 15;
/** Keys carry 192 random bits, so this is about load and noise, not guessing: a client with a stale key soon stops. */
export const MAX_KEY_REJECTIONS_PER_ADDRESS = 20;

/**
 * How long this process trusts a key it has checked. Revoked through the app (lib/api-keys/revoke-api-key.ts),
 * a key is refused by this process from the next request on; revoked by another instance or by
 * hand in the database, within this many milliseconds.
 */
export const API_KEY_CACHE_MS = 5_000;
const CACHE_LIMIT = 1_000;

interface CheckedKey {
  id: string;
  name: string;
  scopes: string[];
}

// By key hash and address: the rejections counted for the address are trusted as long as the key.
// On globalThis: Next.js loads this module once for route handlers and again for server actions,
// and a revoke (an action) must clear the cache the API (a route) reads.
const shared = globalThis as unknown as {
  __outsideinCheckedApiKeys?: Map<string, { key: CheckedKey; checkedAt: number }>;
};
const checkedKeys = (shared.__outsideinCheckedApiKeys ??= new Map());

/** Forgets every checked key: the next request with any key is checked in the database again. */
export function forgetCheckedApiKeys(): void {
  checkedKeys.clear();
}

/**
 * One statement: the unknown or revoked keys sent from this address in the window (the audit log
 * is the memory), the key if it is valid, and its "last used" time set — to the minute, which is
 * enough, and only when the key will be let in.
 */
async function lookUpKey(
  hash: string,
  ip: string | null,
  scope: ApiScope,
): Promise<{ rejections: number; key: CheckedKey | null }> {
  const db = await getDb();
  const [row] = await selectPreparedRows<{
    rejections: number;
    id: string | null;
    name: string | null;
    scopes: string[] | null;
  }>(
    db,
    sql`with rejected as (
          select count(*)::int as n from ${auditEvents}
          where ${auditEvents.action} = ${API_KEY_REJECTED}
            and ${ip ? sql`${auditEvents.ip} = ${ip}` : sql`${auditEvents.ip} is null`}
            and ${auditEvents.createdAt} > now() - make_interval(mins => ${KEY_REJECTION_WINDOW_MINUTES})
        ), k as (
          select id, name, scopes from ${apiKeys} where secret_hash = ${hash} and revoked_at is null limit 1
        ), used as (
          update ${apiKeys} set last_used_at = now()
          where id in (select id from k)
            and ${scope} = any(scopes)
            and (select n from rejected) < ${MAX_KEY_REJECTIONS_PER_ADDRESS}
            and (last_used_at is null or last_used_at < now() - interval '1 minute')
        )
        select rejected.n as rejections, k.id, k.name, k.scopes from rejected left join k on true`,
  );
  return {
    rejections: row?.rejections ?? 0,
    key: row?.id ? { id: row.id, name: row.name!, scopes: row.scopes! } : null,
  };
}

export type Principal =
  | { kind: 'api_key'; keyId: string; name: string; scopes: string[] }
  | { kind: 'user'; userId: string; email: string; role: Role };

/**
 * For route handlers: a Bearer API key holding `scope`, or a signed-in user whose role holds
 * `permission`. Returns the principal, or the problem response to send back (401 or 403). A key's
 * refusals are English, as the API's are; a session's are too unless `reader` (a route of the app's
 * pages, such as an export), which says them in the reader's language.
 */
export async function authorizeRequest(
  request: Request,
  { scope, permission, reader = false }: { scope: ApiScope; permission: Permission; reader?: boolean },
): Promise<{ principal: Principal } | { response: Response }> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      return { response: problem(401, 'Unauthorized', 'Send the API key as "Authorization: Bearer <key>".') };
    const ip = clientAddress(request.headers);
    const hash = hashApiKey(match[1]);
    const cacheKey = `${hash}\u0000${ip ?? ''}`;
    const cached = checkedKeys.get(cacheKey);
    let key: CheckedKey;
    if (cached && Date.now() - cached.checkedAt < API_KEY_CACHE_MS) key = cached.key;
    else {
      const looked = await lookUpKey(hash, ip, scope);
      if (looked.rejections >= MAX_KEY_REJECTIONS_PER_ADDRESS) {
        const response = problem(
          429,
          'Too Many Requests',
          'Too many unknown API keys from this address. Wait and retry.',
        );
        response.headers.set('retry-after', String(KEY_REJECTION_WINDOW_MINUTES * 60));
        return { response };
      }
      if (!looked.key) {
        checkedKeys.delete(cacheKey);
        await recordAudit(await getDb(), {
          actorLabel: 'API key',
          action: API_KEY_REJECTED,
          entityType: 'api_key',
          ip,
        });
        return { response: problem(401, 'Unauthorized', 'The API key is unknown or has been revoked.') };
      }
      key = looked.key;
      if (checkedKeys.size >= CACHE_LIMIT) checkedKeys.clear();
      checkedKeys.set(cacheKey, { key, checkedAt: Date.now() });
    }
    if (!key.scopes.includes(scope))
      return { response: problem(403, 'Forbidden', `The API key lacks the "${scope}" scope.`) };
    return { principal: { kind: 'api_key', keyId: key.id, name: key.name, scopes: key.scopes } };
  }

  const session = await authorizeSession(
    permission,
    { unauthorized: msg('signInOrApiKey') },
    reader ? readerProblem : async (...args) => problem(...args),
  );
  if ('response' in session) return session;
  const { user } = session;
  return { principal: { kind: 'user', userId: user.id, email: user.email, role: user.role } };
}

/**
 * For route handlers that serve signed-in users only: the user whose role holds `permission`, or
 * the problem response to send (401, or 403 for a missing permission or a one-time password that
 * must be changed first — the same rules and messages as lib/action.ts for server actions). The
 * messages are references (lib/validation/messages.ts), said in the reader's language.
 */
export async function authorizeSession(
  permission: Permission,
  messages: { unauthorized?: string; forbidden?: string } = {},
  answer: typeof readerProblem = readerProblem,
): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: await answer(401, 'Unauthorized', messages.unauthorized ?? msg('sessionEnded')) };
  if (user.mustChangePassword) return { response: await answer(403, 'Forbidden', msg('changePasswordFirst')) };
  if (!can(user.role, permission))
    return { response: await answer(403, 'Forbidden', messages.forbidden ?? msg('noPermission')) };
  return { user };
}
