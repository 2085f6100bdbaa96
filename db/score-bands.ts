/*
 * Where a customer's score counts as satisfied, a promoter or a detractor: one definition for the
 * rollup triggers (generated from db/rollup-sql.ts), the customer page's own counts and the
 * metric formulas (docs/metrics.md). Plain numbers, safe in any bundle.
 */

/** CSAT answers from this value up (4–5 on a 1–5 scale) are satisfied. */
export const CSAT_SATISFIED_MIN = 4;
/** NPS answers from this value up (9–10) are promoters. */
export const NPS_PROMOTER_MIN = 9;
/** NPS answers up to this value (0–6) are detractors. */
export const NPS_DETRACTOR_MAX = 6;
/** CSAT answers up to this value (1–2) make a comment unhappy, for the keyword themes. */
export const CSAT_UNHAPPY_MAX = 2;
