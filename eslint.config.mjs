import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import i18next from 'eslint-plugin-i18next';

// The import direction app → components → lib → db (docs/architecture.md), one rule per folder.
const restrict = (files, patterns, ignores = [], paths = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});
// One way to call a server action from a client component: useAction (components/ui/use-action.ts).
const oneActionHook = [
  {
    name: 'react',
    importNames: ['useActionState', 'useTransition', 'startTransition'],
    message: 'Call server actions through useAction (components/ui/use-action.ts).',
  },
];
// One way to link: Link from components/ui/link.tsx, which turns prefetching off.
const oneLink = [{ name: 'next/link', message: 'Use Link from @/components/ui/link (prefetching off).' }];
const noApp = { group: ['@/app/**'], message: 'Only app/ imports app/: move what is shared down into lib/.' };
const noComponents = { group: ['@/components/**'], message: 'lib/ and db/ never import components/.' };
const noDb = {
  group: ['@/db', '@/db/**'],
  message: 'Components reach the database only through lib/ (enums and labels: @/lib/enums).',
};
// Modules client components import: no database module, so no Drizzle table reaches a browser.
const CLIENT_SAFE_LIB = [
  'lib/enums.ts',
  'lib/validation/**',
  'lib/format.ts',
  'lib/dates.ts',
  'lib/errors.ts',
  'lib/defects/workflow.ts',
  'lib/cases/workflow.ts',
  'lib/feedback/limits.ts',
  'lib/csv/guess-column.ts',
  'lib/jobs/event-types.ts',
  'lib/auth/api-scopes.ts',
  'lib/auth/roles.ts',
  'lib/metrics/**',
];

/*
 * No literal text a user reads: JSX text and the strings of attributes a reader meets (aria-label,
 * title, placeholder, …) come from the message files (docs/i18n.md). A folder joins this list
 * once its text is moved; attributes that carry code, not words, are excluded.
 */
const TRANSLATED = [
  'components/shell/**',
  'components/ui/**',
  'components/log/**',
  'components/interactions/**',
  'app/(app)/log/**',
  'components/auth/**',
  'components/errors/**',
  'components/feedback/**',
  'components/dashboard/**',
  'components/charts/**',
  'app/(app)/dashboard/**',
  'app/(app)/portfolio/**',
  'app/(app)/inbox/**',
  'app/(app)/account/**',
  'components/voice/**',
  'components/account/**',
  'app/(auth)/**',
  'app/f/**',
  'app/unsubscribe/**',
  'app/*.tsx',
  'app/(app)/error.tsx',
  'components/admin/**',
  'components/notifications/**',
  'app/(app)/admin/**',
  'app/(app)/notifications/**',
  'app/(app)/account/notifications/**',
  'components/customers/**',
  'components/import/**',
  'app/(app)/customers/**',
  'app/(app)/interactions/**',
  'app/(app)/my-work/**',
  'app/(app)/layout.tsx',
  'app/(app)/actions.ts',
  'components/defects/**',
  'components/cases/**',
  'app/(app)/defects/**',
  'app/(app)/cases/**',
];
const noLiteralText = {
  files: TRANSLATED,
  plugins: { i18next },
  rules: {
    'i18next/no-literal-string': [
      'error',
      {
        mode: 'jsx-only',
        // Chart options: recharts' label placement ({ value: t('axis'), position: 'insideLeft' }).
        'object-properties': { exclude: ['[A-Z_-]+', 'position', 'href'] },
        'jsx-attributes': {
          exclude: [
            'className',
            'style',
            'type',
            'key',
            'id',
            'href',
            'name',
            'method',
            'role',
            'htmlFor',
            'autoComplete',
            'inputMode',
            'data-.*',
            'aria-(hidden|live|current|haspopup|controls|describedby|labelledby|sort|orientation)',
            'variant',
            'size',
            'tone',
            'target',
            'rel',
            'src',
            'viewBox',
            'd',
            'fill',
            'stroke.*',
            'points',
            'x.*',
            'y.*',
            'r',
            'dataKey',
            'layout',
            'scope',
            'lang',
            'dir',
            'pattern',
            'accept',
            'encType',
            'form',
            'sizes',
            'loading',
            'prefetch',
            // <RouteClientMessages prefix="/admin">: a route, not text.
            'prefix',
            'align',
            'as',
            'step',
            'min',
            'max',
            'value',
            'column',
            'measure',
            'orientation',
            'stackId',
            'textAnchor',
            'cursor',
            'domain',
            // Our components' props that carry code: a route, a form's id prefix, a variant.
            'redirectTo',
            'path',
            'idPrefix',
            'kind',
            'defaultDir',
            'endpoint',
            'confirmName',
          ],
        },
        // Calls whose string arguments are message keys or format names, not words: t('key'),
        // tEnum('key'), t.rich('key', …), format.number(v, 'percent'), m.metric(v, 'share').
        callees: {
          exclude: [
            'i18n(ext)?',
            't\\w*',
            'm\\.(metric|interval)',
            'format(ter)?\\.\\w+',
            't\\w*\\.(rich|markup|has|raw)',
            'format\\.\\w+',
            'require',
            // can(role, 'permission'): a permission's name.
            'can',
            'addEventListener',
            'removeEventListener',
            'postMessage',
            'getElementById',
            'dispatch',
            'commit',
            'includes',
            'indexOf',
            'endsWith',
            'startsWith',
          ],
        },
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      '.e2e-data/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  // Client components call the server actions of app/ routes, and nothing else there.
  restrict(
    ['components/**'],
    [
      {
        regex: '^@/app/(?!(.+/)?actions$)',
        message: 'components/ imports only the server actions (actions.ts) of app/.',
      },
      noDb,
    ],
    ['components/ui/use-action.ts', 'components/ui/link.tsx'],
    [...oneActionHook, ...oneLink],
  ),
  // The hook itself is the one place those React APIs serve actions; the link, next/link.
  restrict(['components/ui/use-action.ts'], [noDb], [], oneLink),
  restrict(['components/ui/link.tsx'], [noDb], [], oneActionHook),
  restrict(['app/**'], [], [], [...oneActionHook, ...oneLink]),
  restrict(['lib/**'], [noApp, noComponents], CLIENT_SAFE_LIB),
  restrict(CLIENT_SAFE_LIB, [
    noApp,
    noComponents,
    { ...noDb, message: 'A module client components import must not import db/: use @/lib/enums.' },
  ]),
  // db/ stands alone: of lib/ only the environment and the enum lists (which import nothing).
  // The demo seed is a script that drives lib/ as the app does, so it is left out.
  restrict(
    ['db/**'],
    [
      noApp,
      noComponents,
      {
        regex: '^(@/|\\.\\./)lib/(?!(env|enums)$)',
        message: 'db/ imports only @/lib/env and ../lib/enums from lib/.',
      },
    ],
    ['db/seed-demo.ts'],
  ),
  noLiteralText,
];

export default config;
