import { z } from 'zod';
import { daySchema } from '@/lib/dates';
import { CHANNELS, DEFECT_KINDS, DEFECT_STATUSES, OUTCOMES, SENTIMENTS, SEVERITIES, SOURCES } from '@/lib/enums';
import { msg } from './messages';

/**
 * The filters that lists, the dashboard, drill-down links, CSV exports and the API share. They
 * live in the URL: repeat a parameter for several values (`?touchpoint=a&touchpoint=b`); dates
 * are UTC days, both ends inclusive.
 */

const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      value === undefined || value === '' ? [] : Array.isArray(value) ? value.filter((v) => v !== '') : [value],
    z.array(item),
  );

const optional = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : Array.isArray(value) ? value[0] : value),
    item.optional(),
  );

const flag = optional(z.enum(['1', '0'], { error: msg('useOneOrZero') }));

const uuid = z.uuid({ error: msg('unknownId') });

/**
 * `segment=none`: interactions and defects without a customer or whose customer has no segment,
 * the dashboard's "No segment" row.
 */
export const NO_SEGMENT = 'none';

/** Where the customer journey is cut: shared by interactions, defects, the dashboard and the API. */
export const scopeFiltersSchema = z.object({
  from: optional(daySchema),
  to: optional(daySchema),
  touchpoint: many(uuid),
  stage: many(uuid),
  channel: many(z.enum(CHANNELS)),
  segment: many(z.union([uuid, z.literal(NO_SEGMENT)])),
});

/** Which score an interaction must have: `gap` means both expectation and experience. */
export const SCORE_FILTERS = ['csat', 'nps', 'effort', 'gap'] as const;

/** NPS groups: detractors answer 0–6, passives 7–8, promoters 9–10. */
export const NPS_GROUPS = ['detractor', 'passive', 'promoter'] as const;

/** Longest search text and theme accepted from the URL. */
export const SEARCH_MAX = 200;

const trimmed = (max: number, what: 'searchMax' | 'themeMax') =>
  z
    .string()
    .trim()
    .max(max, { error: msg(what, { max }) })
    .transform((v) => (v === '' ? undefined : v));

export const interactionFiltersSchema = scopeFiltersSchema.extend({
  outcome: many(z.enum(OUTCOMES)),
  source: many(z.enum(SOURCES)),
  loggedBy: many(uuid),
  customer: optional(uuid),
  /** 1: only interactions with at least one open (non-dismissed) defect; 0: only those without. */
  hasDefects: flag,
  /** Only interactions that have every one of these scores: the drill-down of a score card. */
  scored: many(z.enum(SCORE_FILTERS, { error: msg('useScoreFilter') })),
  /** Words to find in the notes or feedback comment (web-search syntax: "quoted phrase", -word, or). */
  q: optional(trimmed(SEARCH_MAX, 'searchMax')),
  /** 1: only interactions with a comment (notes). */
  commented: flag,
  sentiment: many(z.enum(SENTIMENTS, { error: msg('useSentiment') })),
  /** By NPS answer: detractor 0–6, passive 7–8, promoter 9–10. */
  npsGroup: many(z.enum(NPS_GROUPS, { error: msg('useNpsGroup') })),
  /** 1: experience scored below expectation. */
  below: flag,
  /** Only CSAT answers at or below this (1–5). */
  csatMax: optional(
    z.coerce
      .number({ error: msg('useCsatRange') })
      .int()
      .min(1)
      .max(5),
  ),
  /**
   * 1: the interactions whose comments feed the themes: experience below expectation, an NPS
   * detractor or CSAT ≤ 2.
   */
  unhappy: flag,
  /** A keyword theme: interactions whose comment has this key phrase. */
  theme: optional(trimmed(100, 'themeMax')),
});

export const defectFiltersSchema = scopeFiltersSchema.extend({
  status: many(z.enum(DEFECT_STATUSES)),
  kind: many(z.enum(DEFECT_KINDS)),
  category: many(uuid),
  severity: many(z.enum(SEVERITIES)),
  owner: many(uuid),
  customer: optional(uuid),
  interaction: optional(uuid),
  /** 1: follow-up date passed and the defect still needs work (not verified, closed or dismissed). */
  overdue: flag,
  /** 1: raised by an auto-defect rule; 0: logged by hand. */
  auto: flag,
  /** 1: nobody owns it yet (the triage queue). */
  unassigned: flag,
  /** Days since the defect was recorded: the backlog's age bands. */
  age: optional(z.enum(['0-7', '8-30', '31-90', '90+'], { error: msg('useAge') })),
  /** Only the defects linked to this case. */
  case: optional(uuid),
});

export type ScopeFilters = z.output<typeof scopeFiltersSchema>;
export type InteractionFilters = z.output<typeof interactionFiltersSchema>;

const NO_INTERACTION_FILTERS: InteractionFilters = interactionFiltersSchema.parse({});

/** A list page's filters from its URL: a URL that does not parse shows the unfiltered list, saying so. */
export function readInteractionFilters(raw: Record<string, unknown>): {
  filters: InteractionFilters;
  understood: boolean;
} {
  const parsed = interactionFiltersSchema.safeParse(raw);
  return parsed.success
    ? { filters: parsed.data, understood: true }
    : { filters: NO_INTERACTION_FILTERS, understood: false };
}
export type DefectFilters = z.output<typeof defectFiltersSchema>;

/** The defect statuses that count in the numbers: everything but dismissed. */
export const COUNTED_DEFECT_STATUSES = DEFECT_STATUSES.filter((s) => s !== 'dismissed');

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Search params (a page's `searchParams` or a URLSearchParams) as a plain object of strings and arrays. */
export function paramsToObject(params: RawParams): Record<string, string | string[]> {
  if (!(params instanceof URLSearchParams)) {
    return Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string | string[]] => e[1] !== undefined),
    );
  }
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** Filters back to a query string, for links (drill-downs, pagination, exports). */
export function filtersToSearchParams(filters: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  return params;
}
