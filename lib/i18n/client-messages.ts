import type { AbstractIntlMessages } from 'next-intl';

/*
 * The message namespaces client components read (useTranslations in a 'use client' file or in a
 * module one imports), and only those, go to the browser: the root layout's NextIntlClientProvider
 * would otherwise serialise the whole catalogue (~70 KB) into every page. The server reads every
 * message as before. lib/i18n/client-messages.test.ts follows the client components' imports and
 * fails when one reads a namespace not covered here; a namespace covers its sub-namespaces.
 */
export const CLIENT_NAMESPACES = [
  'account.language',
  'admin.apiKeys',
  'admin.common',
  'admin.lifecycle',
  'admin.password',
  'admin.settings',
  'admin.stages',
  'admin.timeZone',
  'admin.touchpoints.form',
  'admin.users',
  'admin.webhooks',
  'auth.signIn',
  'cases',
  'charts.pChart',
  'charts.pareto',
  'charts.trend',
  'charts.yield',
  'customers.duplicateWarning',
  'customers.form',
  'customers.personalLink',
  'defects',
  'enums',
  'errors',
  'feedback.form',
  'feedback.links',
  'imports.form',
  'imports.mapping',
  'interactions.delete',
  'interactions.edit',
  'interactions.feedbackMatch',
  'interactions.fields',
  'interactions.when',
  'log',
  'notifications',
  'shell',
  'ui.filters',
  'ui.pagination',
  'ui.sort',
  'voice.inbox',
] as const;

const picks = new WeakMap<AbstractIntlMessages, AbstractIntlMessages>();

/**
 * The messages under `namespaces` (dotted paths), in the catalogue's own shape. Each language's
 * catalogue is one object for the whole process, so its pick is made once.
 */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  if (namespaces === CLIENT_NAMESPACES) {
    const known = picks.get(messages);
    if (known) return known;
    const made = pick(messages, namespaces);
    picks.set(messages, made);
    return made;
  }
  return pick(messages, namespaces);
}

function pick(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const parts = namespace.split('.');
    let from: AbstractIntlMessages | string | undefined = messages;
    let to = picked;
    for (const [i, part] of parts.entries()) {
      from = typeof from === 'object' ? from[part] : undefined;
      if (from === undefined) break;
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as AbstractIntlMessages;
    }
  }
  return picked;
}
