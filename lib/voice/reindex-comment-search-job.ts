import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { defineJob, registerSchedule } from '@/lib/jobs/registry';
import { nextDaily } from '@/lib/jobs/schedule';

export const REINDEX_COMMENT_SEARCH = 'reindex-comment-search';

/** Interactions read per statement, in id order. */
const BATCH = 5_000;

/**
 * Moves every comment indexed in another text search configuration than the company locale's to
 * that one, which makes PostgreSQL regenerate its search vector (notes_search): after a change of
 * locale, "Lieferungen" finds "Lieferung" in the German comments written before. One batch per
 * statement, in id order, so it can stop and resume anywhere. Returns how many it moved.
 */
export async function reindexCommentSearch(db: DbOrTx): Promise<number> {
  let moved = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const [batch] = await selectRows<{ last: string | null; moved: number }>(
      db,
      sql`with page as (
            select id, search_config from interactions where id > ${after}::uuid order by id limit ${BATCH}
          ), changed as (
            update interactions i set search_config = company_search_config()
            from page where i.id = page.id and page.search_config <> company_search_config()
            returning 1
          )
          select (select max(id::text) from page) as last, (select count(*) from changed)::int as moved`,
    );
    if (!batch?.last) return moved;
    moved += batch.moved;
    after = batch.last;
  }
}

defineJob({
  kind: REINDEX_COMMENT_SEARCH,
  async run(_payload, { db }) {
    await reindexCommentSearch(db);
  },
});

// The settings page queues it when the locale changes; nightly, it catches anything left over.
registerSchedule({
  name: REINDEX_COMMENT_SEARCH,
  next: (after, { timeZone }) => nextDaily(after, { hour: 2, minute: 30 }, timeZone),
});
