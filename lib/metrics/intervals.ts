import type { Interval } from './value';

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.96;

/** Below this many units (rates) or responses (scores) a value is "too few to judge". */
export const MIN_TO_JUDGE = 30;

export const isTooFew = (n: number) => n < MIN_TO_JUDGE;

/**
 * Wilson score interval of a share p = successes / n:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Null without observations.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  // At p = 0 or 1 the bound equals the share; clamp away rounding below 0 or above 1.
  return { low: Math.max(0, (centre - spread) / scale), high: Math.min(1, (centre + spread) / scale) };
}

/**
 * The NPS interval: SE = 100·√((P + D − (P − D)²) / n) with P and D the promoter and detractor
 * shares, NPS ± 1.96·SE, kept inside −100 to 100. Null without responses.
 */
export function npsInterval(
  { responses, promoters, detractors }: { responses: number; promoters: number; detractors: number },
  z = Z_95,
): Interval | null {
  if (!(responses > 0)) return null;
  const p = promoters / responses;
  const d = detractors / responses;
  const nps = (p - d) * 100;
  const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / responses);
  return { low: Math.max(-100, nps - z * se), high: Math.min(100, nps + z * se) };
}
