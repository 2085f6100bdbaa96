import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import * as schema from '@/db/schema';
import { can, type Permission } from '@/lib/auth/roles';
import { createUser } from '../support/factories';
import { discover, footprint, HTTP_METHODS, root } from '../support/endpoints';
import { signInAs } from '../support/session';
import type { Role } from '@/lib/enums';

/*
 * The role × action matrix, generated from the code: every export of every app/**\/actions.ts and
 * every HTTP method of every app/**\/route.ts must have an entry below, or this test fails. Each
 * guarded entry is then called as anonymous, a user who must still change their one-time password,
 * a deactivated user, staff, a manager and an admin, and must refuse exactly whom it should,
 * changing nothing in the database when it does.
 */

vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

type Access =
  | { permission: Permission; allowPending?: boolean }
  /** Open to anyone by design; the reason says what guards it instead. */
  | { public: string };

const admin = { permission: 'administer' } as const;

const ACTIONS: Record<string, Access> = {
  'app/(app)/account/notifications/actions.ts#savePreferencesAction': { permission: 'viewOwnWork' },
  'app/(app)/account/password/actions.ts#changeOwnPasswordAction': { permission: 'viewOwnWork', allowPending: true },
  'app/(app)/account/language/actions.ts#setLanguageAction': { permission: 'viewOwnWork' },
  'app/(app)/actions.ts#signOutAction': { public: 'signs out whoever calls it' },
  'app/(app)/admin/api-keys/actions.ts#createApiKeyAction': admin,
  'app/(app)/admin/api-keys/actions.ts#revokeApiKeyAction': admin,
  'app/(app)/admin/categories/actions.ts#createCategoryAction': admin,
  'app/(app)/admin/categories/actions.ts#renameCategoryAction': admin,
  'app/(app)/admin/categories/actions.ts#setCategoryActiveAction': admin,
  'app/(app)/admin/categories/actions.ts#deleteCategoryAction': admin,
  'app/(app)/admin/feedback/actions.ts#enableFeedbackLinkAction': admin,
  'app/(app)/admin/feedback/actions.ts#rotateFeedbackLinkAction': admin,
  'app/(app)/admin/feedback/actions.ts#disableFeedbackLinkAction': admin,
  'app/(app)/admin/feedback/actions.ts#setFeedbackQuestionAction': admin,
  'app/(app)/admin/lifecycle/actions.ts#saveLifecycleRulesAction': admin,
  'app/(app)/admin/settings/actions.ts#saveCompanySettingsAction': admin,
  'app/(app)/admin/settings/actions.ts#requestTimeZoneChangeAction': admin,
  'app/(app)/admin/segments/actions.ts#createSegmentAction': admin,
  'app/(app)/admin/segments/actions.ts#renameSegmentAction': admin,
  'app/(app)/admin/segments/actions.ts#setSegmentActiveAction': admin,
  'app/(app)/admin/segments/actions.ts#deleteSegmentAction': admin,
  'app/(app)/admin/stages/actions.ts#createStageAction': admin,
  'app/(app)/admin/stages/actions.ts#renameStageAction': admin,
  'app/(app)/admin/stages/actions.ts#moveStageAction': admin,
  'app/(app)/admin/stages/actions.ts#deleteStageAction': admin,
  'app/(app)/admin/stages/actions.ts#setStageOwnerAction': admin,
  'app/(app)/admin/touchpoints/actions.ts#createTouchpointAction': admin,
  'app/(app)/admin/touchpoints/actions.ts#updateTouchpointAction': admin,
  'app/(app)/admin/touchpoints/actions.ts#setTouchpointActiveAction': admin,
  'app/(app)/admin/touchpoints/actions.ts#deleteTouchpointAction': admin,
  'app/(app)/admin/touchpoints/actions.ts#restateOpportunitiesAction': admin,
  'app/(app)/admin/users/actions.ts#setUserActiveAction': admin,
  'app/(app)/admin/webhooks/actions.ts#createWebhookAction': admin,
  'app/(app)/admin/webhooks/actions.ts#setWebhookActiveAction': admin,
  'app/(app)/admin/webhooks/actions.ts#deleteWebhookAction': admin,
  'app/(app)/admin/webhooks/actions.ts#sendTestPingAction': admin,
  'app/(app)/admin/webhooks/actions.ts#redeliverAction': admin,
  'app/(app)/admin/webhooks/actions.ts#updateWebhookSettingsAction': admin,
  'app/(app)/admin/users/actions.ts#createUserAction': admin,
  'app/(app)/admin/users/actions.ts#changeUserRoleAction': admin,
  'app/(app)/admin/users/actions.ts#resetUserPasswordAction': admin,
  'app/(app)/admin/users/actions.ts#endUserSessionsAction': admin,
  'app/(app)/cases/actions.ts#openCaseAction': { permission: 'triageDefects' },
  // Staff may work cases they own: the actions check ownership on the loaded record.
  'app/(app)/cases/actions.ts#updateCaseAction': { permission: 'viewOwnWork' },
  'app/(app)/cases/actions.ts#linkDefectsToCaseAction': { permission: 'triageDefects' },
  'app/(app)/cases/actions.ts#evaluateCaseAction': { permission: 'viewOwnWork' },
  'app/(app)/cases/actions.ts#evaluateChartsAction': { permission: 'triageDefects' },
  'app/(app)/customers/actions.ts#createCustomerAction': { permission: 'manageCustomers' },
  'app/(app)/customers/actions.ts#mergeCustomersAction': { permission: 'mergeCustomers' },
  'app/(app)/customers/actions.ts#updateCustomerAction': { permission: 'manageCustomers' },
  'app/(app)/customers/actions.ts#createPersonalFeedbackLinkAction': { permission: 'manageCustomers' },
  // Staff may work defects assigned to them: the action checks ownership on the loaded record.
  'app/(app)/defects/actions.ts#updateDefectAction': { permission: 'viewOwnWork' },
  'app/(app)/defects/actions.ts#commentOnDefectAction': { permission: 'viewOwnWork' },
  'app/(app)/defects/actions.ts#bulkAssignDefectsAction': { permission: 'triageDefects' },
  'app/(app)/defects/actions.ts#bulkMoveDefectsAction': { permission: 'triageDefects' },
  'app/(app)/defects/actions.ts#createManualDefectAction': { permission: 'triageDefects' },
  'app/(app)/inbox/actions.ts#setCommentHandledAction': { permission: 'triageDefects' },
  'app/(app)/inbox/actions.ts#assignCommentAction': { permission: 'triageDefects' },
  'app/(app)/inbox/actions.ts#raiseDefectFromCommentAction': { permission: 'triageDefects' },
  'app/(app)/inbox/actions.ts#openCaseFromCommentAction': { permission: 'triageDefects' },
  'app/(app)/interactions/actions.ts#updateInteractionAction': { permission: 'logInteraction' },
  'app/(app)/interactions/actions.ts#deleteInteractionAction': { permission: 'deleteRecords' },
  // Any member of staff confirms who sent feedback whose typed email matched a customer.
  'app/(app)/interactions/actions.ts#settleFeedbackMatchAction': { permission: 'manageCustomers' },
  'app/(app)/log/actions.ts#logInteractionAction': { permission: 'logInteraction' },
  'app/(app)/notifications/actions.ts#markNotificationReadAction': { permission: 'viewOwnWork' },
  'app/(app)/notifications/actions.ts#markAllNotificationsReadAction': { permission: 'viewOwnWork' },
  'app/(auth)/login/actions.ts#signInAction': { public: 'checks the password, throttled per pair, email and address' },
  'app/f/[token]/actions.ts#submitFeedbackAction': { public: 'needs a live feedback token, limited per address' },
};

const ROUTES: Record<string, Access> = {
  'app/(app)/admin/feedback/[touchpointId]/qr/route.ts#GET': admin,
  'app/(app)/customers/duplicates/route.ts#GET': { permission: 'manageCustomers' },
  'app/(app)/customers/export/route.ts#GET': { permission: 'importExport' },
  'app/(app)/customers/import/upload/route.ts#POST': { permission: 'importExport' },
  'app/(app)/customers/search/route.ts#GET': { permission: 'logInteraction' },
  'app/(app)/defects/export/route.ts#GET': { permission: 'importExport' },
  'app/(app)/interactions/export/route.ts#GET': { permission: 'importExport' },
  'app/(app)/interactions/import/upload/route.ts#POST': { permission: 'importExport' },
  'app/api/auth/[...nextauth]/route.ts#GET': { public: 'Auth.js: sessions are checked in its jwt callback' },
  'app/api/auth/[...nextauth]/route.ts#POST': { public: 'Auth.js: sign-in goes through authenticate()' },
  'app/api/health/live/route.ts#GET': { public: 'liveness probe: answers without touching the database' },
  'app/api/health/route.ts#GET': { public: 'readiness probe, says nothing about the data' },
  'app/api/notifications/unread/route.ts#GET': { permission: 'viewOwnWork' },
  'app/api/unsubscribe/[token]/route.ts#POST': { public: 'needs an unsubscribe token signed with AUTH_SECRET' },
  'app/api/v1/cases/route.ts#GET': { permission: 'viewDashboard' },
  'app/api/v1/cases/[id]/route.ts#GET': { permission: 'viewDashboard' },
  'app/api/v1/interactions/route.ts#POST': { permission: 'logInteraction' },
  'app/api/v1/metrics/route.ts#GET': { permission: 'viewDashboard' },
  'app/api/v1/openapi.json/route.ts#GET': { public: 'the API description' },
  'app/api/v1/touchpoints/route.ts#GET': { permission: 'viewDashboard' },
};

type Principal = 'anonymous' | 'pending' | 'deactivated' | Role;
const PRINCIPALS: Principal[] = ['anonymous', 'pending', 'deactivated', 'staff', 'manager', 'admin'];
const ids: Partial<Record<Principal, string>> = {};

function expected(
  access: { permission: Permission; allowPending?: boolean },
  who: Principal,
): 'refused401' | 'refused403' | 'allowed' {
  if (who === 'anonymous' || who === 'deactivated') return 'refused401';
  // The pending user is an admin: only their one-time password holds them back.
  if (who === 'pending') return access.allowPending ? 'allowed' : 'refused403';
  return can(who, access.permission) ? 'allowed' : 'refused403';
}

async function callRoute(key: string): Promise<number> {
  const [file, method] = key.split('#') as [string, string];
  const loaded = (await import(path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<Response>>;
  const request = new Request(`http://localhost/${file}`, {
    method,
    ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
  });
  const response = await loaded[method]!(request, {
    params: Promise.resolve({ touchpointId: randomUUID(), id: randomUUID() }),
  });
  await response.body?.cancel();
  return response.status;
}

async function callAction(key: string): Promise<number> {
  const [file, name] = key.split('#') as [string, string];
  const loaded = (await import(path.join(root, file))) as Record<string, (raw: unknown) => Promise<unknown>>;
  const result = (await loaded[name]!({})) as { ok: boolean; status?: number };
  return result.ok ? 200 : (result.status ?? 200);
}

beforeAll(async () => {
  ids.staff = (await createUser({ role: 'staff' })).id;
  ids.manager = (await createUser({ role: 'manager' })).id;
  ids.admin = (await createUser({ role: 'admin' })).id;
  ids.deactivated = (await createUser({ role: 'admin', active: false })).id;
  const pending = await createUser({ role: 'admin' });
  const db = await getDb();
  await db.update(schema.users).set({ mustChangePassword: true }).where(eq(schema.users.id, pending.id));
  ids.pending = pending.id;
});

describe('the role × action and route matrix', () => {
  it('has an entry for every server action and every route handler, and none for what is gone', async () => {
    const actions = await discover('actions.ts', (_key, value) => typeof value === 'function');
    const routes = await discover('route.ts', (key) => HTTP_METHODS.includes(key));
    expect(actions).toEqual(Object.keys(ACTIONS).sort());
    expect(routes).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [kind, table, call] of [
    ['action', ACTIONS, callAction],
    ['route', ROUTES, callRoute],
  ] as const) {
    for (const [key, access] of Object.entries(table)) {
      if ('public' in access) continue;
      it(`${kind} ${key} refuses exactly whom it should`, async () => {
        for (const who of PRINCIPALS) {
          signInAs(who === 'anonymous' ? null : ids[who]!);
          const outcome = expected(access, who);
          const before = outcome === 'allowed' ? '' : await footprint();
          const status = await call(key);
          if (outcome === 'refused401') expect(status, who).toBe(401);
          else if (outcome === 'refused403') expect(status, who).toBe(403);
          else {
            expect([401, 403], who).not.toContain(status);
            expect(status, who).toBeLessThan(500);
          }
          if (outcome !== 'allowed') expect(await footprint(), who).toBe(before);
        }
      });
    }
  }
});
