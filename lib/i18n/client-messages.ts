import type { AbstractIntlMessages } from 'next-intl';

/*
 * The message namespaces client components read (useTranslations in a 'use client' file or in a
 * module one imports), and only those, go to the browser, and each page gets only the ones its own
 * client components read: the root layout's NextIntlClientProvider sends BASE_CLIENT_NAMESPACES
 * (what the shell and the error pages read, on every page), and the layout at each prefix of
 * ROUTE_CLIENT_NAMESPACES adds that prefix's list with <RouteClientMessages prefix="…">
 * (components/i18n/route-messages.tsx); nested prefixes add up. A page under /dashboard thus no
 * longer carries the admin forms' or the defect workflow's messages in its serialized component
 * data. The server reads every message as before. lib/i18n/client-messages.test.ts follows each
 * page's imports and its layouts' and fails when a client component it renders reads a namespace
 * not covered there, or when a listed namespace is read by no page under its prefix; a namespace
 * covers its sub-namespaces.
 */
export const BASE_CLIENT_NAMESPACES = ['errors', 'shell'] as const;

export const ROUTE_CLIENT_NAMESPACES = {
  '/account/language': ['account.language'],
  '/account/notifications': ['notifications'],
  '/account/password': ['admin.password'],
  '/admin': ['admin.common'],
  '/admin/api-keys': ['admin.apiKeys'],
  '/admin/audit': ['ui.filters'],
  '/admin/feedback': ['feedback.links'],
  '/admin/lifecycle': ['admin.lifecycle'],
  '/admin/settings': ['admin.settings', 'admin.timeZone'],
  '/admin/stages': ['admin.stages'],
  '/admin/touchpoints': ['admin.touchpoints.form', 'enums.channel'],
  '/admin/users': ['admin.users', 'enums.role'],
  '/admin/webhooks': ['admin.webhooks'],
  '/cases': ['cases.buttons'],
  '/cases/[id]': ['cases', 'charts.pChart'],
  '/cases/new': ['cases'],
  '/customers': ['ui.filters'],
  '/customers/[id]': ['admin.common', 'customers.personalLink', 'feedback.links'],
  '/customers/[id]/edit': ['customers.duplicateWarning', 'customers.form', 'enums.lifecycle'],
  '/customers/import': ['imports.form', 'imports.mapping'],
  '/customers/new': ['customers.duplicateWarning', 'customers.form', 'enums.lifecycle'],
  '/dashboard': ['cases.buttons', 'charts.pChart', 'charts.pareto', 'charts.trend', 'charts.yield'],
  '/defects': ['defects', 'enums', 'ui.filters', 'ui.pagination', 'ui.sort'],
  '/defects/new': ['interactions.fields', 'interactions.when'],
  '/f/[token]': ['feedback.form'],
  '/inbox': ['ui.filters', 'voice.inbox'],
  '/interactions': ['ui.filters'],
  '/interactions/[id]': [
    'enums.outcome',
    'interactions.delete',
    'interactions.edit',
    'interactions.feedbackMatch',
    'interactions.fields',
    'interactions.when',
  ],
  '/interactions/import': ['imports.form', 'imports.mapping'],
  '/log': ['customers.duplicateWarning', 'enums.outcome', 'interactions.fields', 'interactions.when', 'log'],
  '/login': ['auth.signIn'],
  '/notifications': ['admin.common'],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesPrefix = keyof typeof ROUTE_CLIENT_NAMESPACES;

const picks = new WeakMap<AbstractIntlMessages, Map<readonly string[], AbstractIntlMessages>>();

/**
 * The messages under `namespaces` (dotted paths), in the catalogue's own shape. Each language's
 * catalogue is one object for the whole process, so the pick of each list is made once.
 */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  let lists = picks.get(messages);
  if (!lists) picks.set(messages, (lists = new Map()));
  let picked = lists.get(namespaces);
  if (!picked) lists.set(namespaces, (picked = pick(messages, namespaces)));
  return picked;
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
