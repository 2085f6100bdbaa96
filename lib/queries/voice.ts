import 'server-only';
import { and, isNotNull, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { selectPreparedRows } from '@/db/client';
import { interactions, touchpoints } from '@/db/schema';
import { interactionFiltersSchema, type ScopeFilters } from '@/lib/validation/filters';
import { previousPeriod, type MetricsFilters } from '@/lib/validation/metrics';
import { PHRASE_ROLLUPS, type PhraseRollup } from '@/db/voice-rollup-sql';
import { splitByWholeMonths } from '@/lib/dates';
import { interactionConditions, rollupTarget, scopeConditions } from './filter-conditions';

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

type Dim = PhraseRollup['dims'][number];

/** The smallest phrase rollup of a grain that keeps every dimension asked for, if any. */
function phraseRollup(grain: PhraseRollup['grain'], needs: Dim[]): PhraseRollup | undefined {
  return PHRASE_ROLLUPS.filter((r) => r.grain === grain && needs.every((d) => r.dims.includes(d))).sort(
    (a, b) => a.dims.length - b.dims.length,
  )[0];
}

/**
 * The rollup rows of the phrases of unhappy comments in some periods, as one relation
 * (phrase, comments, day[, touchpoint_id]), narrowed to the scope as the lists narrow
 * (filter-conditions' rollupTarget): whole months from the smallest monthly rollup that keeps the
 * scope's dimensions, the days around them (or every day, when none does) from the smallest daily
 * one. A month's row carries its first day. Several rows may share a key (deltas not folded yet):
 * readers sum.
 */
function phraseRows(
  filters: MetricsFilters,
  periods: { from: string; to: string }[],
  { byTouchpoint = false, phrases }: { byTouchpoint?: boolean; phrases?: string[] } = {},
): SQL {
  const joinTouchpoints = filters.stage.length > 0 || filters.channel.length > 0;
  const needs: Dim[] = [
    ...(byTouchpoint || joinTouchpoints || filters.touchpoint.length ? ['touchpoint_id' as const] : []),
    ...(filters.segment.length ? ['segment_id' as const] : []),
  ];
  const scope = scopeConditions({ ...filters, from: undefined, to: undefined }, rollupTarget);
  const read = (rollup: PhraseRollup, from: string, to: string) => {
    const grain = sql.raw(`r.${rollup.grain}`);
    const conditions = [
      sql`${grain} between ${from}::date and ${to}::date`,
      ...scope,
      ...(phrases ? [sql`r.phrase = any(${sql.param(phrases)}::text[])`] : []),
    ];
    return sql`select r.phrase, r.comments, ${grain} as day${byTouchpoint ? sql`, r.touchpoint_id` : sql``}
      from ${sql.raw(rollup.table)} r${joinTouchpoints ? sql` join touchpoints tp on tp.id = r.touchpoint_id` : sql``}
      where ${sql.join(conditions, sql` and `)}`;
  };
  const daily = phraseRollup('day', needs)!;
  const monthly = phraseRollup('month', needs);
  const parts = periods.flatMap(({ from, to }) => {
    if (!monthly) return [read(daily, from, to)];
    const split = splitByWholeMonths(from, to);
    return [
      ...(split.months ? [read(monthly, split.months.first, split.months.last)] : []),
      ...split.days.map((d) => read(daily, d.from, d.to)),
    ];
  });
  return sql`(${sql.join(parts, sql` union all `)})`;
}

/**
 * Keyword themes: the key phrases stored with each comment (lib/voice/analyse-comment.ts), counted
 * over the unhappy interactions in the period, with the previous period's count for the trend and
 * the touchpoints they come from. Read from the phrase rollups (db/voice-rollup-sql.ts), which
 * triggers keep equal to the counts over the comments themselves (getCommentThemesFromRows).
 */
export async function getCommentThemes(
  filters: MetricsFilters,
  limit = THEME_LIMIT,
  database?: DbOrTx,
): Promise<CommentTheme[]> {
  const db = database ?? (await getDb());
  const before = previousPeriod(filters);
  const current = sql`day >= ${filters.from}::date`;
  const top = await selectPreparedRows<{ phrase: string; comments: number; previous: number }>(
    db,
    sql`select phrase, (coalesce(sum(comments) filter (where ${current}), 0))::int as comments,
          (coalesce(sum(comments) filter (where not ${current}), 0))::int as previous
        from ${phraseRows(filters, [before, filters])} x
        group by phrase
        having sum(comments) filter (where ${current}) >= ${THEME_MIN_COMMENTS}
        order by comments desc, phrase
        limit ${limit}`,
  );
  if (top.length === 0) return [];
  const rows = phraseRows(filters, [filters], { byTouchpoint: true, phrases: top.map((t) => t.phrase) });
  const places = await selectPreparedRows<{ phrase: string; id: string; name: string; comments: number }>(
    db,
    sql`select * from (
          select x.phrase, tp.id, tp.name, x.comments,
            row_number() over (partition by x.phrase order by x.comments desc, tp.name) as rank
          from (select phrase, touchpoint_id, sum(comments)::int as comments from ${rows} r
                group by 1, 2 having sum(comments) > 0) x
          join touchpoints tp on tp.id = x.touchpoint_id
        ) ranked where rank <= ${TOUCHPOINTS_PER_THEME}
        order by phrase, rank`,
  );
  return top.map((t) => ({
    ...t,
    touchpoints: places.filter((p) => p.phrase === t.phrase).map(({ id, name, comments }) => ({ id, name, comments })),
  }));
}

/**
 * The same themes counted over the comments themselves, without the rollups: what the rollups must
 * always equal (tests/integration/voice-rollups.test.ts) and the "before" of `npm run bench:voice`.
 */
export async function getCommentThemesFromRows(filters: MetricsFilters, limit = THEME_LIMIT): Promise<CommentTheme[]> {
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
  const top = await selectPreparedRows<{ phrase: string; comments: number; previous: number }>(
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
  const places = await selectPreparedRows<{ phrase: string; id: string; name: string; comments: number }>(
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
