export const dynamic = 'force-dynamic';

/**
 * Liveness: 200 whenever the process can answer at all, whatever the database does, so a
 * supervisor restarts only a process that is truly stuck. Readiness is /api/health.
 */
export function GET() {
  return Response.json(
    { status: 'alive', uptimeSeconds: Math.round(process.uptime()) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
