/*
 * A short-lived memory of the dashboard's answers in this process (docs/performance.md, "The
 * dashboard's answer cache"). The dashboard is not a read-your-own-writes page: it may read a
 * replica up to DATABASE_READ_MAX_LAG behind. So an answer read a few seconds ago
 * (DASHBOARD_CACHE_SECONDS, 0 = off) is as good as one read now, with two rules that keep it honest:
 *
 * - Any write made through this process forgets every answer (forgetDashboardAnswers: server
 *   actions, API writes, uploads, the public feedback form, every job the runner runs), so a user's
 *   own change shows on their next dashboard view on this instance.
 * - Answers are kept per database handle (the primary or one replica: the company's data and its
 *   read source), under a key naming everything the answer depends on; none depends on the user.
 *
 * Entries hold the read's promise, so renders asking the same question at once share one read. A
 * forget replaces the whole store: a read that started before the write finishes into the store
 * that was dropped and can never be served after it.
 */

import { TimedMemo } from '@/lib/timed-memo';

/** Answers kept per database at most; the least recently used go first. */
export const MAX_ANSWERS = 256;

interface State {
  stores: WeakMap<object, TimedMemo>;
}

// On globalThis: Next.js bundles actions, routes and pages separately, and a forget in one bundle
// must reach the answers another bundle keeps.
const shared = globalThis as unknown as { __outsideinDashboardAnswers?: State };
const state = (shared.__outsideinDashboardAnswers ??= { stores: new WeakMap() });

/** Forgets every remembered answer: call after anything this process wrote has committed. */
export function forgetDashboardAnswers(): void {
  state.stores = new WeakMap();
}

/**
 * The answer to `key` on `db`: remembered for `seconds` after it was asked, else read now. With
 * `seconds` 0 it always reads.
 */
export function rememberedAnswer<T>(
  db: object,
  key: string,
  seconds: number,
  read: () => Promise<T>,
  now: number = Date.now(),
): Promise<T> {
  if (seconds <= 0) return read();
  let store = state.stores.get(db);
  if (!store) {
    store = new TimedMemo(MAX_ANSWERS);
    state.stores.set(db, store);
  }
  return store.remember(key, seconds, read, now);
}
