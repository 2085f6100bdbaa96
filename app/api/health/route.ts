import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';

export const dynamic = 'force-dynamic';

/** Readiness: answers 200 once the database is open, migrated and answering. */
export async function GET() {
  try {
    const { db, driver } = await getDbHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', database: driver });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503 });
  }
}
