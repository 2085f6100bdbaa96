import type { Page } from '@playwright/test';
import type { DemoRole } from './accounts';

/**
 * Every page of the app, for the sweeps that look at all of them (accessibility, layout): a fixed
 * path, or a list to open and the first link of a kind to follow, for pages with an id.
 */
export interface SitePage {
  name: string;
  path: string | { list: string; link: RegExp; suffix?: string };
  roles: readonly DemoRole[];
}

const ALL = ['admin', 'manager', 'staff'] as const;
const MANAGERS = ['admin', 'manager'] as const;
const ADMIN = ['admin'] as const;
const ID = '[0-9a-f-]{36}';

export const SITE_PAGES: SitePage[] = [
  { name: 'dashboard', path: '/dashboard', roles: MANAGERS },
  // The chart tables render only while open: checked once, every one open.
  { name: 'dashboard, tables open', path: '/dashboard?tables=trend,pchart,pareto,rty', roles: ['manager'] },
  { name: 'portfolio', path: '/portfolio', roles: MANAGERS },
  { name: 'my work', path: '/my-work', roles: ALL },
  { name: 'log interaction', path: '/log', roles: ALL },
  { name: 'interactions', path: '/interactions', roles: ALL },
  { name: 'feedback inbox', path: '/inbox', roles: MANAGERS },
  { name: 'an interaction', path: { list: '/interactions', link: new RegExp(`^/interactions/${ID}$`) }, roles: ALL },
  { name: 'import interactions', path: '/interactions/import', roles: MANAGERS },
  { name: 'customers', path: '/customers', roles: ALL },
  { name: 'a customer', path: { list: '/customers', link: new RegExp(`^/customers/${ID}$`) }, roles: ALL },
  {
    name: 'edit a customer',
    path: { list: '/customers', link: new RegExp(`^/customers/${ID}$`), suffix: '/edit' },
    roles: ['staff'],
  },
  { name: 'new customer', path: '/customers/new', roles: ALL },
  { name: 'import customers', path: '/customers/import', roles: MANAGERS },
  { name: 'defects', path: '/defects', roles: ALL },
  { name: 'defect board', path: '/defects?view=board', roles: MANAGERS },
  { name: 'a defect', path: { list: '/defects', link: new RegExp(`^/defects/${ID}$`) }, roles: ALL },
  { name: 'new defect', path: '/defects/new', roles: MANAGERS },
  { name: 'stages', path: '/admin/stages', roles: ADMIN },
  { name: 'touchpoints', path: '/admin/touchpoints', roles: ADMIN },
  {
    name: 'a touchpoint',
    path: { list: '/admin/touchpoints', link: new RegExp(`^/admin/touchpoints/${ID}$`) },
    roles: ADMIN,
  },
  { name: 'new touchpoint', path: '/admin/touchpoints/new', roles: ADMIN },
  { name: 'categories', path: '/admin/categories', roles: ADMIN },
  { name: 'segments', path: '/admin/segments', roles: ADMIN },
  { name: 'lifecycle rules', path: '/admin/lifecycle', roles: ADMIN },
  { name: 'company settings', path: '/admin/settings', roles: ADMIN },
  { name: 'users', path: '/admin/users', roles: ADMIN },
  { name: 'feedback links', path: '/admin/feedback', roles: ADMIN },
  {
    // The public form a feedback link opens, reached from the admin list like a customer would.
    name: 'a feedback link',
    path: { list: '/admin/feedback', link: /^\/f\/[\w-]+$/ },
    roles: ADMIN,
  },
  { name: 'API keys', path: '/admin/api-keys', roles: ADMIN },
  { name: 'audit log', path: '/admin/audit', roles: ADMIN },
  { name: 'cases', path: '/cases', roles: ALL },
  { name: 'a case', path: { list: '/cases', link: new RegExp(`^/cases/${ID}$`) }, roles: MANAGERS },
  { name: 'open a case', path: '/cases/new', roles: MANAGERS },
  { name: 'notifications', path: '/notifications', roles: ALL },
  { name: 'notification settings', path: '/account/notifications', roles: ALL },
  { name: 'background jobs', path: '/admin/jobs', roles: ADMIN },
  { name: 'mail outbox', path: '/admin/mail', roles: ADMIN },
  { name: 'webhooks', path: '/admin/webhooks', roles: ADMIN },
  { name: 'change password', path: '/account/password', roles: ALL },
  { name: 'language', path: '/account/language', roles: ALL },
  { name: 'no access (403)', path: '/admin/users', roles: ['staff', 'manager'] },
  { name: 'not found (404)', path: '/no-such-page', roles: ['staff'] },
];

/** The page's path; for a page with an id, the first matching link on its list. */
export async function resolvePath(page: Page, site: SitePage): Promise<string> {
  const { path } = site;
  if (typeof path === 'string') return path;
  await page.goto(path.list);
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => path.link.test(h));
  if (!href) throw new Error(`No link to ${site.name} on ${path.list}`);
  return `${href}${path.suffix ?? ''}`;
}
