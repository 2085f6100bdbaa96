import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
    ['components/ui/use-action.ts'],
    oneActionHook,
  ),
  // The hook itself is the one place those React APIs serve actions.
  restrict(['components/ui/use-action.ts'], [noDb]),
  restrict(['app/**'], [], [], oneActionHook),
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
];

export default config;
