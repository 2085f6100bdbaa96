import { replicaStatus } from '@/db';
import { RETRY_AFTER_SECONDS } from '@/lib/api/outage';
import { checkReadiness } from '@/lib/health/readiness';

export const dynamic = 'force-dynamic';

/**
 * Readiness: 200 when the database answers, its migrations are current, it accepts a write and
 * DATA_DIR has room; else 503 with Retry-After and the failing check. Answers within 2 s.
 * Liveness (the process itself) is /api/health/live. `replicas` lists each read replica of
 * DATABASE_READ_URL with its state and lag behind the primary; a replica down or lagging does not make
 * the app unready, since its reads go to the primary.
 */
export async function GET() {
  const readiness = await checkReadiness();
  const body = {
    status: readiness.ready ? 'ok' : 'unavailable',
    database: readiness.database,
    checks: readiness.checks,
    // Numbered in DATABASE_READ_URL's order: a public probe does not name internal hosts.
    replicas: replicaStatus().map((r, i) => ({
      replica: i + 1,
      state: r.state,
      lagSeconds: r.lagSeconds === null ? null : Math.round(r.lagSeconds * 10) / 10,
    })),
  };
  return Response.json(body, {
    status: readiness.ready ? 200 : 503,
    headers: {
      'cache-control': 'no-store',
      ...(readiness.ready ? {} : { 'retry-after': String(RETRY_AFTER_SECONDS) }),
    },
  });
}
