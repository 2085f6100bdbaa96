import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { selectRows } from '@/db/client';
import { defineJob, registerSchedule } from '@/lib/jobs/registry';
import { nextDaily } from '@/lib/jobs/schedule';
import { analyseComment } from './analyse-comment';

export const ANALYSE_COMMENTS = 'analyse-comments';

/** Comments analysed per statement, and at most per run. */
const BATCH = 1_000;
const PER_RUN = 50_000;

/**
 * Gives a sentiment and key phrases to the comments written before OutsideIn analysed them (every
 * write since does it in its own transaction): one batch per statement, in id order.
 * Returns how many it analysed.
 */
export async function analyseUnanalysedComments(db: DbOrTx, limit = PER_RUN): Promise<number> {
  let done = 0;
  // In id order, after the last batch: a comment that reads as empty (only unusual spaces) stays
  // unanalysed without being fetched again.
  let after = '00000000-0000-0000-0000-000000000000';
  while (done < limit) {
    const rows = await selectRows<{ id: string; notes: string }>(
      db,
      sql`select id, notes from interactions where sentiment is null and notes ~ '[^[:space:]]' and id > ${after}::uuid
        order by id limit ${Math.min(BATCH, limit - done)}`,
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const json = JSON.stringify(
      rows.map((r) => {
        const a = analyseComment(r.notes);
        return {
          id: r.id,
          sentiment: a.sentiment,
          sentiment_score: a.sentimentScore,
          comment_phrases: a.commentPhrases,
        };
      }),
    );
    await db.execute(sql`update interactions i set sentiment = x.sentiment, sentiment_score = x.sentiment_score,
        comment_phrases = x.comment_phrases
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, sentiment sentiment, sentiment_score real, comment_phrases text[])
      where i.id = x.id`);
    done += rows.length;
  }
  return done;
}

defineJob({
  kind: ANALYSE_COMMENTS,
  async run(_payload, { db }) {
    await analyseUnanalysedComments(db);
  },
});

registerSchedule({
  name: ANALYSE_COMMENTS,
  next: (after, { timeZone }) => nextDaily(after, { hour: 1, minute: 30 }, timeZone),
});
