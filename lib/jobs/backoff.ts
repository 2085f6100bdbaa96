/** Seconds before the first retry; each later retry waits four times longer, up to the cap. */
export const FIRST_RETRY_SECONDS = 5;
export const MAX_RETRY_SECONDS = 4 * 60 * 60;

/**
 * The wait before retrying a job that has failed `attempts` times: 5 s, 20 s, 80 s, 5 min 20 s,
 * 21 min, 85 min, then every 4 h. Exponential, so a broken receiver is not hammered.
 */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(FIRST_RETRY_SECONDS * 4 ** exponent, MAX_RETRY_SECONDS);
}

/** Whether a job that failed `attempts` times gives up rather than being retried. */
export function shouldGiveUp(options: {
  attempts: number;
  maxAttempts: number;
  now: Date;
  expiresAt: Date | null;
}): boolean {
  if (options.attempts >= options.maxAttempts) return true;
  if (!options.expiresAt) return false;
  return options.now.getTime() + retryDelaySeconds(options.attempts) * 1000 > options.expiresAt.getTime();
}
