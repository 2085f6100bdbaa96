-- The keyword themes read the phrases of unhappy comments in a period (lib/queries/voice.ts). This
-- partial index holds exactly those rows, with the columns the themes and their scope filters read,
-- so the count is an index-only scan instead of fetching wide rows (notes, search vector) from the
-- table. Its predicate must stay the one of `unhappyInteraction` in lib/queries/filter-conditions.ts.
CREATE INDEX "interactions_unhappy_phrases_idx" ON "interactions" USING btree ("occurred_at")
  INCLUDE ("touchpoint_id", "customer_id", "comment_phrases")
  WHERE "comment_phrases" IS NOT NULL
    AND ("experience" < "expectation" OR "nps" <= 6 OR "csat" <= 2);
