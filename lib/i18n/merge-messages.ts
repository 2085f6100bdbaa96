import type { AbstractIntlMessages } from 'next-intl';

/**
 * `base` with `extra` laid over it, merged at every level: a route that adds 'admin.users' keeps
 * the 'admin.common' an outer layout gave. Neither argument is changed.
 */
export function mergeMessages(base: AbstractIntlMessages, extra: AbstractIntlMessages): AbstractIntlMessages {
  const merged: AbstractIntlMessages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const under = merged[key];
    merged[key] = typeof value === 'object' && typeof under === 'object' ? mergeMessages(under, value) : value;
  }
  return merged;
}
