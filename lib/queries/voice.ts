import 'server-only';
import { and, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { selectRows } from '@/db/client';
import { interactions, touchpoints } from '@/db/schema';
import { interactionFiltersSchema, type ScopeFilters } from '@/lib/validation/filters';
import { previousPeriod, type MetricsFilters } from '@/lib/validation/metrics';
import { interactionConditions } from './filter-conditions';

/** Themes the dashboard lists, and touchpoints shown per theme. */
export const THEME_LIMIT = 12;
const TOUCHPOINTS_PER_THEME = 3;
/** A phrase met in a single comment is not a theme yet. */
export const THEME_MIN_COMMENTS = 2;

export interface CommentTheme {
  phrase: string;
  /** Unhappy comments with this phrase in the period: the number its drill-down lists. */
  comments: number;
  /** The same in the period of the same length before. */
  previous: number;
  /** Where they come from, most first. */
  touchpoints: { id: string; name: string; comments: number }[];
}

/**
 * The interactions filters that list exactly the comments one theme counts: the scope, the unhappy
 * ones (experience below expectation, NPS detractor or CSAT ≤ 2) and, with a phrase, that phrase.
 */
export function themeFilters(scope: ScopeFilters, phrase?: string) {
  const { from, to, touchpoint, stage, channel, segment } = scope;
  return { from, to, touchpoint, stage, channel, segment, unhappy: '1' as const, theme: phrase };
}

/**
 * Keyword themes: the key phrases stored with each comment (lib/voice/analyse-comment.ts), counted
 * over the unhappy interactions in the period, with the previous period's count for the trend and
 * the touchpoints they come from. Two statements, both aggregated in SQL over the phrases array.
 */
export async function getCommentThemes(filters: MetricsFilters, limit = THEME_LIMIT): Promise<CommentTheme[]> {
  const db = await getDb();
  const before = previousPeriod(filters);
  // "Has phrases" as well: with the unhappy condition, the predicate of the partial index
  // interactions_unhappy_phrases_idx (migration unhappy-comment-phrases-index), read index-only.
  const phrased = isNotNull(interactions.commentPhrases);
  const both = and(
    phrased,
    interactionConditions(interactionFiltersSchema.parse(themeFilters({ ...filters, from: before.from }))),
  );
  const current = sql`${interactions.occurredAt} >= ${`${filters.from}T00:00:00Z`}::timestamptz`;
  const top = await selectRows<{ phrase: string; comments: number; previous: number }>(
    db,
    sql`select t.phrase, (count(*) filter (where ${current}))::int as comments,
          (count(*) filter (where not ${current}))::int as previous
        from ${interactions} cross join lateral unnest(${interactions.commentPhrases}) as t(phrase)
        where ${both}
        group by t.phrase
        having count(*) filter (where ${current}) >= ${THEME_MIN_COMMENTS}
        order by comments desc, t.phrase
        limit ${limit}`,
  );
  if (top.length === 0) return [];
  const phrases = top.map((t) => t.phrase);
  const where = and(phrased, interactionConditions(interactionFiltersSchema.parse(themeFilters(filters))));
  const places = await selectRows<{ phrase: string; id: string; name: string; comments: number }>(
    db,
    sql`select * from (
          select t.phrase, ${touchpoints.id} as id, ${touchpoints.name} as name, count(*)::int as comments,
            row_number() over (partition by t.phrase order by count(*) desc, ${touchpoints.name}) as rank
          from ${interactions} cross join lateral unnest(${interactions.commentPhrases}) as t(phrase)
          join ${touchpoints} on ${touchpoints.id} = ${interactions.touchpointId}
          where ${where} and t.phrase = any(${sql.param(phrases)}::text[])
          group by t.phrase, ${touchpoints.id}, ${touchpoints.name}
        ) ranked where rank <= ${TOUCHPOINTS_PER_THEME}
        order by phrase, rank`,
  );
  return top.map((t) => ({
    ...t,
    touchpoints: places.filter((p) => p.phrase === t.phrase).map(({ id, name, comments }) => ({ id, name, comments })),
  }));
}
