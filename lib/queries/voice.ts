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
 * the touchpoints they come from. One statement, aggregated in SQL over the phrases array.
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
  // One scan over both periods: counts per phrase × touchpoint, then the top phrases and, for each,
  // its touchpoints with most comments in the period.
  const rows = await selectRows<{
    phrase: string;
    comments: number;
    previous: number;
    id: string | null;
    name: string | null;
    place_comments: number | null;
  }>(
    db,
    sql`with pt as (
          select t.phrase, ${interactions.touchpointId} as touchpoint_id,
            count(*) filter (where ${current}) as c, count(*) filter (where not ${current}) as p
          from ${interactions} cross join lateral unnest(${interactions.commentPhrases}) as t(phrase)
          where ${both}
          group by t.phrase, ${interactions.touchpointId}
        ), top as (
          select phrase, sum(c)::int as comments, sum(p)::int as previous from pt
          group by phrase having sum(c) >= ${THEME_MIN_COMMENTS}
          order by comments desc, phrase limit ${limit}
        ), ranked as (
          select pt.phrase, ${touchpoints.id} as id, ${touchpoints.name} as name, pt.c::int as place_comments,
            row_number() over (partition by pt.phrase order by pt.c desc, ${touchpoints.name}) as rank
          from pt join top on top.phrase = pt.phrase join ${touchpoints} on ${touchpoints.id} = pt.touchpoint_id
          where pt.c > 0
        )
        select top.phrase, top.comments, top.previous, ranked.id, ranked.name, ranked.place_comments
        from top left join ranked on ranked.phrase = top.phrase and ranked.rank <= ${TOUCHPOINTS_PER_THEME}
        order by top.comments desc, top.phrase, ranked.rank`,
  );
  const themes: CommentTheme[] = [];
  for (const r of rows) {
    let theme = themes.at(-1);
    if (theme?.phrase !== r.phrase) {
      theme = { phrase: r.phrase, comments: r.comments, previous: r.previous, touchpoints: [] };
      themes.push(theme);
    }
    if (r.id !== null && r.name !== null && r.place_comments !== null)
      theme.touchpoints.push({ id: r.id, name: r.name, comments: r.place_comments });
  }
  return themes;
}
